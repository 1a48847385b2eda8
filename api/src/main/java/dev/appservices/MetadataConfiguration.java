package dev.appservices;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How an {@link App} stores its users, tokens, profiles and device ids (configuration keys
 * {@code appservices.<id>.metadata.*}).
 *
 * <pre>{@code
 * MetadataConfiguration metadata = MetadataConfiguration.builder()
 *         .mode(MetadataMode.ENCRYPTION)
 *         .directory(Path.of("/var/lib/orders"))
 *         .keyStore(KeyStoreKey.of(Path.of("/etc/orders/keys.p12"), () -> password()))
 *         .build();
 * }</pre>
 *
 * <p>The store of an app lives in {@code <directory>/<id>/}, or, with {@link MetadataStoreKind#JDBC}, in the rows of
 * its id in a database shared by the servers of a cluster ({@link #dataSource()} or {@link #dataSourceName()}). In
 * {@link MetadataMode#ENCRYPTION} mode exactly one key source is required: a {@linkplain #keyStore() key store} or a
 * {@linkplain #encryptionKey() raw key}; in the other modes key sources are ignored. Building a configuration never
 * touches the file system or a database.
 *
 * <p>To rotate the key, configure the new key as the key source and the old one as the previous key source
 * ({@link #previousKeyStore()} or {@link #previousEncryptionKey()}): the store, found sealed with the previous key,
 * is sealed again with the new key when it is opened, without losing users. Afterwards the previous key is no
 * longer needed.
 *
 * <p>Instances are immutable and thread-safe; equality compares every setting (for a key store: its path, type and
 * alias, not its password).
 *
 * @since 0.1
 */
public final class MetadataConfiguration {

    /** The JNDI name of the default data source of a Jakarta EE server, used by a {@code JDBC} store by default. */
    public static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    private final MetadataMode mode;
    private final Path directory;
    private final KeyStoreKey keyStore;
    private final EncryptionKey encryptionKey;
    private final InvalidMetadataPolicy onInvalid;
    private final KeyStoreKey previousKeyStore;
    private final EncryptionKey previousEncryptionKey;
    private final MetadataStoreKind store;
    private final String dataSourceName;
    private final DataSource dataSource;

    private MetadataConfiguration(Builder builder) {
        this.mode = builder.mode;
        this.directory = builder.directory;
        this.keyStore = builder.keyStore;
        this.encryptionKey = builder.encryptionKey;
        this.onInvalid = builder.onInvalid;
        this.previousKeyStore = builder.previousKeyStore;
        this.previousEncryptionKey = builder.previousEncryptionKey;
        this.store = builder.store;
        this.dataSourceName = builder.dataSourceName;
        this.dataSource = builder.dataSource;
    }

    /**
     * Starts a configuration with the defaults: {@link MetadataMode#NO_ENCRYPTION} in
     * {@link #defaultDirectory()}, no key source, {@link InvalidMetadataPolicy#FAIL}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a configuration with every setting copied from {@code existing}.
     *
     * @param existing the configuration to copy
     * @return a new builder
     * @throws NullPointerException if {@code existing} is null
     */
    public static Builder builder(MetadataConfiguration existing) {
        ApiMessages.requireNonNull(existing, "existing");
        Builder builder = new Builder();
        builder.mode = existing.mode;
        builder.directory = existing.directory;
        builder.keyStore = existing.keyStore;
        builder.encryptionKey = existing.encryptionKey;
        builder.onInvalid = existing.onInvalid;
        builder.previousKeyStore = existing.previousKeyStore;
        builder.store = existing.store;
        builder.dataSourceName = existing.dataSourceName;
        builder.dataSource = existing.dataSource;
        builder.previousEncryptionKey = existing.previousEncryptionKey;
        return builder;
    }

    /**
     * Returns the configuration of a store that keeps users in memory only ({@link MetadataMode#IN_MEMORY}).
     *
     * @return an in-memory configuration
     */
    public static MetadataConfiguration inMemory() {
        return builder().mode(MetadataMode.IN_MEMORY).build();
    }

    /**
     * Returns the default directory, {@code ${user.home}/.appservices}, read from the system property
     * {@code user.home} at each call.
     *
     * @return the default directory
     */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".appservices");
    }

    /**
     * Returns the storage mode.
     *
     * @return the mode, by default {@link MetadataMode#NO_ENCRYPTION}
     */
    public MetadataMode mode() {
        return mode;
    }

    /**
     * Returns the directory under which each app keeps its store in {@code <directory>/<id>/}; unused in
     * {@link MetadataMode#IN_MEMORY} mode.
     *
     * @return the directory, by default {@link #defaultDirectory()}
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the key-store entry that holds the encryption key.
     *
     * @return the key-store key, or empty if none is configured
     */
    public Optional<KeyStoreKey> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    /**
     * Returns the raw encryption key.
     *
     * @return the raw key, or empty if none is configured
     */
    public Optional<EncryptionKey> encryptionKey() {
        return Optional.ofNullable(encryptionKey);
    }

    /**
     * Returns what to do when the store exists but cannot be read.
     *
     * @return the policy, by default {@link InvalidMetadataPolicy#FAIL}
     */
    public InvalidMetadataPolicy onInvalid() {
        return onInvalid;
    }

    /**
     * Returns the key-store entry of the key used before a rotation (configuration keys
     * {@code appservices.<id>.metadata.previous-key-store.path}, {@code .type}, {@code .password}, {@code .alias}).
     * A store still sealed with it is sealed again with the current key when opened.
     *
     * @return the previous key-store key, or empty if none is configured
     */
    public Optional<KeyStoreKey> previousKeyStore() {
        return Optional.ofNullable(previousKeyStore);
    }

    /**
     * Returns the raw key used before a rotation (configuration key
     * {@code appservices.<id>.metadata.previous-encryption-key}). A store still sealed with it is sealed again with
     * the current key when opened.
     *
     * @return the previous raw key, or empty if none is configured
     */
    public Optional<EncryptionKey> previousEncryptionKey() {
        return Optional.ofNullable(previousEncryptionKey);
    }

    /**
     * Returns where a persisted store keeps its users (configuration key {@code appservices.<id>.metadata.store});
     * unused in {@link MetadataMode#IN_MEMORY} mode.
     *
     * @return the kind of store, by default {@link MetadataStoreKind#FILE}
     */
    public MetadataStoreKind store() {
        return store;
    }

    /**
     * Returns the JNDI name of the {@link DataSource} of a {@link MetadataStoreKind#JDBC} store (configuration key
     * {@code appservices.<id>.metadata.datasource}), looked up when the App opens its store unless a
     * {@linkplain #dataSource() data source} is given.
     *
     * @return the JNDI name, by default {@value #DEFAULT_DATA_SOURCE}
     */
    public String dataSourceName() {
        return dataSourceName;
    }

    /**
     * Returns the {@link DataSource} given in code (Java SE) for a {@link MetadataStoreKind#JDBC} store; it takes
     * precedence over {@link #dataSourceName()}.
     *
     * @return the data source, or empty if the store looks one up in JNDI
     */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /**
     * Compares every setting.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is a {@code MetadataConfiguration} with equal settings
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MetadataConfiguration)) {
            return false;
        }
        MetadataConfiguration that = (MetadataConfiguration) other;
        return mode == that.mode
                && directory.equals(that.directory)
                && Objects.equals(keyStore, that.keyStore)
                && Objects.equals(encryptionKey, that.encryptionKey)
                && onInvalid == that.onInvalid
                && Objects.equals(previousKeyStore, that.previousKeyStore)
                && Objects.equals(previousEncryptionKey, that.previousEncryptionKey)
                && store == that.store
                && dataSourceName.equals(that.dataSourceName)
                && dataSource == that.dataSource;
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(
                mode,
                directory,
                keyStore,
                encryptionKey,
                onInvalid,
                previousKeyStore,
                previousEncryptionKey,
                store,
                dataSourceName,
                System.identityHashCode(dataSource));
    }

    /**
     * Describes the configuration without secrets.
     *
     * @return mode, store, directory or data source, key sources (redacted) and policy
     */
    @Override
    public String toString() {
        String previous = previousKeyStore == null && previousEncryptionKey == null
                ? ""
                : ", previousKey=" + describeKeySource(previousKeyStore, previousEncryptionKey);
        String where = store == MetadataStoreKind.FILE
                ? "directory=" + directory
                : "dataSource=" + (dataSource != null ? "(given)" : dataSourceName);
        return "MetadataConfiguration[mode=" + mode + ", store=" + store + ", " + where + ", key="
                + describeKeySource(keyStore, encryptionKey) + previous + ", onInvalid=" + onInvalid + "]";
    }

    private static String describeKeySource(KeyStoreKey keyStore, EncryptionKey encryptionKey) {
        return keyStore != null ? keyStore.toString() : encryptionKey != null ? encryptionKey.toString() : "(none)";
    }

    /**
     * Builds a {@link MetadataConfiguration}.
     *
     * <p>Builders are not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private MetadataMode mode = MetadataMode.NO_ENCRYPTION;
        private Path directory = defaultDirectory();
        private KeyStoreKey keyStore;
        private EncryptionKey encryptionKey;
        private InvalidMetadataPolicy onInvalid = InvalidMetadataPolicy.FAIL;
        private KeyStoreKey previousKeyStore;
        private EncryptionKey previousEncryptionKey;
        private MetadataStoreKind store = MetadataStoreKind.FILE;
        private String dataSourceName = DEFAULT_DATA_SOURCE;
        private DataSource dataSource;

        private Builder() {}

        /**
         * Sets the storage mode.
         *
         * @param mode the mode
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder mode(MetadataMode mode) {
            this.mode = ApiMessages.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets where a persisted store keeps its users.
         *
         * @param store the kind of store
         * @return this builder
         * @throws NullPointerException if {@code store} is null
         */
        public Builder store(MetadataStoreKind store) {
            this.store = ApiMessages.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the JNDI name of the data source of a {@link MetadataStoreKind#JDBC} store.
         *
         * @param dataSourceName the JNDI name, for example {@code java:comp/env/jdbc/appservices}
         * @return this builder
         * @throws NullPointerException     if {@code dataSourceName} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder dataSourceName(String dataSourceName) {
            this.dataSourceName = ApiMessages.requireNonBlank(dataSourceName, "dataSourceName");
            return this;
        }

        /**
         * Gives the data source of the store (Java SE, or a data source that is not in JNDI) and makes the store a
         * {@link MetadataStoreKind#JDBC} one.
         *
         * @param dataSource the data source; the App never closes it
         * @return this builder
         * @throws NullPointerException if {@code dataSource} is null
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = ApiMessages.requireNonNull(dataSource, "dataSource");
            this.store = MetadataStoreKind.JDBC;
            return this;
        }

        /**
         * Sets the directory under which each app keeps its store in {@code <directory>/<id>/}.
         *
         * @param directory the directory; it need not exist yet
         * @return this builder
         * @throws NullPointerException if {@code directory} is null
         */
        public Builder directory(Path directory) {
            this.directory = ApiMessages.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Sets the key-store entry that holds the encryption key.
         *
         * @param keyStore the key-store key, or {@code null} for none
         * @return this builder
         */
        public Builder keyStore(KeyStoreKey keyStore) {
            this.keyStore = keyStore;
            return this;
        }

        /**
         * Sets the raw encryption key.
         *
         * @param encryptionKey the raw key, or {@code null} for none
         * @return this builder
         */
        public Builder encryptionKey(EncryptionKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * Sets what to do when the store exists but cannot be read.
         *
         * @param onInvalid the policy
         * @return this builder
         * @throws NullPointerException if {@code onInvalid} is null
         */
        public Builder onInvalid(InvalidMetadataPolicy onInvalid) {
            this.onInvalid = ApiMessages.requireNonNull(onInvalid, "onInvalid");
            return this;
        }

        /**
         * Sets the key-store entry of the key used before a rotation; see
         * {@link MetadataConfiguration#previousKeyStore()}.
         *
         * @param previousKeyStore the previous key-store key, or {@code null} for none
         * @return this builder
         */
        public Builder previousKeyStore(KeyStoreKey previousKeyStore) {
            this.previousKeyStore = previousKeyStore;
            return this;
        }

        /**
         * Sets the raw key used before a rotation; see {@link MetadataConfiguration#previousEncryptionKey()}.
         *
         * @param previousEncryptionKey the previous raw key, or {@code null} for none
         * @return this builder
         */
        public Builder previousEncryptionKey(EncryptionKey previousEncryptionKey) {
            this.previousEncryptionKey = previousEncryptionKey;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return a new immutable configuration
         * @throws IllegalArgumentException if the mode is {@link MetadataMode#ENCRYPTION} and no key source
         *         ({@code APPSVC0105}) or both key sources ({@code APPSVC0110}) are set, or both previous key
         *         sources are set ({@code APPSVC0113})
         */
        public MetadataConfiguration build() {
            if (mode == MetadataMode.ENCRYPTION) {
                if (keyStore == null && encryptionKey == null) {
                    throw ApiMessages.missingEncryptionKey();
                }
                if (keyStore != null && encryptionKey != null) {
                    throw ApiMessages.twoKeySources();
                }
                if (previousKeyStore != null && previousEncryptionKey != null) {
                    throw ApiMessages.twoPreviousKeySources();
                }
            }
            return new MetadataConfiguration(this);
        }
    }
}
