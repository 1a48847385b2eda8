package dev.appservices.emulator.internal.control;

/**
 * A fault definition that cannot be applied; the message ({@code APPSVC0542}) names the first problem. The admin API
 * answers it with 400 {@code InvalidParameter}. An expected outcome of bad input, so it carries no stack trace.
 */
public final class InvalidFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidFaultException(String message) {
        super(message, null, false, false);
    }
}
