package dev.appservices.extension.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesConfigException;
import dev.appservices.extension.cdi.support.TestConfigSource;
import dev.appservices.extension.testing.LogCapture;
import io.smallrye.config.PropertiesConfigSource;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicroProfileConfigurationTest {

    private final ClassLoader classLoader = getClass().getClassLoader();
    private final ExternalConfiguration external = ExternalConfiguration.forClassLoader(classLoader);

    @AfterEach
    void reset() {
        external.overrideBaseUrl("orders", null);
        TestConfigSource.reset();
    }

    @Test
    void isTheImplementationWhenMicroProfileConfigIsThere() {
        assertInstanceOf(MicroProfileConfiguration.class, external);
        assertTrue(MicroProfileConfiguration.isAvailable(classLoader));
    }

    @Test
    void loadsOnlyIdsTheConfigurationKnows() {
        TestConfigSource.set("appservices.defaults.timeout", "1500");
        assertEquals(Optional.empty(), external.load("orders"));
        assertEquals(
                AppConfiguration.builder("orders")
                        .timeout(Duration.ofMillis(1500))
                        .build(),
                external.loadOrDefaults("orders"));

        TestConfigSource.set("appservices.ids", "orders");
        assertEquals(
                Optional.of(AppConfiguration.builder("orders")
                        .timeout(Duration.ofMillis(1500))
                        .build()),
                external.load("orders"));
    }

    @Test
    void loadFailsOnAnInvalidValue() {
        TestConfigSource.set("appservices.orders.timeout", "later");

        AppServicesConfigException problem =
                assertThrows(AppServicesConfigException.class, () -> external.load("orders"));
        assertEquals(Optional.of("appservices.orders.timeout"), problem.propertyName());
    }

    @Test
    void baseUrlIsReadAtEveryUseWithDefaultsAndOverrides() {
        assertEquals(Optional.empty(), external.baseUrl("orders"));

        TestConfigSource.set("appservices.defaults.base-url", "http://127.0.0.1:1");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:1")), external.baseUrl("orders"));

        TestConfigSource.set("appservices.orders.base-url", "http://127.0.0.1:2");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:2")), external.baseUrl("orders"));

        external.overrideBaseUrl("orders", URI.create("http://127.0.0.1:3"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:3")), external.baseUrl("orders"));
        assertEquals(
                "http://127.0.0.1:3",
                ConfigProvider.getConfig(classLoader).getValue("appservices.orders.base-url", String.class));

        external.overrideBaseUrl("orders", null);
        assertEquals(Optional.of(URI.create("http://127.0.0.1:2")), external.baseUrl("orders"));
    }

    @Test
    void overridesSurviveARebuiltConfig() {
        external.overrideBaseUrl("orders", URI.create("http://127.0.0.1:4"));
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig(classLoader));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:4")), external.baseUrl("orders"));
    }

    @Test
    void overridesAreKeptByTheClientWhenTheConfigLacksTheDynamicSource() throws Exception {
        try (URLClassLoader application = new URLClassLoader(new URL[0], classLoader)) {
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            Config withoutDiscovery = resolver.getBuilder()
                    .forClassLoader(application)
                    .withSources(new PropertiesConfigSource(
                            Map.of("appservices.orders.base-url", "http://127.0.0.1:5"), "fixed", 100))
                    .build();
            resolver.registerConfig(withoutDiscovery, application);
            try {
                ExternalConfiguration isolated = ExternalConfiguration.forClassLoader(application);
                assertEquals(Optional.of(URI.create("http://127.0.0.1:5")), isolated.baseUrl("orders"));

                try (LogCapture log = LogCapture.of(MicroProfileConfiguration.class.getName())) {
                    isolated.overrideBaseUrl("orders", URI.create("http://127.0.0.1:6"));
                    assertEquals(
                            "APPSVC0145: the ConfigSource appservices-dynamic is not part of the MicroProfile "
                                    + "Config of this application, so the base URL of App 'orders' set at run time is kept "
                                    + "by the client only and appservices.orders.base-url does not show it",
                            log.next(0).getMessage());
                }
                assertEquals(Optional.of(URI.create("http://127.0.0.1:6")), isolated.baseUrl("orders"));

                isolated.overrideBaseUrl("orders", null);
                assertEquals(Optional.of(URI.create("http://127.0.0.1:5")), isolated.baseUrl("orders"));
            } finally {
                resolver.releaseConfig(withoutDiscovery);
            }
        }
    }

    @Test
    void withoutMicroProfileConfigOnlyOverridesAreKept() throws Exception {
        // A class loader that sees neither the API nor this library's copy of it.
        try (URLClassLoader plain = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            ExternalConfiguration inMemory = ExternalConfiguration.forClassLoader(plain);

            assertInstanceOf(InMemoryConfiguration.class, inMemory);
            assertEquals(Optional.empty(), inMemory.load("orders"));
            assertEquals(AppConfiguration.builder("orders").build(), inMemory.loadOrDefaults("orders"));
            inMemory.overrideBaseUrl("orders", URI.create("http://127.0.0.1:7"));
            assertEquals(Optional.of(URI.create("http://127.0.0.1:7")), inMemory.baseUrl("orders"));
        }
    }
}
