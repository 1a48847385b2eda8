package dev.appservices.it.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.ServiceException;
import dev.appservices.it.BackendProbe;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base URL changed at run time: {@code updateBaseUrl} verifies the new backend, writes the URL into the
 * {@code appservices-dynamic} ConfigSource of the application, where MicroProfile Config serves it above the
 * deployment's own value, and the next request goes to the new backend; {@code updateBaseUrl(null)} removes it
 * again. A backend that fails the verification changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DynamicBaseUrlIT {

    private static final String BASE_URL_KEY = "appservices.moving.base-url";

    @Inject
    @AppServices(id = "moving")
    App moving;

    @Inject
    @ConfigProperty(name = "it.first-base-url")
    URI first;

    @Inject
    @ConfigProperty(name = "it.second-base-url")
    URI second;

    @Inject
    @ConfigProperty(name = "it.other-app-base-url")
    URI otherApp;

    @Deployment
    static WebArchive deployment() {
        String first = Backends.start("first", Backends.app("moving")).toString();
        return Deployments.appWar(
                "dynamic-base-url",
                Map.of(
                        BASE_URL_KEY,
                        first,
                        "it.first-base-url",
                        first,
                        "it.second-base-url",
                        Backends.start("second", Backends.app("moving")).toString(),
                        // a backend that does not serve the app: its location request fails
                        "it.other-app-base-url",
                        Backends.start("third", Backends.app("another-app")).toString()));
    }

    @AfterEach
    void backToTheConfiguredBackend() {
        moving.updateBaseUrl(null);
    }

    @Test
    void nextRequestGoesToTheUpdatedBaseUrl() {
        assertEquals("first", BackendProbe.backendOf(moving.logIn(Credentials.anonymous(false))));

        moving.updateBaseUrl(second);

        assertEquals(second, moving.baseUrl());
        assertEquals("second", BackendProbe.backendOf(moving.logIn(Credentials.anonymous(false))));
    }

    @Test
    void updatedBaseUrlIsServedByTheDynamicConfigSource() {
        moving.updateBaseUrl(second);

        Config config = ConfigProvider.getConfig();
        assertEquals(second.toString(), config.getValue(BASE_URL_KEY, String.class));
        ConfigSource source = sourceOf(config, BASE_URL_KEY);
        assertEquals("appservices-dynamic", source.getName());
        assertEquals(550, source.getOrdinal());
    }

    @Test
    void removingTheUpdateReturnsToTheConfiguredBaseUrl() {
        moving.updateBaseUrl(second);
        assertEquals("second", BackendProbe.backendOf(moving.logIn(Credentials.anonymous(false))));

        moving.updateBaseUrl(null);

        assertEquals(first, moving.baseUrl());
        assertEquals(first.toString(), ConfigProvider.getConfig().getValue(BASE_URL_KEY, String.class));
        assertEquals("first", BackendProbe.backendOf(moving.logIn(Credentials.anonymous(false))));
    }

    @Test
    void failedVerificationChangesNothing() {
        assertThrows(ServiceException.class, () -> moving.updateBaseUrl(otherApp));

        assertEquals(first, moving.baseUrl());
        assertEquals(first.toString(), ConfigProvider.getConfig().getValue(BASE_URL_KEY, String.class));
        assertEquals("first", BackendProbe.backendOf(moving.logIn(Credentials.anonymous(false))));
    }

    /** The source with the highest ordinal that has the key: the one whose value Config returns. */
    private static ConfigSource sourceOf(Config config, String key) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getValue(key) != null) {
                return source;
            }
        }
        throw new AssertionError("no ConfigSource has " + key);
    }
}
