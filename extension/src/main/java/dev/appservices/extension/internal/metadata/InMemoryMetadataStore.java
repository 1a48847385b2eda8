package dev.appservices.extension.internal.metadata;

import java.util.function.UnaryOperator;

/**
 * The {@code IN_MEMORY} metadata store: nothing is persisted, users are gone when the App is closed.
 */
final class InMemoryMetadataStore implements MetadataStore {

    private MetadataSnapshot content = MetadataSnapshot.EMPTY;

    @Override
    public synchronized MetadataSnapshot read() {
        return content;
    }

    @Override
    public synchronized MetadataSnapshot update(UnaryOperator<MetadataSnapshot> change) {
        content = change.apply(content);
        return content;
    }

    @Override
    public synchronized void close() {
        content = MetadataSnapshot.EMPTY;
    }
}
