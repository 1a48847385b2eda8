package dev.appservices.it.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.it.BackendProbe;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the App cache keeps and what it reads again. An App's settings are read once, when it is created (here by
 * its CDI bean), and {@code App.create} with the id of a cached App returns that App with its configuration
 * unchanged; the base URL alone is never cached: a new value from any ConfigSource, or from {@code App.create},
 * takes effect at the next request.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationCachingIT {

    private static final String BASE_URL_KEY = "appservices.cached.base-url";
    private static final String TIMEOUT_KEY = "appservices.cached.timeout";

    @Inject
    @AppServices(id = "cached")
    App cached;

    @Inject
    @ConfigProperty(name = "it.first-base-url")
    URI first;

    @Inject
    @ConfigProperty(name = "it.second-base-url")
    URI second;

    @Deployment
    static WebArchive deployment() {
        String first = Backends.start("first", Backends.app("cached")).toString();
        return Deployments.appWar(
                        "configuration-caching",
                        Map.of(
                                BASE_URL_KEY,
                                first,
                                TIMEOUT_KEY,
                                "5000",
                                "appservices.cached.app-name",
                                "caching-it",
                                "it.first-base-url",
                                first,
                                "it.second-base-url",
                                Backends.start("second", Backends.app("cached")).toString()),
                        RuntimeSettings.class)
                .addAsResource(
                        new StringAsset(RuntimeSettings.class.getName()),
                        "META-INF/services/" + ConfigSource.class.getName());
    }

    @AfterEach
    void backToTheDeploymentsConfiguration() {
        RuntimeSettings.clear();
        cached.updateBaseUrl(null);
    }

    @Test
    void settingsAreReadOnceWhenTheAppIsCreated() {
        assertEquals(Duration.ofMillis(5000), cached.configuration().timeout());

        RuntimeSettings.set(TIMEOUT_KEY, "PT1S");

        assertEquals("PT1S", ConfigProvider.getConfig().getValue(TIMEOUT_KEY, String.class));
        assertEquals(Duration.ofMillis(5000), cached.configuration().timeout());
        assertEquals(
                Duration.ofMillis(5000), App.getApp("cached").configuration().timeout());
    }

    @Test
    void baseUrlIsReadFromTheConfigurationAtEveryRequest() {
        assertEquals("first", BackendProbe.backendOf(cached.logIn(Credentials.anonymous(false))));

        RuntimeSettings.set(BASE_URL_KEY, second.toString());

        assertEquals(second, cached.baseUrl());
        assertEquals("second", BackendProbe.backendOf(cached.logIn(Credentials.anonymous(false))));

        RuntimeSettings.clear();

        assertEquals(first, cached.baseUrl());
        assertEquals("first", BackendProbe.backendOf(cached.logIn(Credentials.anonymous(false))));
    }

    @Test
    void createWithTheIdOfACachedAppReturnsItUnchanged() {
        App created = App.create(AppConfiguration.builder("cached")
                .timeout(Duration.ofSeconds(1))
                .appName("another-name")
                .build());

        assertSame(App.getApp("cached"), created);
        assertEquals(Duration.ofMillis(5000), created.configuration().timeout());
        assertEquals(Optional.of("caching-it"), created.configuration().appName());
        assertEquals(first, created.baseUrl());
    }

    @Test
    void createWithTheIdOfACachedAppAndAnotherBaseUrlSwitchesIt() {
        App created =
                App.create(AppConfiguration.builder("cached").baseUrl(second).build());

        assertSame(App.getApp("cached"), created);
        assertEquals(second, cached.baseUrl());
        assertEquals("second", BackendProbe.backendOf(cached.logIn(Credentials.anonymous(false))));
    }
}
