package dev.appservices.extension.internal.config;

import dev.appservices.AppConfiguration;

/**
 * The catalogue of MicroProfile Config keys: the only class that spells key strings. Per-App keys are written
 * {@code appservices.<id>.<suffix>}; every suffix can also be set under {@code appservices.defaults.<suffix>}, the
 * fallback of every App.
 */
public final class ConfigKeys {

    /** The root of every key. */
    public static final String ROOT = "appservices.";

    /** Comma-separated ids of Apps to register as CDI beans although no injection point names them. */
    public static final String IDS = ROOT + "ids";

    /** The id of the default App, the one injected with a bare {@code @AppServices}. */
    public static final String APP_ID = ROOT + "app-id";

    /** The section whose keys are the fallback of every App (a reserved id). */
    public static final String DEFAULTS = AppConfiguration.RESERVED_ID;

    /** Suffix: the server, read at every use (URI). */
    public static final String BASE_URL = "base-url";

    /** Suffix: the timeout of every request, milliseconds or an ISO-8601 duration. */
    public static final String TIMEOUT = "timeout";

    /** Suffix: whether to use the base URL as the host without a location request (boolean). */
    public static final String SKIP_LOCATION = "skip-location";

    /** Suffix: the local application name sent with every login. */
    public static final String APP_NAME = "app-name";

    /** Suffix: the local application version sent with every login. */
    public static final String APP_VERSION = "app-version";

    /** Suffix prefix: {@code headers.<Header-Name>} is an extra request header. */
    public static final String HEADERS = "headers.";

    /** Suffix: the name of the header that carries the bearer token. */
    public static final String AUTHORIZATION_HEADER_NAME = "authorization-header-name";

    /** Suffix: the metadata mode, {@code no-encryption}, {@code encryption} or {@code in-memory}. */
    public static final String METADATA_MODE = "metadata.mode";

    /** Suffix: the directory under which the metadata store of the App lives in {@code <directory>/<id>/}. */
    public static final String METADATA_DIRECTORY = "metadata.directory";

    /** Suffix: the JCA key store that holds the metadata encryption key. */
    public static final String METADATA_KEY_STORE_PATH = "metadata.key-store.path";

    /** Suffix: the type of that key store. */
    public static final String METADATA_KEY_STORE_TYPE = "metadata.key-store.type";

    /** Suffix: the password of that key store, read only when the key store is opened. */
    public static final String METADATA_KEY_STORE_PASSWORD = "metadata.key-store.password";

    /** Suffix: the alias of the secret-key or private-key entry in that key store. */
    public static final String METADATA_KEY_STORE_ALIAS = "metadata.key-store.alias";

    /** Suffix: a raw 64-byte metadata encryption key in base64, the Realm SDKs' format. */
    public static final String METADATA_ENCRYPTION_KEY = "metadata.encryption-key";

    /** Suffix: the JCA key store that held the metadata encryption key before a rotation. */
    public static final String METADATA_PREVIOUS_KEY_STORE_PATH = "metadata.previous-key-store.path";

    /** Suffix: the type of that previous key store. */
    public static final String METADATA_PREVIOUS_KEY_STORE_TYPE = "metadata.previous-key-store.type";

    /** Suffix: the password of that previous key store, read only when the key store is opened. */
    public static final String METADATA_PREVIOUS_KEY_STORE_PASSWORD = "metadata.previous-key-store.password";

    /** Suffix: the alias of the entry in that previous key store. */
    public static final String METADATA_PREVIOUS_KEY_STORE_ALIAS = "metadata.previous-key-store.alias";

    /** Suffix: the raw 64-byte metadata encryption key in base64 used before a rotation. */
    public static final String METADATA_PREVIOUS_ENCRYPTION_KEY = "metadata.previous-encryption-key";

    /** Suffix: what to do with a metadata store that cannot be read, {@code fail} or {@code reset}. */
    public static final String METADATA_ON_INVALID = "metadata.on-invalid";

    /** Suffix: where a persisted metadata store keeps its users, {@code file} or {@code jdbc}. */
    public static final String METADATA_STORE = "metadata.store";

    /** Suffix: the JNDI name of the data source of a {@code jdbc} metadata store. */
    public static final String METADATA_DATASOURCE = "metadata.datasource";

    /** Suffix: whether the App has MicroProfile Health checks, {@code true} (the default) or {@code false}. */
    public static final String HEALTH_ENABLED = "health.enabled";

    /** Suffix: the default of a sync configuration's {@code cancelWaitsOnNonFatalError} (boolean). */
    public static final String SYNC_CANCEL_WAITS_ON_NON_FATAL_ERROR = "sync.cancel-waits-on-non-fatal-error";

    /** Suffix: the directory of the App's synced databases (default {@code <metadata.directory>/<id>/sync}). */
    public static final String SYNC_DIRECTORY = "sync.directory";

    private ConfigKeys() {}

    /**
     * The full key of a setting of one App.
     *
     * @param appId  the App id, or {@link #DEFAULTS}
     * @param suffix one of the suffixes of this class
     * @return {@code appservices.<appId>.<suffix>}
     */
    public static String key(String appId, String suffix) {
        return section(appId) + suffix;
    }

    /**
     * The prefix shared by every key of one App.
     *
     * @param appId the App id, or {@link #DEFAULTS}
     * @return {@code appservices.<appId>.}
     */
    public static String section(String appId) {
        return ROOT + appId + ".";
    }
}
