package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base URL is read from MicroProfile Config at every request: a runtime switch through
 * {@code App.updateBaseUrl} (the {@code appservices-dynamic} source) and a change in any other dynamic source both
 * send the next request to the new server. Two emulators play the two servers.
 */
@AppServicesTest
class BaseUrlChangeTest {

    private static final String LOGIN = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";
    private static final String KEY = "appservices.orders.base-url";

    @RegisterExtension
    static final EmulatorExtension FIRST = Emulators.withAnonymousApps("orders");

    @RegisterExtension
    static final EmulatorExtension SECOND = Emulators.withAnonymousApps("orders");

    @Inject
    @AppServices(id = "orders")
    App orders;

    @BeforeEach
    void configure() {
        TestConfigSource.set(KEY, FIRST.baseUrl().toString());
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
        FIRST.admin().resetCounters();
        SECOND.admin().resetCounters();
    }

    @Test
    void updateBaseUrlWritesTheDynamicSourceAndTheNextRequestGoesToTheNewServer() {
        logIn();
        assertLogins(1, 0);

        orders.updateBaseUrl(SECOND.baseUrl());
        assertConfigured(SECOND.baseUrl(), "appservices-dynamic");
        assertEquals(SECOND.baseUrl(), orders.baseUrl());
        logIn();
        assertLogins(1, 1);

        orders.updateBaseUrl(null);
        assertConfigured(FIRST.baseUrl(), "appservices-test");
        logIn();
        assertLogins(2, 1);
    }

    @Test
    void aChangeInAnotherDynamicSourceTakesEffectAtTheNextRequest() {
        logIn();
        assertLogins(1, 0);

        TestConfigSource.set(KEY, SECOND.baseUrl().toString());
        assertEquals(SECOND.baseUrl(), orders.baseUrl());
        logIn();
        assertLogins(1, 1);
    }

    @Test
    void aFailedVerificationChangesNothing() {
        logIn();
        URI nobody = URI.create("http://127.0.0.1:1");

        assertThrows(ConnectionException.class, () -> orders.updateBaseUrl(nobody));
        assertConfigured(FIRST.baseUrl(), "appservices-test");
        logIn();
        assertLogins(2, 0);
    }

    private void logIn() {
        orders.logIn(Credentials.anonymous(false));
    }

    private static void assertLogins(long first, long second) {
        assertEquals(first, FIRST.admin().requestCount("orders", "POST", LOGIN), "logins at the first server");
        assertEquals(second, SECOND.admin().requestCount("orders", "POST", LOGIN), "logins at the second server");
    }

    private static void assertConfigured(URI url, String source) {
        ConfigValue value = ConfigProvider.getConfig().getConfigValue(KEY);
        assertEquals(url.toString(), value.getValue());
        assertEquals(source, value.getSourceName());
    }
}
