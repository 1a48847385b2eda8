package dev.appservices.emulator;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a 4xx error body, never a 500 or a stack trace, and the emulator keeps serving. */
class RobustnessTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder
            .app(AppDefinition.builder("robust").anonymousAuth().emailPasswordAuth(true).build()));

    private static final String LOGIN = CLIENT + "/app/robust/auth/providers/local-userpass/login";
    private static final String REGISTER = CLIENT + "/app/robust/auth/providers/local-userpass/register";

    private final WireClient client = new WireClient(EMULATOR.baseUrl());

    private WireClient.Reply post(String path, String contentType, byte[] body) {
        return client.send(HttpRequest.newBuilder(EMULATOR.baseUrl().resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private void assertStillServing() {
        assertEquals(200, client.get(CLIENT + "/app/robust/location", null).status());
    }

    @Test
    void malformedBodiesAreBadRequests() {
        for (String body : new String[] {"{", "{\"username\":", "[1,2]", "\"text\"", "{\"a\":1}}", "nul"}) {
            WireClient.Reply reply = client.post(LOGIN, null, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            reply.errorCode(400);
            assertTrue(reply.json().getString("error").startsWith("APPSVC05"), reply.body());
            assertTrue(!reply.body().contains("Exception"), reply.body());
        }
        String deep = "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        assertEquals(400, client.post(LOGIN, null, deep).status());
        assertStillServing();
    }

    @Test
    void wrongTypesAndMissingFieldsAreBadRequests() {
        assertEquals("InvalidParameter", client.post(LOGIN, null, "{\"username\":1,\"password\":\"x\"}")
                .errorCode(400));
        assertEquals("MissingParameter", client.post(LOGIN, null, "{\"username\":\"a@b.c\"}").errorCode(400));
        assertEquals("MissingParameter", client.post(LOGIN, null, "").errorCode(400), "empty body");
        assertStillServing();
    }

    @Test
    void charsetVariantsOfTheJsonContentTypeAreAccepted() {
        client.register("robust", "types@example.com", "password1");
        byte[] body = "{\"username\":\"types@example.com\",\"password\":\"password1\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"application/json", "application/json;charset=utf-8",
                "application/json; charset=utf-8", "application/json; charset=UTF-8"}) {
            assertEquals(200, post(LOGIN, type, body).status(), type);
        }
    }

    @Test
    void emptyBodiesAreToleratedWhereNoneIsNeeded() {
        String refreshToken = client.loginAnonymously("robust").getString("refresh_token");
        WireClient.Reply refresh = client.send("POST", CLIENT + "/auth/session", refreshToken, "");
        assertEquals(201, refresh.status(), refresh.body());
        assertEquals(204, client.send("DELETE", CLIENT + "/auth/session", refreshToken, "").status());
    }

    @Test
    void oversizedBodiesGet413() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        WireClient.Reply reply = post(REGISTER, "application/json", huge);
        assertEquals("ReadSizeLimitExceeded", reply.errorCode(413));
        assertStillServing();
    }

    @Test
    void unknownRoutesAndMethods() {
        assertEquals("ServiceCommandNotFound", client.get("/api/client/v2.0/nothing", null).errorCode(404));
        assertEquals("ServiceCommandNotFound", client.delete(CLIENT + "/app/robust/location", null).errorCode(405));
        assertEquals("AppNotFound", client.post(CLIENT + "/app/ghost/auth/providers/anon-user/login", null, "{}")
                .errorCode(404));
        assertStillServing();
    }
}
