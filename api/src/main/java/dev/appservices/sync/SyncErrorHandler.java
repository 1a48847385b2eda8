package dev.appservices.sync;

/**
 * Receives the errors of a sync session: non-fatal ones (retried with back-off), fatal ones (the session stops) and
 * {@link CompensatingWriteException}s (a local write the server refused, already undone locally).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SyncErrorHandler {

    /**
     * Called on the session's thread, never while the session is inactive.
     *
     * @param session the session
     * @param error   the error; {@link SyncException#isFatal()} tells whether the session stopped
     */
    void onError(SyncSession session, SyncException error);
}
