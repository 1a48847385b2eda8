package dev.appservices.sync;

/**
 * Told when a session's {@link ConnectionState} changes.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ConnectionStateListener {

    /**
     * Called on the session's thread after the change.
     *
     * @param newState the state now
     * @param oldState the state before
     */
    void onChange(ConnectionState newState, ConnectionState oldState);
}
