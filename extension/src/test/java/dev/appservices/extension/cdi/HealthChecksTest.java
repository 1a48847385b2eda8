package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension adds a readiness and a startup check {@code appservices-<id>} per App bean, found by the Health
 * implementation like any other check (here: as {@code @Readiness}/{@code @Startup} beans): UP for an App whose
 * backend answers, DOWN with a one-line reason for one whose backend is not there, none for an App with
 * {@code health.enabled=false}.
 */
@AppServicesTest
class HealthChecksTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = Emulators.withAnonymousApps("orders");

    @Inject
    @AppServices(id = "orders")
    App orders;

    @Inject
    @AppServices(id = "billing")
    App billing;

    @Inject
    @AppServices(id = "quiet")
    App quiet;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Startup
    Instance<HealthCheck> startup;

    private static String deadUrl;

    /** Before the container starts: the extension reads {@code health.enabled} when it adds the beans. */
    @BeforeAll
    static void configure() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
        TestConfigSource.set("appservices.defaults.metadata.mode", "in-memory");
        TestConfigSource.set("appservices.orders.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.billing.base-url", deadUrl);
        TestConfigSource.set("appservices.billing.timeout", "2000");
        TestConfigSource.set("appservices.quiet.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.quiet.health.enabled", "false");
    }

    @AfterEach
    void validConfiguration() {
        TestConfigSource.remove("appservices.orders.timeout");
    }

    @Test
    void anAppWhoseBackendAnswersIsReady() {
        orders.logIn(Credentials.anonymous());

        HealthCheckResponse response = responses(readiness).get("appservices-orders");

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("127.0.0.1", data.get("host"));
        assertEquals(1L, data.get("loggedInUsers"));
        assertTrue(data.containsKey("lastSuccessfulRequest"), data.toString());
        assertEquals(
                List.of("host", "lastSuccessfulRequest", "loggedInUsers"),
                data.keySet().stream().sorted().toList());
    }

    @Test
    void anAppWhoseBackendIsNotThereIsNotReadyAndSaysWhy() {
        HealthCheckResponse response = responses(readiness).get("appservices-billing");

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        String reason = (String) data.get("reason");
        assertTrue(reason.startsWith("APPSVC0") && reason.contains(deadUrl) && !reason.contains("\n"), reason);
        assertEquals(0L, data.get("loggedInUsers"));
        assertEquals("127.0.0.1", data.get("host"));
    }

    @Test
    void healthEnabledFalseLeavesTheAppWithoutChecks() {
        assertEquals(
                List.of("appservices-billing", "appservices-orders"),
                responses(readiness).keySet().stream().sorted().toList());
        assertEquals(
                List.of("appservices-billing", "appservices-orders"),
                responses(startup).keySet().stream().sorted().toList());
    }

    @Test
    void theStartupCheckValidatesTheConfigurationAsItIsNow() {
        assertEquals(
                HealthCheckResponse.Status.UP,
                responses(startup).get("appservices-orders").getStatus());

        TestConfigSource.set("appservices.orders.timeout", "soon");

        HealthCheckResponse response = responses(startup).get("appservices-orders");
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(
                "APPSVC0133: appservices.orders.timeout = 'soon' of App 'orders' is neither a number of "
                        + "milliseconds (60000) nor an ISO-8601 duration (PT60S)",
                response.getData().orElseThrow().get("reason"));
        assertEquals(1L, response.getData().orElseThrow().get("problems"));
    }

    private static Map<String, HealthCheckResponse> responses(Instance<HealthCheck> checks) {
        return checks.stream()
                .map(HealthCheck::call)
                .collect(Collectors.toMap(HealthCheckResponse::getName, response -> response));
    }
}
