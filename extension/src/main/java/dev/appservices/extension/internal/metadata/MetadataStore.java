package dev.appservices.extension.internal.metadata;

import java.util.function.UnaryOperator;

/**
 * Where an App keeps its users' metadata (tokens, profiles, identities, device ids, the current user). The store
 * is the source of truth for users: the client reads users from it and changes them only through
 * {@link #update(UnaryOperator)}.
 * <p>
 * Implementations are thread-safe. Opened by {@link MetadataStores#open}, closed with the App.
 */
public interface MetadataStore extends AutoCloseable {

    /** The current content. */
    MetadataSnapshot read();

    /**
     * Applies a change atomically: the change function sees the current content and returns the new one, which is
     * persisted before this method returns. Concurrent updates are serialised.
     *
     * @return the new content
     * @throws dev.appservices.MetadataStoreException if the new content cannot be persisted; the store then keeps
     *                                                its previous content, in memory and on disk
     */
    MetadataSnapshot update(UnaryOperator<MetadataSnapshot> change);

    /**
     * Checks that the store can still be read and written (the health check), without changing its content.
     * Stores without a medium of their own (in memory) have nothing to check beyond being open.
     *
     * @throws dev.appservices.MetadataStoreException if the store cannot be read or written
     */
    default void checkAccess() {
        read();
    }

    /** Releases files and locks; the store cannot be used afterwards. */
    @Override
    void close();
}
