package dev.appservices.extension.internal.metadata;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;
import dev.appservices.MetadataStoreKind;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens the metadata store an App's configuration asks for.
 */
public final class MetadataStores {

    private MetadataStores() {}

    /**
     * Opens the store of one App. For {@code ENCRYPTION} the configured key is loaded first (the key-store password
     * is read and cleared here), so that a key problem fails before the store's directory is touched.
     *
     * @param appId         the App id (a file store lives in {@code <directory>/<appId>/}, a JDBC store in the rows
     *                      of this id)
     * @param configuration the metadata settings of the App
     * @param onReset       told when an unreadable store was replaced by an empty one (policy {@code RESET})
     * @return the open store
     * @throws dev.appservices.MetadataIntegrityException if the store or key store cannot be trusted (a tampered
     *                                                     or damaged file, a wrong key or password)
     * @throws MetadataStoreException if a persisted store cannot be opened (for a JDBC store also: its data source
     *                                cannot be looked up or reached)
     */
    public static MetadataStore open(
            String appId, MetadataConfiguration configuration, Consumer<MetadataResetEvent> onReset) {
        if (configuration.mode() == MetadataMode.IN_MEMORY) {
            return new InMemoryMetadataStore();
        }
        StoreCodec codec =
                configuration.mode() == MetadataMode.ENCRYPTION ? sealedCodec(configuration) : new PlainCodec();
        if (configuration.store() == MetadataStoreKind.JDBC) {
            DataSource dataSource = configuration.dataSource().orElseGet(() -> lookUp(configuration.dataSourceName()));
            String name =
                    configuration.dataSource().isPresent() ? "(given to the App)" : configuration.dataSourceName();
            return JdbcMetadataStore.open(appId, dataSource, name, codec);
        }
        return FileMetadataStore.open(
                appId, configuration.directory().resolve(appId), codec, configuration.onInvalid(), onReset);
    }

    /** The container's data source of that JNDI name, looked up on the calling (application) thread. */
    private static DataSource lookUp(String name) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw MetadataMessages.dataSourceNotFound(name, e);
        }
        if (!(found instanceof DataSource)) {
            throw MetadataMessages.notADataSource(name, found);
        }
        return (DataSource) found;
    }

    /** The configured key of the {@code ENCRYPTION} mode: a key-store entry or a key derived from a raw key. */
    static WrappingKey wrappingKey(MetadataConfiguration configuration) {
        return configuration
                .keyStore()
                .map(WrappingKeys::load)
                .orElseGet(
                        () -> WrappingKeys.derive(configuration.encryptionKey().orElseThrow()));
    }

    private static SealedCodec sealedCodec(MetadataConfiguration configuration) {
        WrappingKey key = wrappingKey(configuration);
        Optional<Supplier<WrappingKey>> previous = configuration
                .previousKeyStore()
                .<Supplier<WrappingKey>>map(keyStore -> () -> WrappingKeys.load(keyStore))
                .or(() -> configuration.previousEncryptionKey().map(raw -> () -> WrappingKeys.derive(raw)));
        return new SealedCodec(key, previous);
    }
}
