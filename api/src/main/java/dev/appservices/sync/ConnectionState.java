package dev.appservices.sync;

/**
 * The state of a session's connection to the backend: it follows the change streams of the subscribed collections.
 *
 * @since 0.1
 */
public enum ConnectionState {

    /** No stream is open: offline, backing off after an error, paused or stopped. */
    DISCONNECTED,

    /** Opening the streams and reading what changed meanwhile. */
    CONNECTING,

    /** Every stream is open and the first catch-up pass has been applied. */
    CONNECTED
}
