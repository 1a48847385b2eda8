package dev.appservices;

/**
 * The handle of a listener added with {@link App#addListener(java.util.function.Consumer)}; closing it removes the
 * listener.
 *
 * <p>Implementations are thread-safe; {@link #close()} is idempotent.
 *
 * @since 0.1
 */
public interface ListenerRegistration extends AutoCloseable {

    /**
     * Removes the listener. Events already being delivered may still reach it; later events do not. Closing twice
     * has no further effect.
     */
    @Override
    void close();
}
