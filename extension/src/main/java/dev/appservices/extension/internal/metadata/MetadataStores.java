package dev.appservices.extension.internal.metadata;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;

/**
 * Opens the metadata store an App's configuration asks for.
 */
public final class MetadataStores {

    private MetadataStores() {
    }

    /**
     * Opens the store of one App. For {@code ENCRYPTION} the configured key is loaded first (the key-store password
     * is read and cleared here), so that a key problem fails before the store's directory is touched.
     *
     * @param appId         the App id (the store of a persisted mode lives in {@code <directory>/<appId>/})
     * @param configuration the metadata settings of the App
     * @param onReset       told when an unreadable store was replaced by an empty one (policy {@code RESET})
     * @return the open store
     * @throws dev.appservices.MetadataIntegrityException if the store or key store cannot be trusted (a tampered
     *                                                     or damaged file, a wrong key or password)
     * @throws MetadataStoreException if a persisted store cannot be opened
     */
    public static MetadataStore open(String appId, MetadataConfiguration configuration,
            Consumer<MetadataResetEvent> onReset) {
        Path directory = configuration.directory().resolve(appId);
        switch (configuration.mode()) {
            case NO_ENCRYPTION:
                return FileMetadataStore.open(appId, directory, new PlainCodec(), configuration.onInvalid(), onReset);
            case ENCRYPTION:
                return FileMetadataStore.open(appId, directory, sealedCodec(configuration), configuration.onInvalid(),
                        onReset);
            default:
                return new InMemoryMetadataStore();
        }
    }

    /** The configured key of the {@code ENCRYPTION} mode: a key-store entry or a key derived from a raw key. */
    static WrappingKey wrappingKey(MetadataConfiguration configuration) {
        return configuration.keyStore().map(WrappingKeys::load)
                .orElseGet(() -> WrappingKeys.derive(configuration.encryptionKey().orElseThrow()));
    }

    private static SealedCodec sealedCodec(MetadataConfiguration configuration) {
        WrappingKey key = wrappingKey(configuration);
        Optional<Supplier<WrappingKey>> previous = configuration.previousKeyStore()
                .<Supplier<WrappingKey>>map(keyStore -> () -> WrappingKeys.load(keyStore))
                .or(() -> configuration.previousEncryptionKey().map(raw -> () -> WrappingKeys.derive(raw)));
        return new SealedCodec(key, previous);
    }
}
