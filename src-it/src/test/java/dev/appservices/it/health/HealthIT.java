package dev.appservices.it.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's MicroProfile Health readiness ({@code /health/ready}; on WildFly on the management interface) lists
 * the App as the check {@code appservices-watched}: UP while its backend answers, DOWN with the reason once the
 * backend has stopped, UP again once it is back. The check keeps an outcome for 5 seconds, hence the waits.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final String APP_ID = "watched";
    private static final String CHECK = "appservices-" + APP_ID;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static URI backend;

    @Deployment(testable = false)
    static WebArchive deployment() {
        backend = Backends.start("watched", Backends.app(APP_ID));
        // not "health": that context root is the server's
        return Deployments.appWar(
                "watched-app",
                Map.of(
                        "appservices.watched.base-url", backend.toString(),
                        "appservices.watched.metadata.mode", "in-memory",
                        "appservices.watched.timeout", "2000"),
                WatchedService.class);
    }

    @Test
    void readinessFollowsTheBackend() {
        // the overall status is not asserted while UP: the server's own checks (WildFly's deployments-status sees the
        // failed deployments of other scenarios) may be DOWN
        Readiness up = awaitCheck("UP");
        assertEquals("127.0.0.1", up.check().getJsonObject("data").getString("host"));

        Backends.stop(backend);
        Readiness down = awaitCheck("DOWN");
        assertEquals(503, down.httpStatus());
        String reason = down.check().getJsonObject("data").getString("reason");
        assertTrue(reason.startsWith("APPSVC0") && reason.contains(backend.toString()), reason);

        Backends.restart(backend);
        assertEquals("UP", awaitCheck("UP").check().getString("status"));
    }

    private static Readiness awaitCheck(String status) {
        return await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        HealthIT::readiness,
                        readiness -> status.equals(readiness.check().getString("status")));
    }

    /** The readiness response and our check in it. */
    private record Readiness(int httpStatus, JsonObject check) {}

    private static Readiness readiness() throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(healthUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            body = reader.readObject();
        }
        JsonObject check = body.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(candidate -> CHECK.equals(candidate.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(CHECK + " is not in " + response.body()));
        return new Readiness(response.statusCode(), check);
    }

    /** Open Liberty serves health on its HTTP port; WildFly on its management interface. */
    private static URI healthUrl() {
        boolean wildfly = "wildfly-managed".equals(System.getProperty("arquillian.launch"));
        String port = System.getProperty(wildfly ? "it.wildfly.management.port" : "it.liberty.http.port");
        return URI.create("http://127.0.0.1:" + port + "/health/ready");
    }
}
