package dev.appservices.extension.internal.config;

import dev.appservices.AppConfiguration;
import java.net.URI;
import java.util.Optional;

/**
 * Settings of Apps that come from outside the code: MicroProfile Config when it is on the class path. The client
 * asks it for the base URL at every request, which is what makes the base URL dynamic, and for the whole
 * configuration of an id that only configuration knows ({@code App.getApp(id)}).
 * <p>
 * Implementations are thread-safe.
 */
public interface ExternalConfiguration {

    /**
     * The configuration of an App that the code never created, if configuration knows its id.
     *
     * @param appId the App id
     * @return the configuration, or empty when nothing is configured for this id
     */
    Optional<AppConfiguration> load(String appId);

    /**
     * The configuration of an App from the settings outside the code, every setting that is not configured at its
     * default ({@code App.create(id)}, and the CDI bean of an id). Unlike {@link #load(String)} it also applies to an
     * id that the configuration does not name, so fallbacks shared by every App still apply.
     *
     * @param appId the App id
     * @return the configuration, never null
     * @throws dev.appservices.AppServicesConfigException if a configured value is invalid
     */
    default AppConfiguration loadOrDefaults(String appId) {
        return load(appId).orElseGet(() -> AppConfiguration.builder(appId).build());
    }

    /**
     * The base URL configured for an App right now, including runtime overrides. Read at every use, never cached.
     *
     * @param appId the App id
     * @return the base URL, or empty when none is configured (the App's own configuration then applies)
     */
    Optional<URI> baseUrl(String appId);

    /**
     * Records a runtime override of an App's base URL.
     *
     * @param appId the App id
     * @param url   the new base URL, or {@code null} to remove the override
     */
    void overrideBaseUrl(String appId, URI url);

    /**
     * The external configuration seen by an application: MicroProfile Config when its API is visible to both the
     * application and this library and an implementation serves the application, otherwise overrides in memory only.
     *
     * @param classLoader the application's class loader
     * @return its external configuration
     */
    static ExternalConfiguration forClassLoader(ClassLoader classLoader) {
        // Probed by name first: MicroProfileConfiguration links against the API and cannot even be loaded without it.
        String api = "org.eclipse.microprofile.config.ConfigProvider";
        if (isVisible(api, classLoader)
                && isVisible(api, ExternalConfiguration.class.getClassLoader())
                && MicroProfileConfiguration.isAvailable(classLoader)) {
            return new MicroProfileConfiguration(classLoader);
        }
        return new InMemoryConfiguration();
    }

    private static boolean isVisible(String className, ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
