package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Location, anonymous and email/password login, profile, refresh, logout and delete over real HTTP. */
class SessionConformanceTest {

    private static AppServicesEmulator emulator;
    private static WireClient client;

    @BeforeAll
    static void start() {
        emulator = AppServicesEmulator.builder()
                .app(AppDefinition.builder("conformance")
                        .anonymousAuth()
                        .emailPasswordAuth(true)
                        .build())
                .start();
        client = new WireClient(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void locationNamesTheEmulatorsOwnOrigin() {
        WireClient.Reply reply = client.send(
                java.net.http.HttpRequest.newBuilder(emulator.baseUrl().resolve(CLIENT + "/app/conformance/location"))
                        .GET()
                        .build());
        assertEquals(200, reply.status());
        assertEquals(Optional.of("application/json"), reply.contentType());
        JsonObject location = reply.json();
        assertEquals("GLOBAL", location.getString("deployment_model"));
        assertEquals("US-VA", location.getString("location"));
        assertEquals(emulator.baseUrl().toString(), location.getString("hostname"));
        assertEquals("ws://127.0.0.1:" + emulator.port(), location.getString("ws_hostname"));
    }

    @Test
    void unknownAppIsNotFound() {
        WireClient.Reply reply = client.get(CLIENT + "/app/nope/location", null);
        assertEquals("AppNotFound", reply.errorCode(404));
        assertEquals("cannot find app using Client App ID 'nope'", reply.json().getString("error"));
    }

    @Test
    void anonymousLoginIssuesJwtsWithTheProtocolClaims() {
        JsonObject login = client.loginAnonymously("conformance");
        assertEquals(4, login.size());
        String userId = login.getString("user_id");
        String deviceId = login.getString("device_id");
        assertTrue(deviceId.matches("[0-9a-f]{24}"), deviceId);
        JsonObject access = WireClient.claims(login.getString("access_token"));
        JsonObject refresh = WireClient.claims(login.getString("refresh_token"));
        for (JsonObject claims : new JsonObject[] {access, refresh}) {
            assertEquals(userId, claims.getString("sub"));
            assertEquals(deviceId, claims.getString("baas_device_id"));
            assertTrue(((JsonNumber) claims.get("exp")).isIntegral());
            assertTrue(((JsonNumber) claims.get("iat")).isIntegral());
        }
        assertEquals("access", access.getString("typ"));
        assertEquals("refresh", refresh.getString("typ"));
        long accessLifetime = access.getJsonNumber("exp").longValue()
                - access.getJsonNumber("iat").longValue();
        assertTrue(accessLifetime >= 1800 && accessLifetime <= 1801, "30 minutes: " + accessLifetime);
        assertFalse(access.containsKey("user_data"), "no custom data configured");
    }

    @Test
    void profileListsTheIdentities() {
        JsonObject login = client.loginAnonymously("conformance");
        WireClient.Reply reply = client.get(CLIENT + "/auth/profile", login.getString("access_token"));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(Optional.of("application/json"), reply.contentType());
        JsonObject profile = reply.json();
        assertEquals(login.getString("user_id"), profile.getString("user_id"));
        assertEquals("normal", profile.getString("type"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, profile.getJsonObject("data"));
        assertEquals(1, profile.getJsonArray("identities").size());
        assertEquals(
                "anon-user", profile.getJsonArray("identities").getJsonObject(0).getString("provider_type"));
    }

    @Test
    void refreshAnswers201WithANewAccessTokenAndKeepsTheRefreshToken() {
        JsonObject login = client.loginAnonymously("conformance");
        WireClient.Reply reply = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null);
        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals(1, body.size());
        String accessToken = body.getString("access_token");
        assertEquals("access", WireClient.claims(accessToken).getString("typ"));
        assertEquals(200, client.get(CLIENT + "/auth/profile", accessToken).status());
        assertEquals(
                201,
                client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null)
                        .status());
    }

    @Test
    void logoutRevokesTheSession() {
        JsonObject login = client.loginAnonymously("conformance");
        WireClient.Reply logout = client.delete(CLIENT + "/auth/session", login.getString("refresh_token"));
        assertEquals(204, logout.status());
        assertEquals("", logout.body());
        assertEquals(
                "InvalidSession",
                client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null)
                        .errorCode(401));
        assertEquals(
                "InvalidSession",
                client.get(CLIENT + "/auth/profile", login.getString("access_token"))
                        .errorCode(401));
    }

    @Test
    void refreshTokensOfEndedSessionsAreAnsweredAsTheServiceDid() {
        // realm-web's app.deleteUser() deletes, then logs out with the refresh token and ignores exactly this text
        JsonObject deleted = client.loginAnonymously("conformance");
        assertEquals(
                204,
                client.delete(CLIENT + "/auth/delete", deleted.getString("access_token"))
                        .status());
        WireClient.Reply logout = client.delete(CLIENT + "/auth/session", deleted.getString("refresh_token"));
        assertEquals("InvalidSession", logout.errorCode(401));
        assertEquals("failed to find refresh token", logout.json().getString("error"));

        JsonObject loggedOut = client.loginAnonymously("conformance");
        assertEquals(
                204,
                client.delete(CLIENT + "/auth/session", loggedOut.getString("refresh_token"))
                        .status());
        WireClient.Reply again = client.post(CLIENT + "/auth/session", loggedOut.getString("refresh_token"), null);
        assertEquals("InvalidSession", again.errorCode(401));
        assertEquals("failed to find refresh token", again.json().getString("error"));
        WireClient.Reply access = client.get(CLIENT + "/auth/profile", loggedOut.getString("access_token"));
        assertEquals("invalid session: the session has ended", access.json().getString("error"));
    }

    @Test
    void deleteRemovesTheUser() {
        JsonObject login = client.loginAnonymously("conformance");
        assertEquals(
                204,
                client.delete(CLIENT + "/auth/delete", login.getString("access_token"))
                        .status());
        assertEquals(
                "InvalidSession",
                client.get(CLIENT + "/auth/profile", login.getString("access_token"))
                        .errorCode(401));
    }

    @Test
    void tokensOfTheWrongKindAreRefused() {
        JsonObject login = client.loginAnonymously("conformance");
        assertEquals(
                "InvalidSession",
                client.post(CLIENT + "/auth/session", login.getString("access_token"), null)
                        .errorCode(401));
        assertEquals(
                "InvalidSession",
                client.get(CLIENT + "/auth/profile", login.getString("refresh_token"))
                        .errorCode(401));
        assertEquals(
                "InvalidSession",
                client.get(CLIENT + "/auth/profile", "not.a.jwt").errorCode(401));
        assertEquals(
                "MissingAuthReq", client.get(CLIENT + "/auth/profile", null).errorCode(401));
    }

    @Test
    void tamperedTokensAreRefused() {
        String token = client.loginAnonymously("conformance").getString("access_token");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertEquals(
                "InvalidSession", client.get(CLIENT + "/auth/profile", forged).errorCode(401));
    }

    @Test
    void emailPasswordLoginChecksThePassword() {
        client.register("conformance", "ana@example.com", "s3cret!");
        JsonObject login = client.login(
                "conformance",
                "local-userpass",
                "{\"provider\":\"local-userpass\",\"username\":\"ana@example.com\",\"password\":\"s3cret!\"}");
        JsonObject profile = client.get(CLIENT + "/auth/profile", login.getString("access_token"))
                .json();
        assertEquals("ana@example.com", profile.getJsonObject("data").getString("email"));
        assertEquals(
                "local-userpass",
                profile.getJsonArray("identities").getJsonObject(0).getString("provider_type"));

        JsonObject again = client.login(
                "conformance", "local-userpass", "{\"username\":\"ana@example.com\",\"password\":\"s3cret!\"}");
        assertEquals(login.getString("user_id"), again.getString("user_id"), "same user on every login");
        assertNotEquals(login.getString("refresh_token"), again.getString("refresh_token"), "one session each");

        String wrong = "{\"username\":\"ana@example.com\",\"password\":\"wrong-one\"}";
        assertEquals(
                "InvalidPassword",
                client.post(CLIENT + "/app/conformance/auth/providers/local-userpass/login", null, wrong)
                        .errorCode(401));
        String unknown = "{\"username\":\"bob@example.com\",\"password\":\"s3cret!\"}";
        assertEquals(
                "InvalidPassword",
                client.post(CLIENT + "/app/conformance/auth/providers/local-userpass/login", null, unknown)
                        .errorCode(401));
    }

    @Test
    void embeddedEmulatorReportsItsAddress() {
        URI baseUrl = emulator.baseUrl();
        assertEquals("http", baseUrl.getScheme());
        assertEquals("127.0.0.1", baseUrl.getHost());
        assertEquals(emulator.port(), baseUrl.getPort());
        assertTrue(emulator.port() > 0);
    }

    @Test
    void requestsAreCountedPerRoute() {
        EmulatorAdmin admin = emulator.admin();
        String login = "POST /api/client/v2.0/app/{appId}/auth/providers/{provider}/login";
        long before = admin.requestCount("POST", "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login");
        long beforeForApp = admin.requestCount("conformance", "POST", "/api/client/v2.0/auth/session");
        JsonObject session = client.loginAnonymously("conformance");
        client.post(CLIENT + "/auth/session", session.getString("refresh_token"), null);
        assertTrue(admin.requestCounts().get(login) >= before + 1);
        assertTrue(admin.requestCount("conformance", "POST", "/api/client/v2.0/auth/session") >= beforeForApp + 1);
        assertEquals(0, admin.requestCount("GET", "/never/called"));
    }
}
