package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every kind of injected fault, their scoping (path, method, count) and the counters that see them. */
class FaultInjectionTest {

    private static final String LOCATION = CLIENT + "/app/faulty/location";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder ->
            builder.app(AppDefinition.builder("faulty").anonymousAuth().build()));

    private final WireClient client = new WireClient(EMULATOR.baseUrl());

    @AfterEach
    void clear() {
        EMULATOR.admin().clearFaults();
    }

    @Test
    void errorStatusForTheNextRequestsOnly() {
        EmulatorAdmin admin = EMULATOR.admin();
        admin.resetCounters();
        admin.injectFault(FaultSpec.onPath(LOCATION).times(2).error(503, "MaintenanceInProgress", "back soon"));
        WireClient.Reply first = client.get(LOCATION, null);
        assertEquals("MaintenanceInProgress", first.errorCode(503));
        assertEquals("back soon", first.json().getString("error"));
        assertEquals(503, client.get(LOCATION, null).status());
        assertEquals(200, client.get(LOCATION, null).status(), "used up after two requests");
        assertEquals(3, admin.requestCount("GET", "/api/client/v2.0/app/{appId}/location"), "faulted ones count");
        assertEquals(3, admin.requestCount("faulty", "GET", "/api/client/v2.0/app/{appId}/location"));
    }

    @Test
    void delayThenNormalHandling() {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath(LOCATION)
                        .times(1)
                        .delay(Duration.ofMillis(300))
                        .delayOnly());
        long start = System.nanoTime();
        assertEquals(200, client.get(LOCATION, null).status());
        assertTrue(System.nanoTime() - start >= 300_000_000L, "delayed by at least 300 ms");
    }

    @Test
    void redirectToANewBaseUrl() {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath(LOCATION).times(1).redirect(308, URI.create("http://127.0.0.1:1")));
        WireClient.Reply reply = client.get(LOCATION, null);
        assertEquals(308, reply.status());
        assertEquals(
                "http://127.0.0.1:1",
                reply.raw().headers().firstValue("Location").orElseThrow());
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath(LOCATION).times(1).redirect(301, URI.create("http://localhost:2")));
        assertEquals(301, client.get(LOCATION, null).status());
    }

    @Test
    void nonJsonAndMalformedJsonBodies() {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath(LOCATION)
                        .times(1)
                        .body(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        WireClient.Reply html = client.get(LOCATION, null);
        assertEquals(502, html.status());
        assertEquals("text/html", html.contentType().orElseThrow());
        assertEquals("<html><body>Bad Gateway</body></html>", html.body());

        EMULATOR.admin().injectFault(FaultSpec.onPath(LOCATION).times(1).malformedJson());
        WireClient.Reply broken = client.get(LOCATION, null);
        assertEquals(200, broken.status());
        assertEquals("application/json", broken.contentType().orElseThrow());
        assertThrows(RuntimeException.class, broken::json);
    }

    @Test
    void droppedConnection() throws InterruptedException {
        String login = CLIENT + "/app/faulty/auth/providers/anon-user/login";
        EMULATOR.admin().injectFault(FaultSpec.onPath(login).times(1).dropConnection());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // a POST, because the JDK client silently retries an idempotent request once on a closed connection
        HttpRequest request = HttpRequest.newBuilder(EMULATOR.baseUrl().resolve(login))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, client.post(login, null, "{}").status(), "the emulator keeps serving");
    }

    @Test
    void methodGlobAndRegexScoping() {
        EmulatorAdmin admin = EMULATOR.admin();
        admin.injectFault(FaultSpec.onPath("/api/client/v2.0/app/*/auth/providers/**")
                .method("POST")
                .error(500, "InternalServerError", "login down"));
        assertEquals(
                500,
                client.post(CLIENT + "/app/faulty/auth/providers/anon-user/login", null, "{}")
                        .status());
        assertEquals(200, client.get(LOCATION, null).status(), "other path");
        admin.clearFaults();
        assertEquals(
                200,
                client.post(CLIENT + "/app/faulty/auth/providers/anon-user/login", null, "{}")
                        .status());

        String id = admin.injectFault(
                FaultSpec.onPathRegex(".+/location").method("GET").error(429, "InternalServerError", "slow down"));
        assertEquals(429, client.get(LOCATION, null).status());
        admin.removeFault(id);
        assertEquals(200, client.get(LOCATION, null).status());
    }

    @Test
    void faultsNeverApplyToTheAdminApi() {
        EmulatorAdmin admin = EMULATOR.admin();
        admin.injectFault(FaultSpec.onPath("/**").dropConnection());
        admin.resetCounters();
        assertEquals(0, admin.requestCounts().size());
        admin.users("faulty");
        admin.clearFaults();
        assertEquals(200, client.get(LOCATION, null).status());
    }

    @Test
    void invalidFaultsAreRefused() {
        EmulatorException refused = assertThrows(
                EmulatorException.class,
                () -> EMULATOR.admin()
                        .injectFault(FaultSpec.onPathRegex("([unclosed").dropConnection()));
        assertTrue(refused.getMessage().startsWith("APPSVC0560: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("APPSVC0542"), refused.getMessage());
        assertThrows(
                EmulatorException.class,
                () -> EMULATOR.admin().injectFault(FaultSpec.onPath(LOCATION).redirect(302, URI.create("http://x"))));
        assertThrows(EmulatorException.class, () -> EMULATOR.admin().removeFault("fault-unknown"));
    }
}
