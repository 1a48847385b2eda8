package dev.appservices.emulator;

/**
 * Thrown by the emulator's Java API when the emulator cannot be configured or started, when its data directory
 * cannot be read or written, or when a call of {@link EmulatorAdmin} fails.
 *
 * <p>The message always starts with a stable code {@code APPSVC05nn: } and names what was wrong (the configuration
 * key, the file, the admin route). It never contains a token, password or API key.
 *
 * @since 0.1
 */
public class EmulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a coded message.
     *
     * @param message the message, starting with {@code APPSVC05nn: }
     */
    public EmulatorException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a coded message and the underlying cause.
     *
     * @param message the message, starting with {@code APPSVC05nn: }
     * @param cause the underlying failure
     */
    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
