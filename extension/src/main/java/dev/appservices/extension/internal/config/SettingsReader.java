package dev.appservices.extension.internal.config;

import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesConfigException;
import dev.appservices.BaseUrls;
import dev.appservices.EncryptionKey;
import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.KeyStoreKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataStoreKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the settings of Apps from the MicroProfile Config of one application, through the portable Config API
 * only. Every key {@code appservices.<id>.<suffix>} falls back to {@code appservices.defaults.<suffix>}.
 * <p>
 * A reader holds only the application's class loader and asks {@link ConfigProvider#getConfig(ClassLoader)} at every
 * call: a {@code Config} is never cached, so a configuration the runtime rebuilds (or a test releases) is seen, and
 * one application never reads another's. The key-store password is not read with the other settings but each time
 * the key store is opened, through the supplier of the {@link KeyStoreKey}.
 * <p>
 * Problems are reported as {@link AppServicesConfigException}s naming the full key that holds the faulty value.
 * {@link #validate(String)} collects every problem of an App; the other methods throw the first one.
 * <p>
 * Thread-safe; cheap to create.
 */
public final class SettingsReader {

    private static final Pattern MILLISECONDS = Pattern.compile("-?[0-9]+");

    private final ClassLoader classLoader;

    /**
     * Creates a reader of the configuration of one application.
     *
     * @param classLoader the application's class loader
     */
    public SettingsReader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * The id of the default App ({@value ConfigKeys#APP_ID}).
     *
     * @return the id, or empty when the key is not set
     * @throws AppServicesConfigException if the value is not a valid app id
     */
    public Optional<String> defaultAppId() {
        Optional<String> id =
                config().getOptionalValue(ConfigKeys.APP_ID, String.class).map(String::strip);
        id.filter(value -> !AppConfiguration.isValidId(value)).ifPresent(value -> {
            throw ConfigMessages.invalidId(ConfigKeys.APP_ID, value);
        });
        return id;
    }

    /**
     * The id of the default App, which must be configured.
     *
     * @return the value of {@value ConfigKeys#APP_ID}
     * @throws AppServicesConfigException if the key is not set or its value is not a valid app id
     */
    public String requireDefaultAppId() {
        return defaultAppId().orElseThrow(ConfigMessages::missingAppId);
    }

    /**
     * The ids listed in {@value ConfigKeys#IDS}, in their order and without repetitions.
     *
     * @param problems told of every entry that is not a valid app id
     * @return the valid ids
     */
    public Set<String> listedIds(Consumer<AppServicesConfigException> problems) {
        Set<String> ids = new LinkedHashSet<>();
        String[] values =
                config().getOptionalValue(ConfigKeys.IDS, String[].class).orElse(new String[0]);
        for (String value : values) {
            String id = value.strip();
            if (AppConfiguration.isValidId(id)) {
                ids.add(id);
            } else if (!id.isEmpty()) {
                problems.accept(ConfigMessages.invalidId(ConfigKeys.IDS, id));
            }
        }
        return ids;
    }

    /**
     * Tells whether the configuration knows an App: it is listed in {@value ConfigKeys#IDS}, named by
     * {@value ConfigKeys#APP_ID}, has its own base URL, or has any key {@code appservices.<id>.*}. Keys set only
     * under {@code appservices.defaults} do not make an id known, so that a mistyped id is not silently accepted.
     *
     * @param appId a valid App id
     * @return {@code true} if the App is configured
     */
    public boolean isConfigured(String appId) {
        Config config = config();
        if (listedIds(problem -> {}).contains(appId)
                || config.getOptionalValue(ConfigKeys.APP_ID, String.class)
                        .map(String::strip)
                        .filter(appId::equals)
                        .isPresent()
                || config.getOptionalValue(ConfigKeys.key(appId, ConfigKeys.BASE_URL), String.class)
                        .isPresent()) {
            return true;
        }
        String section = ConfigKeys.section(appId);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(section)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The configuration of an App, every key that is set neither for the App nor under
     * {@code appservices.defaults} at its default.
     *
     * @param appId a valid App id
     * @return the configuration
     * @throws AppServicesConfigException for the first invalid value; the others are attached as suppressed
     *         exceptions
     */
    public AppConfiguration read(String appId) {
        List<AppServicesConfigException> problems = new ArrayList<>();
        AppConfiguration configuration = read(config(), appId, problems::add);
        if (!problems.isEmpty()) {
            AppServicesConfigException first = problems.get(0);
            problems.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return configuration;
    }

    /**
     * Checks every setting of an App, as {@link #read(String)} would read them now.
     *
     * @param appId a valid App id
     * @return every problem found, in the order the keys are read; empty if the configuration is valid
     */
    public List<AppServicesConfigException> validate(String appId) {
        List<AppServicesConfigException> problems = new ArrayList<>();
        read(config(), appId, problems::add);
        return problems;
    }

    /**
     * The base URL configured for an App right now ({@code appservices.<id>.base-url}, else
     * {@code appservices.defaults.base-url}); read from Config at every call, so any dynamic {@code ConfigSource}
     * takes effect.
     *
     * @param appId a valid App id
     * @return the base URL, normalized as {@link AppConfiguration.Builder#baseUrl(URI)} does, or empty if not set
     * @throws AppServicesConfigException if the value is not a usable base URL
     */
    public Optional<URI> baseUrl(String appId) {
        return find(config(), appId, ConfigKeys.BASE_URL).map(setting -> baseUrl(setting, appId));
    }

    /**
     * Whether the App has health checks ({@code appservices.<id>.health.enabled}, default {@code true}).
     *
     * @param appId a valid App id
     * @return the setting; {@code true} when it is not set or invalid (validation reports an invalid value)
     */
    public boolean healthEnabled(String appId) {
        try {
            return find(config(), appId, ConfigKeys.HEALTH_ENABLED)
                    .map(setting -> bool(setting, appId))
                    .orElse(true);
        } catch (AppServicesConfigException e) {
            return true;
        }
    }

    private Config config() {
        return ConfigProvider.getConfig(classLoader);
    }

    /** Reads what can be read; a value with a problem is reported and left at its default. */
    private AppConfiguration read(Config config, String appId, Consumer<AppServicesConfigException> problems) {
        AppConfiguration.Builder builder = AppConfiguration.builder(appId);
        Reading reading = new Reading(config, appId, problems);
        reading.value(ConfigKeys.BASE_URL, setting -> baseUrl(setting, appId)).ifPresent(builder::baseUrl);
        reading.value(ConfigKeys.TIMEOUT, setting -> timeout(setting, appId)).ifPresent(builder::timeout);
        reading.value(ConfigKeys.SKIP_LOCATION, setting -> bool(setting, appId)).ifPresent(builder::skipLocation);
        reading.value(ConfigKeys.APP_NAME, Setting::value).ifPresent(builder::appName);
        reading.value(ConfigKeys.APP_VERSION, Setting::value).ifPresent(builder::appVersion);
        reading.value(ConfigKeys.AUTHORIZATION_HEADER_NAME, setting -> setting)
                .ifPresent(setting -> reading.apply(() -> authorizationHeader(builder, setting, appId)));
        for (Setting header : headers(config, appId)) {
            reading.apply(() -> header(builder, header, appId));
        }
        metadata(reading).ifPresent(builder::metadata);
        reading.value(ConfigKeys.SYNC_CANCEL_WAITS_ON_NON_FATAL_ERROR, setting -> bool(setting, appId))
                .ifPresent(builder::cancelWaitsOnNonFatalError);
        reading.value(ConfigKeys.SYNC_DIRECTORY, setting -> path(setting, appId))
                .ifPresent(builder::syncDirectory);
        // not part of the App's configuration, but checked with it (the CDI extension reads it)
        reading.value(ConfigKeys.HEALTH_ENABLED, setting -> bool(setting, appId));
        return builder.build();
    }

    private Optional<MetadataConfiguration> metadata(Reading reading) {
        String appId = reading.appId;
        MetadataConfiguration.Builder builder = MetadataConfiguration.builder();
        int before = reading.problemCount;
        Optional<MetadataMode> mode =
                reading.value(ConfigKeys.METADATA_MODE, setting -> enumValue(setting, appId, MetadataMode.values()));
        mode.ifPresent(builder::mode);
        reading.value(ConfigKeys.METADATA_DIRECTORY, setting -> path(setting, appId))
                .ifPresent(builder::directory);
        reading.value(
                        ConfigKeys.METADATA_ON_INVALID,
                        setting -> enumValue(setting, appId, InvalidMetadataPolicy.values()))
                .ifPresent(builder::onInvalid);
        reading.value(ConfigKeys.METADATA_STORE, setting -> enumValue(setting, appId, MetadataStoreKind.values()))
                .ifPresent(builder::store);
        reading.value(ConfigKeys.METADATA_DATASOURCE, setting -> setting.value().strip())
                .ifPresent(builder::dataSourceName);
        if (mode.orElse(null) == MetadataMode.ENCRYPTION) {
            // Key sources matter only in this mode: elsewhere they are ignored, so a key store configured under
            // appservices.defaults for some Apps does not trouble the others.
            keySource(reading, KeySourceKeys.CURRENT, true, builder::keyStore, builder::encryptionKey);
            keySource(
                    reading, KeySourceKeys.PREVIOUS, false, builder::previousKeyStore, builder::previousEncryptionKey);
        }
        return reading.problemCount == before ? Optional.of(builder.build()) : Optional.empty();
    }

    /**
     * Reads one key source: a key store or a raw key, not both.
     *
     * @param required whether a missing key source is a problem (it is for the current key, not for the previous)
     */
    private void keySource(
            Reading reading,
            KeySourceKeys keys,
            boolean required,
            Consumer<KeyStoreKey> keyStore,
            Consumer<EncryptionKey> encryptionKey) {
        String appId = reading.appId;
        Optional<Setting> keyStorePath = find(reading.config, appId, keys.path());
        Optional<Setting> rawKey = find(reading.config, appId, keys.encryptionKey());
        if (keyStorePath.isPresent() && rawKey.isPresent()) {
            reading.report(ConfigMessages.twoKeySources(
                    keyStorePath.get().key(), rawKey.get().key(), appId));
        } else if (keyStorePath.isPresent()) {
            reading.apply(() -> keyStore.accept(keyStore(reading.config, keys, keyStorePath.get(), appId)));
        } else if (rawKey.isPresent()) {
            reading.apply(() -> encryptionKey.accept(encryptionKey(rawKey.get(), appId)));
        } else if (required) {
            reading.report(ConfigMessages.missingKeySource(
                    find(reading.config, appId, ConfigKeys.METADATA_MODE)
                            .map(Setting::key)
                            .orElseThrow(),
                    appId,
                    ConfigKeys.key(appId, keys.path()),
                    ConfigKeys.key(appId, keys.encryptionKey())));
        }
    }

    private KeyStoreKey keyStore(Config config, KeySourceKeys keys, Setting pathSetting, String appId) {
        Path path = path(pathSetting, appId);
        if (!Files.isReadable(path)) {
            throw ConfigMessages.unreadableKeyStore(pathSetting.key(), appId, pathSetting.value());
        }
        // Checked here so that a missing password is a deployment problem, not a failure at first use; the value
        // itself is dropped at once and read again by the supplier when the key store is opened.
        if (find(config, appId, keys.password()).isEmpty()) {
            throw ConfigMessages.missingKeyStorePassword(
                    ConfigKeys.key(appId, keys.password()),
                    appId,
                    ConfigKeys.key(ConfigKeys.DEFAULTS, keys.password()));
        }
        Setting type = find(config, appId, keys.type())
                .orElse(new Setting(ConfigKeys.key(appId, keys.type()), KeyStoreKey.DEFAULT_TYPE));
        Setting alias = find(config, appId, keys.alias())
                .orElse(new Setting(ConfigKeys.key(appId, keys.alias()), KeyStoreKey.DEFAULT_ALIAS));
        try {
            return KeyStoreKey.of(path, type.value(), alias.value(), password(appId, keys.password()));
        } catch (IllegalArgumentException e) {
            Setting blank = type.value().isBlank() ? type : alias;
            throw ConfigMessages.invalidKeyStoreSetting(blank.key(), appId, e);
        }
    }

    /** Reads the password from the Config of the application each time the key store is opened. */
    private Supplier<char[]> password(String appId, String suffix) {
        return () -> find(config(), appId, suffix)
                // MicroProfile Config only hands out Strings; the char[] lets the store clear its copy after use.
                .map(setting -> setting.value().toCharArray())
                .orElseThrow(() -> ConfigMessages.missingKeyStorePassword(
                        ConfigKeys.key(appId, suffix), appId, ConfigKeys.key(ConfigKeys.DEFAULTS, suffix)));
    }

    private static EncryptionKey encryptionKey(Setting setting, String appId) {
        try {
            return EncryptionKey.fromBase64(setting.value());
        } catch (IllegalArgumentException e) {
            throw ConfigMessages.invalidEncryptionKey(setting.key(), appId, e);
        }
    }

    private static URI baseUrl(Setting setting, String appId) {
        URI url;
        try {
            url = new URI(setting.value().strip());
        } catch (URISyntaxException e) {
            throw ConfigMessages.unparsableBaseUrl(setting.key(), appId, e.getReason(), e.getIndex());
        }
        try {
            return BaseUrls.normalize(url);
        } catch (IllegalArgumentException e) {
            throw ConfigMessages.unusableBaseUrl(setting.key(), appId, e);
        }
    }

    private static Duration timeout(Setting setting, String appId) {
        String value = setting.value().strip();
        Duration timeout;
        try {
            timeout = MILLISECONDS.matcher(value).matches()
                    ? Duration.ofMillis(Long.parseLong(value))
                    : Duration.parse(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ConfigMessages.unparsableTimeout(setting.key(), appId, value);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw ConfigMessages.nonPositiveTimeout(setting.key(), appId, value);
        }
        return timeout;
    }

    private static boolean bool(Setting setting, String appId) {
        String value = setting.value().strip();
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        // Stricter than the MicroProfile converter, which reads any unknown word as false: a typo is reported.
        throw ConfigMessages.invalidBoolean(setting.key(), appId, value);
    }

    private static Path path(Setting setting, String appId) {
        try {
            return Path.of(setting.value().strip());
        } catch (InvalidPathException e) {
            throw ConfigMessages.invalidDirectory(setting.key(), appId, setting.value(), e);
        }
    }

    /** Matches the configuration spelling of a constant: {@code NO_ENCRYPTION} is {@code no-encryption}. */
    private static <E extends Enum<E>> E enumValue(Setting setting, String appId, E[] constants) {
        String value = setting.value().strip();
        for (E constant : constants) {
            if (spelling(constant).equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw ConfigMessages.unknownValue(
                setting.key(), appId, value, Arrays.stream(constants).map(SettingsReader::spelling));
    }

    private static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void authorizationHeader(AppConfiguration.Builder builder, Setting setting, String appId) {
        try {
            builder.authorizationHeaderName(setting.value().strip());
        } catch (IllegalArgumentException e) {
            throw ConfigMessages.invalidHeader(setting.key(), appId, e);
        }
    }

    private static void header(AppConfiguration.Builder builder, Setting setting, String appId) {
        String name =
                setting.key().substring(setting.key().lastIndexOf(ConfigKeys.HEADERS) + ConfigKeys.HEADERS.length());
        try {
            builder.header(name, setting.value());
        } catch (IllegalArgumentException e) {
            throw ConfigMessages.invalidHeader(setting.key(), appId, e);
        }
    }

    /**
     * The headers of an App: those under {@code appservices.defaults.headers.} first, then the App's own, which
     * replace a default of the same name. Header names are only known from property names, so headers set through
     * environment variables alone are not found.
     */
    private static List<Setting> headers(Config config, String appId) {
        List<Setting> headers = new ArrayList<>();
        for (String section : List.of(ConfigKeys.section(ConfigKeys.DEFAULTS), ConfigKeys.section(appId))) {
            String prefix = section + ConfigKeys.HEADERS;
            Set<String> names = new TreeSet<>();
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    names.add(name);
                }
            }
            for (String name : names) {
                config.getOptionalValue(name, String.class).ifPresent(value -> headers.add(new Setting(name, value)));
            }
        }
        return headers;
    }

    /** The App's own value of a suffix, else the one under {@code appservices.defaults}. */
    private static Optional<Setting> find(Config config, String appId, String suffix) {
        for (String section : List.of(appId, ConfigKeys.DEFAULTS)) {
            String key = ConfigKeys.key(section, suffix);
            Optional<String> value = config.getOptionalValue(key, String.class);
            if (value.isPresent()) {
                return Optional.of(new Setting(key, value.get()));
            }
        }
        return Optional.empty();
    }

    /** The suffixes of one key source: the current key, or the one used before a rotation. */
    private record KeySourceKeys(String path, String type, String password, String alias, String encryptionKey) {

        static final KeySourceKeys CURRENT = new KeySourceKeys(
                ConfigKeys.METADATA_KEY_STORE_PATH,
                ConfigKeys.METADATA_KEY_STORE_TYPE,
                ConfigKeys.METADATA_KEY_STORE_PASSWORD,
                ConfigKeys.METADATA_KEY_STORE_ALIAS,
                ConfigKeys.METADATA_ENCRYPTION_KEY);

        static final KeySourceKeys PREVIOUS = new KeySourceKeys(
                ConfigKeys.METADATA_PREVIOUS_KEY_STORE_PATH,
                ConfigKeys.METADATA_PREVIOUS_KEY_STORE_TYPE,
                ConfigKeys.METADATA_PREVIOUS_KEY_STORE_PASSWORD,
                ConfigKeys.METADATA_PREVIOUS_KEY_STORE_ALIAS,
                ConfigKeys.METADATA_PREVIOUS_ENCRYPTION_KEY);
    }

    /** A configured value and the full key it was found under (named in messages). */
    private record Setting(String key, String value) {}

    /** The state of one read: where problems go, so that reading goes on after the first one. */
    private static final class Reading {

        private final Config config;
        private final String appId;
        private final Consumer<AppServicesConfigException> problems;
        private int problemCount;

        Reading(Config config, String appId, Consumer<AppServicesConfigException> problems) {
            this.config = config;
            this.appId = appId;
            this.problems = problems;
        }

        <T> Optional<T> value(String suffix, Function<Setting, T> conversion) {
            Optional<Setting> setting = find(config, appId, suffix);
            try {
                return setting.map(conversion);
            } catch (AppServicesConfigException e) {
                report(e);
                return Optional.empty();
            }
        }

        void apply(Runnable step) {
            try {
                step.run();
            } catch (AppServicesConfigException e) {
                report(e);
            }
        }

        void report(AppServicesConfigException problem) {
            problemCount++;
            problems.accept(problem);
        }
    }
}
