package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import java.io.IOException;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the client puts on the wire (protocol.md §2, §11), seen through a recording reverse proxy: the JSON headers on
 * every request, the configured extra headers, the bearer token in the configured header, and the login body with
 * its {@code options.device} block.
 */
class ProtocolHeadersTest {

    private static final String APP_ID = "wire";
    private static final String GATEWAY_HEADER = "X-Gateway-Key";
    private static final String BEARER_HEADER = "X-App-Authorization";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder ->
            builder.app(AppDefinition.builder(APP_ID).emailPasswordAuth(true).build()));

    private RecordingProxy proxy;
    private App app;

    @BeforeEach
    void startProxyAndApp() throws IOException {
        proxy = new RecordingProxy(EMULATOR.baseUrl(), GATEWAY_HEADER, "gw-key-1", BEARER_HEADER);
        app = App.create(behind(proxy));
    }

    @AfterEach
    void stopProxyAndApp() {
        app.close();
        proxy.close();
    }

    @Test
    void behindAProxyThatOwnsTheAuthorizationHeader() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "wire@example.com", "s3cret-pass");

        User user = app.logIn(Credentials.emailPassword("wire@example.com", "s3cret-pass"));

        List<RecordingProxy.Recorded> requests = proxy.requests();
        assertEquals(
                List.of("POST", "GET"),
                requests.stream().map(RecordingProxy.Recorded::method).toList());
        for (RecordingProxy.Recorded request : requests) {
            assertEquals("gw-key-1", request.header(GATEWAY_HEADER));
            assertEquals("application/json;charset=utf-8", request.header("Content-Type"));
            assertEquals("application/json", request.header("Accept"));
            assertNull(request.header("Authorization"), "the proxy owns Authorization");
        }
        assertNull(requests.get(0).header(BEARER_HEADER), "a login carries no token");
        assertEquals(
                "Bearer " + user.accessToken().orElseThrow(), requests.get(1).header(BEARER_HEADER));
        assertEquals("/api/client/v2.0/auth/profile", requests.get(1).path());
    }

    @Test
    void theLoginBodyCarriesTheCredentialsAndTheDeviceBlock() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "body@example.com", "s3cret-pass");

        app.logIn(Credentials.emailPassword("body@example.com", "s3cret-pass"));

        BsonDocument body = BsonDocument.parse(proxy.requests().get(0).body());
        assertEquals("local-userpass", body.getString("provider").getValue());
        assertEquals(List.of("provider", "username", "password", "options"), List.copyOf(body.keySet()));
        BsonDocument device = body.getDocument("options").getDocument("device");
        assertEquals(APP_ID, device.getString("appId").getValue());
        assertEquals(System.getProperty("os.name"), device.getString("platform").getValue());
        assertEquals(
                System.getProperty("os.version"),
                device.getString("platformVersion").getValue());
        assertEquals(System.getProperty("os.arch"), device.getString("cpuArch").getValue());
        assertEquals("Java", device.getString("frameworkName").getValue());
        assertEquals(
                System.getProperty("java.version"),
                device.getString("frameworkVersion").getValue());
        assertEquals("orders-ui", device.getString("appName").getValue());
        assertEquals("2.1", device.getString("appVersion").getValue());
        for (String key : List.of("sdk", "sdkVersion", "deviceName", "deviceVersion", "coreVersion", "bundleId")) {
            assertFalse(device.getString(key).getValue().isBlank(), key);
        }
        assertTrue(device.values().stream().allMatch(value -> value.isString()), "every field is a string");
    }

    /** The App's configuration for the proxy: skip-location (the proxy serves no location), key and bearer header. */
    private static AppConfiguration behind(RecordingProxy proxy) {
        return TestBackend.configuration(APP_ID, proxy.baseUrl())
                .skipLocation(true)
                .header(GATEWAY_HEADER, "gw-key-1")
                .authorizationHeaderName(BEARER_HEADER)
                .appName("orders-ui")
                .appVersion("2.1")
                .build();
    }
}
