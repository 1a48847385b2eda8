package dev.appservices.extension.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.extension.cdi.support.ContextClassLoader;
import dev.appservices.extension.cdi.support.TestConfigSource;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppServicesConfigSourceTest {

    private final AppServicesConfigSource source = new AppServicesConfigSource();

    @AfterEach
    void removeOverrides() {
        source.overrideBaseUrl("orders", null);
        source.overrideBaseUrl("billing", null);
        TestConfigSource.reset();
    }

    @Test
    void isNamedAndOrderedAboveServerXmlVariables() {
        assertEquals("appservices-dynamic", source.getName());
        assertEquals(550, source.getOrdinal());
        assertEquals(AppServicesConfigSource.ORDINAL, source.getOrdinal());
    }

    @Test
    void holdsBaseUrlOverridesOnly() {
        source.overrideBaseUrl("orders", URI.create("http://127.0.0.1:1234"));

        assertEquals("http://127.0.0.1:1234", source.getValue("appservices.orders.base-url"));
        assertEquals(Set.of("appservices.orders.base-url"), source.getPropertyNames());
        assertEquals(Map.of("appservices.orders.base-url", "http://127.0.0.1:1234"), source.getProperties());
        assertNull(source.getValue("appservices.orders.timeout"));
        assertNull(source.getValue(null));

        source.overrideBaseUrl("orders", null);
        assertNull(source.getValue("appservices.orders.base-url"));
        assertEquals(Set.of(), source.getPropertyNames());
    }

    @Test
    void isRegisteredInTheConfigOfTheApplication() {
        List<ConfigSource> sources = StreamSupport.stream(
                        ConfigProvider.getConfig().getConfigSources().spliterator(), false)
                .toList();

        assertTrue(sources.stream().anyMatch(AppServicesConfigSource.class::isInstance), sources.toString());
    }

    @Test
    void instancesOfOneApplicationShareTheirOverrides() {
        source.overrideBaseUrl("orders", URI.create("http://127.0.0.1:1234"));

        assertEquals("http://127.0.0.1:1234", new AppServicesConfigSource().getValue("appservices.orders.base-url"));
        assertEquals(
                "http://127.0.0.1:1234",
                ConfigProvider.getConfig().getValue("appservices.orders.base-url", String.class));
    }

    @Test
    void overridesBeatTheOtherSourcesUntilRemoved() {
        TestConfigSource.set("appservices.orders.base-url", "http://127.0.0.1:1");
        source.overrideBaseUrl("orders", URI.create("http://127.0.0.1:2"));
        assertEquals(
                "http://127.0.0.1:2", ConfigProvider.getConfig().getValue("appservices.orders.base-url", String.class));

        source.overrideBaseUrl("orders", null);
        assertEquals(
                "http://127.0.0.1:1", ConfigProvider.getConfig().getValue("appservices.orders.base-url", String.class));
    }

    @Test
    void applicationsDoNotSeeEachOthersOverrides() throws Exception {
        try (URLClassLoader otherApplication =
                new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            AppServicesConfigSource other = ContextClassLoader.with(otherApplication, AppServicesConfigSource::new);
            other.overrideBaseUrl("billing", URI.create("http://127.0.0.1:3"));
            source.overrideBaseUrl("billing", URI.create("http://127.0.0.1:4"));

            assertEquals("http://127.0.0.1:3", other.getValue("appservices.billing.base-url"));
            assertEquals("http://127.0.0.1:4", source.getValue("appservices.billing.base-url"));
            AppServicesConfigSource rebuilt = ContextClassLoader.with(otherApplication, AppServicesConfigSource::new);
            assertEquals("http://127.0.0.1:3", rebuilt.getValue("appservices.billing.base-url"));
        }
    }
}
