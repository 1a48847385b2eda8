package dev.appservices.emulator.internal.js;

/** A JavaScript function failed; the message is what the client sees as {@code FunctionExecutionError}. */
public final class FunctionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FunctionFailure(String message) {
        super(message, null, false, false);
    }
}
