package dev.appservices.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.User;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Keeps one {@link SyncedDatabase} in step with the backend: it uploads the local changes in commit order, reads
 * each subscription (paged), follows the subscribed collections' change streams, and reads the subscriptions again
 * after every gap. Requests are bounded by the App's timeout; failures are retried with back-off (1 s doubling to
 * 5 min, with jitter).
 *
 * <h2>Waits</h2>
 *
 * <p>{@link #uploadAllLocalChanges()} completes when every change committed locally before the call has been
 * acknowledged by the server; {@link #downloadAllServerChanges()} when a catch-up pass issued after the call has been
 * applied. A wait with a limit returns {@code false} when the limit passes and the work goes on. Fatal errors fail
 * pending waits; non-fatal ones fail them only when the configuration's
 * {@link SyncConfiguration#cancelWaitsOnNonFatalError() cancelWaitsOnNonFatalError} is set, otherwise the waits
 * complete once the backend answers again. {@link #pause()} fails pending waits ("session became inactive"); waits
 * started while paused wait for {@link #resume()}.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public interface SyncSession {

    /**
     * Whether a session is running.
     *
     * @since 0.1
     */
    enum State {

        /** Syncing, or retrying after a non-fatal error. */
        ACTIVE,

        /** Paused, stopped by a fatal error or a logout, or closed. */
        INACTIVE
    }

    /** The user whose data the session syncs. */
    User user();

    /** The configuration the database was opened with. */
    SyncConfiguration configuration();

    /** Whether the session is running. */
    State state();

    /** The state of the connection to the backend. */
    ConnectionState connectionState();

    /**
     * Waits until every change committed locally before the call has been acknowledged by the server.
     *
     * @throws SyncException if a fatal error (or, with {@code cancelWaitsOnNonFatalError}, any error) happens first,
     *                       the session is paused or closed
     */
    void uploadAllLocalChanges();

    /**
     * {@link #uploadAllLocalChanges()} with a limit.
     *
     * @param timeout how long to wait at most
     * @return {@code false} if the limit passed first (the upload goes on)
     * @throws SyncException as {@link #uploadAllLocalChanges()}
     */
    boolean uploadAllLocalChanges(Duration timeout);

    /**
     * {@link #uploadAllLocalChanges()} without blocking.
     *
     * @return completed when the changes are acknowledged, or exceptionally with the {@link SyncException}
     */
    CompletionStage<Void> uploadAllLocalChangesAsync();

    /**
     * Waits until a catch-up pass issued after the call (every subscription read again) has been applied locally.
     *
     * @throws SyncException as {@link #uploadAllLocalChanges()}
     */
    void downloadAllServerChanges();

    /**
     * {@link #downloadAllServerChanges()} with a limit.
     *
     * @param timeout how long to wait at most
     * @return {@code false} if the limit passed first (the download goes on)
     * @throws SyncException as {@link #uploadAllLocalChanges()}
     */
    boolean downloadAllServerChanges(Duration timeout);

    /**
     * {@link #downloadAllServerChanges()} without blocking.
     *
     * @return completed when the pass has been applied, or exceptionally with the {@link SyncException}
     */
    CompletionStage<Void> downloadAllServerChangesAsync();

    /** Stops syncing until {@link #resume()}: streams close, pending waits fail. Local writes go on. */
    void pause();

    /** Starts syncing again after {@link #pause()} (or a fatal error once the user has logged in again). */
    void resume();

    /** Skips the back-off wait: the next connection attempt starts now. */
    void reconnect();

    /**
     * Adds a progress listener; if progress is known it is told at once.
     *
     * @param direction uploads or downloads
     * @param mode      the work outstanding now, or all work
     * @param listener  told on the session's thread
     * @return the registration that removes it
     */
    ListenerRegistration addProgressListener(
            ProgressDirection direction, ProgressMode mode, Consumer<Progress> listener);

    /**
     * Adds a connection state listener.
     *
     * @param listener told on the thread that changed the state
     * @return the registration that removes it
     */
    ListenerRegistration addConnectionStateListener(ConnectionStateListener listener);
}
