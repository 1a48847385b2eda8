package dev.appservices.sync;

import dev.appservices.AppServicesException;
import dev.appservices.ErrorCode;

/**
 * A sync error: the cause of a failed wait and what the {@link SyncErrorHandler} receives. Non-fatal errors (a
 * request that timed out, a refused connection, a 5xx, a stream that ended) are retried with back-off; fatal errors
 * (the user's session was revoked, the user logged out or was removed) stop the session. The cause, when there is
 * one, is the exception of the request that failed.
 *
 * @since 0.1
 */
public class SyncException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    private final boolean fatal;

    /**
     * Creates a sync error.
     *
     * @param message the message, starting with its {@code APPSVCnnnn:} code
     * @param fatal   whether the session stopped
     * @param cause   the underlying failure, or {@code null}
     */
    public SyncException(String message, boolean fatal, Throwable cause) {
        super(message, cause instanceof AppServicesException app ? app.errorCode() : ErrorCode.CUSTOM_ERROR, cause);
        this.fatal = fatal;
    }

    /** Whether the session stopped because of this error (until the user logs in again, or for good). */
    public boolean isFatal() {
        return fatal;
    }
}
