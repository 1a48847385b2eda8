package dev.appservices.mongo;

import dev.appservices.AppServicesException;
import dev.appservices.ErrorCode;
import java.util.Objects;

/**
 * The signal that a {@link ChangeStream} has ended and will deliver no more events, with the {@link Reason}. The
 * data service ends streams on its own after some minutes and cannot resume them: a caller that wants more events
 * opens a new stream (and reads what it missed with {@code find}).
 *
 * @since 0.1
 */
public class ChangeStreamEndedException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    /**
     * Why a change stream ended.
     *
     * @since 0.1
     */
    public enum Reason {

        /** The server closed the stream. */
        SERVER_CLOSED,

        /** The caller closed the stream ({@link ChangeStream#close()}, or the subscription was cancelled). */
        CLOSED,

        /** The stream's user logged out or was removed. */
        USER_LOGGED_OUT,

        /** The App was closed. */
        APP_CLOSED
    }

    private final Reason reason;

    /**
     * Creates the signal.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param reason  why the stream ended
     * @throws NullPointerException if {@code reason} is null
     */
    public ChangeStreamEndedException(String message, Reason reason) {
        super(message, ErrorCode.CUSTOM_ERROR);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the stream ended.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
