package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input gets a 4xx error body, never a 500 or a stack trace, and the emulator keeps serving. */
class RobustnessTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder("robust")
                    .anonymousAuth()
                    .emailPasswordAuth(true)
                    .build()));

    private static final String LOGIN = CLIENT + "/app/robust/auth/providers/local-userpass/login";
    private static final String REGISTER = CLIENT + "/app/robust/auth/providers/local-userpass/register";

    private final WireClient client = new WireClient(EMULATOR.baseUrl());

    private WireClient.Reply post(String path, String contentType, byte[] body) {
        return client.send(HttpRequest.newBuilder(EMULATOR.baseUrl().resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
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
    void malformedExtendedJsonNamesTheFieldAndTheTypeInTheEmulatorsWords() {
        String[][] cases = {
            {
                "{\"username\":{\"$numberLong\":\"x\"}}",
                "APPSVC0548: 'username' is not valid Extended JSON: "
                        + "{\"$numberLong\": …} needs a string holding a 64-bit integer"
            },
            {
                "{\"options\":{\"device\":[1,{\"$numberInt\":\"x\"}]}}",
                "APPSVC0548: 'options.device[1]' is not "
                        + "valid Extended JSON: {\"$numberInt\": …} needs a string holding a 32-bit integer"
            },
            {
                "{\"a\":{\"$numberDouble\":\"x\"}}",
                "APPSVC0548: 'a' is not valid Extended JSON: "
                        + "{\"$numberDouble\": …} needs a string holding a number, \"Infinity\", \"-Infinity\" or \"NaN\""
            },
            {
                "{\"a\":{\"$numberDecimal\":\"x\"}}",
                "APPSVC0548: 'a' is not valid Extended JSON: "
                        + "{\"$numberDecimal\": …} needs a string holding a decimal number"
            },
        };
        for (String[] example : cases) {
            WireClient.Reply reply = client.post(LOGIN, null, example[0]);
            assertEquals("BadRequest", reply.errorCode(400), example[0]);
            assertEquals(example[1], reply.json().getString("error"), example[0]);
        }
        WireClient.Reply date = client.post(LOGIN, null, "{\"x\":{\"y\":{\"$date\":\"x\"}}}");
        assertTrue(
                date.json().getString("error").startsWith("APPSVC0532: the request body is not valid JSON: at 'x.y': "),
                date.body());
        assertStillServing();
    }

    @Test
    void registrationRefusesWhatIsNoEmailAddressWithTheServicesAnswer() {
        String local = "l".repeat(64);
        String longest = local + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(61);
        assertEquals(254, longest.length());
        for (String email : new String[] {
            "x".repeat(100_000) + "@example.com",
            "a".repeat(65) + "@example.com",
            longest + "g",
            "no-at-sign",
            "@example.com",
            "a@",
            "a@b..c",
            "a@-b.c",
            "a b@example.com",
            "a@b.c.",
            ".a@example.com",
            "a..b@example.com",
            "a@b@c.d"
        }) {
            WireClient.Reply reply =
                    client.post(REGISTER, null, "{\"email\":\"" + email + "\",\"password\":\"secret-1\"}");
            assertEquals("BadRequest", reply.errorCode(400), email.length() > 80 ? email.length() + " chars" : email);
            assertEquals("invalid username", reply.json().getString("error"));
        }
        for (String email : new String[] {
            longest, "first.last+tag@example.com", "o'neil@sub.example.co.uk", "user@localhost", "josé@bücher.example"
        }) {
            WireClient.Reply reply =
                    client.post(REGISTER, null, "{\"email\":\"" + email + "\",\"password\":\"secret-1\"}");
            assertEquals(201, reply.status(), email + " -> " + reply.body());
        }
        assertStillServing();
    }

    @Test
    void wrongTypesAndMissingFieldsAreBadRequests() {
        assertEquals(
                "InvalidParameter",
                client.post(LOGIN, null, "{\"username\":1,\"password\":\"x\"}").errorCode(400));
        assertEquals(
                "MissingParameter",
                client.post(LOGIN, null, "{\"username\":\"a@b.c\"}").errorCode(400));
        assertEquals("MissingParameter", client.post(LOGIN, null, "").errorCode(400), "empty body");
        assertStillServing();
    }

    @Test
    void charsetVariantsOfTheJsonContentTypeAreAccepted() {
        client.register("robust", "types@example.com", "password1");
        byte[] body =
                "{\"username\":\"types@example.com\",\"password\":\"password1\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {
            "application/json",
            "application/json;charset=utf-8",
            "application/json; charset=utf-8",
            "application/json; charset=UTF-8"
        }) {
            assertEquals(200, post(LOGIN, type, body).status(), type);
        }
    }

    @Test
    void emptyBodiesAreToleratedWhereNoneIsNeeded() {
        String refreshToken = client.loginAnonymously("robust").getString("refresh_token");
        WireClient.Reply refresh = client.send("POST", CLIENT + "/auth/session", refreshToken, "");
        assertEquals(201, refresh.status(), refresh.body());
        assertEquals(
                204,
                client.send("DELETE", CLIENT + "/auth/session", refreshToken, "")
                        .status());
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
        assertEquals(
                "ServiceCommandNotFound",
                client.get("/api/client/v2.0/nothing", null).errorCode(404));
        assertEquals(
                "ServiceCommandNotFound",
                client.delete(CLIENT + "/app/robust/location", null).errorCode(405));
        assertEquals(
                "AppNotFound",
                client.post(CLIENT + "/app/ghost/auth/providers/anon-user/login", null, "{}")
                        .errorCode(404));
        assertStillServing();
    }
}
