package dev.appservices.extension.internal.config;

import dev.appservices.AppConfiguration;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The external configuration of an application that has MicroProfile Config: the keys {@code appservices.<id>.*},
 * read through {@link SettingsReader} from the {@code Config} of the application's class loader at every call.
 * Runtime base-URL overrides are written into the application's {@link AppServicesConfigSource}, so they are part of
 * its {@code Config} like any other value, and the base URL is read from {@code Config} at every use: a change made
 * through any dynamic {@code ConfigSource} takes effect at the next request.
 * <p>
 * Created once per App cache (application); thread-safe.
 */
final class MicroProfileConfiguration implements ExternalConfiguration {

    private static final Logger LOG = System.getLogger(MicroProfileConfiguration.class.getName());

    private final ClassLoader classLoader;
    private final SettingsReader settings;

    /**
     * Overrides of applications whose {@code Config} does not hold an {@link AppServicesConfigSource} (built
     * without discovered sources): the client keeps them itself so that {@code updateBaseUrl} still works.
     */
    private final Map<String, URI> overridesOutsideConfig = new ConcurrentHashMap<>();

    MicroProfileConfiguration(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.settings = new SettingsReader(classLoader);
    }

    /**
     * Tells whether a MicroProfile Config implementation serves this class loader; the API alone (without an
     * implementation) is not enough.
     */
    static boolean isAvailable(ClassLoader classLoader) {
        try {
            ConfigProvider.getConfig(classLoader);
            return true;
        } catch (IllegalStateException | ServiceConfigurationError e) {
            LOG.log(Level.DEBUG, "No MicroProfile Config implementation; App settings come from code only", e);
            return false;
        }
    }

    @Override
    public Optional<AppConfiguration> load(String appId) {
        return settings.isConfigured(appId) ? Optional.of(settings.read(appId)) : Optional.empty();
    }

    @Override
    public AppConfiguration loadOrDefaults(String appId) {
        return settings.read(appId);
    }

    @Override
    public Optional<URI> baseUrl(String appId) {
        URI kept = overridesOutsideConfig.get(appId);
        return kept != null ? Optional.of(kept) : settings.baseUrl(appId);
    }

    @Override
    public void overrideBaseUrl(String appId, URI url) {
        Optional<AppServicesConfigSource> source = dynamicSource();
        if (source.isPresent()) {
            source.get().overrideBaseUrl(appId, url);
        } else if (url == null) {
            overridesOutsideConfig.remove(appId);
        } else {
            LOG.log(
                    Level.WARNING,
                    ConfigMessages.overrideNotVisible(appId, ConfigKeys.key(appId, ConfigKeys.BASE_URL)));
            overridesOutsideConfig.put(appId, url);
        }
    }

    /** The instance the application's {@code Config} holds: writing there makes the value visible through it. */
    private Optional<AppServicesConfigSource> dynamicSource() {
        Config config = ConfigProvider.getConfig(classLoader);
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof AppServicesConfigSource) {
                return Optional.of((AppServicesConfigSource) source);
            }
        }
        return Optional.empty();
    }
}
