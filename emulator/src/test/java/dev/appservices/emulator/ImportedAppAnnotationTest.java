package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link AppServicesEmulatorTest} serves exported apps from test resources, with their secrets file. */
@AppServicesEmulatorTest(
        apps = {"apps/tasks", "apps/legacy-stitch"},
        secrets = "apps/tasks-secrets.json")
class ImportedAppAnnotationTest {

    @Test
    void servesTheExportsAndNotTheDemoApps(URI baseUrl) {
        WireClient client = new WireClient(baseUrl);
        String token = client.loginAnonymously("legacy-stitch-abcde").getString("access_token");
        // the first JavaScript call pays for GraalJS's first context: seconds on a busy machine
        WireClient.Reply greet = client.send(
                "POST",
                CLIENT + "/app/legacy-stitch-abcde/functions/call",
                token,
                "{\"name\":\"greet\",\"arguments\":[\"ann\"]}",
                Duration.ofMinutes(2));
        assertEquals("\"welcome ann\"", greet.body());
        assertEquals(
                200,
                client.get(CLIENT + "/app/" + ImportedAppTest.TASKS + "/location", null)
                        .status());
        assertEquals(404, client.get(CLIENT + "/app/sample/location", null).status());
    }
}
