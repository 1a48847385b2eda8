package dev.appservices.extension.internal.config;

import java.net.URI;
import java.util.Optional;

import dev.appservices.AppConfiguration;

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
     * The external configuration seen by an application.
     *
     * @param classLoader the application's class loader
     * @return its external configuration
     */
    static ExternalConfiguration forClassLoader(ClassLoader classLoader) {
        return new InMemoryConfiguration();
    }
}
