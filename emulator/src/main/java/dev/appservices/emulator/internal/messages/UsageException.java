package dev.appservices.emulator.internal.messages;

import dev.appservices.emulator.EmulatorException;

/**
 * A bad command line of the runnable jar ({@code APPSVC0580}). It carries the process exit status, so the main
 * class exits with it instead of reading the message.
 */
public final class UsageException extends EmulatorException {

    /** The exit status of a usage error, as command-line tools use it. */
    public static final int EXIT_STATUS = 2;

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    public int exitStatus() {
        return EXIT_STATUS;
    }
}
