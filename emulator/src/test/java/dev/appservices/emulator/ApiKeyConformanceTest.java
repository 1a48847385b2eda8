package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The six user API key endpoints and logging in with user keys. */
class ApiKeyConformanceTest {

    private static final String KEYS = CLIENT + "/auth/api_keys";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
                    AppDefinition.builder("keys").anonymousAuth().apiKeyAuth().build())
            .app(AppDefinition.builder("no-keys").anonymousAuth().build()));

    private WireClient client;
    private JsonObject owner;

    @BeforeEach
    void login() {
        client = new WireClient(EMULATOR.baseUrl());
        owner = client.loginAnonymously("keys");
    }

    private String refreshToken() {
        return owner.getString("refresh_token");
    }

    private JsonObject create(String name) {
        WireClient.Reply reply = client.post(KEYS, refreshToken(), "{\"name\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void createFetchListAndLogIn() {
        JsonObject created = create("build-server");
        String id = created.getString("_id");
        assertTrue(id.matches("[0-9a-f]{24}"), "plain hex string: " + id);
        assertEquals("build-server", created.getString("name"));
        assertFalse(created.getBoolean("disabled"));
        String key = created.getString("key");

        WireClient.Reply fetched = client.get(KEYS + "/" + id, refreshToken());
        assertEquals(200, fetched.status());
        assertEquals(3, fetched.json().size(), "no key after creation: " + fetched.body());
        JsonArray all = client.get(KEYS, refreshToken()).jsonArray();
        assertEquals(1, all.size());
        assertEquals(id, all.getJsonObject(0).getString("_id"));

        JsonObject keyLogin = client.login("keys", "api-key", "{\"provider\":\"api-key\",\"key\":\"" + key + "\"}");
        assertEquals(owner.getString("user_id"), keyLogin.getString("user_id"), "a user key logs in its owner");
    }

    @Test
    void disabledAndDeletedKeysCannotLogIn() {
        JsonObject created = create("temporary");
        String id = created.getString("_id");
        String login = "{\"key\":\"" + created.getString("key") + "\"}";
        String loginPath = CLIENT + "/app/keys/auth/providers/api-key/login";

        assertEquals(
                204, client.put(KEYS + "/" + id + "/disable", refreshToken()).status());
        assertTrue(client.get(KEYS + "/" + id, refreshToken()).json().getBoolean("disabled"));
        assertEquals("AuthError", client.post(loginPath, null, login).errorCode(401));
        assertEquals(
                204, client.put(KEYS + "/" + id + "/enable", refreshToken()).status());
        assertEquals(200, client.post(loginPath, null, login).status());
        assertEquals(204, client.delete(KEYS + "/" + id, refreshToken()).status());
        assertEquals("AuthError", client.post(loginPath, null, login).errorCode(401));
    }

    @Test
    void unknownKeysAndBadNames() {
        String unknown = "65f0a1b2c3d4e5f601234567";
        assertEquals(
                "APIKeyNotFound",
                client.get(KEYS + "/" + unknown, refreshToken()).errorCode(404));
        assertEquals(
                "APIKeyNotFound",
                client.delete(KEYS + "/" + unknown, refreshToken()).errorCode(404));
        WireClient.Reply enable = client.put(KEYS + "/" + unknown + "/enable", refreshToken());
        assertEquals("APIKeyNotFound", enable.errorCode(404));
        assertTrue(enable.json().getString("error").contains("doesn't exist"));
        assertTrue(enable.json().getString("error").contains(unknown));

        WireClient.Reply badName = client.post(KEYS, refreshToken(), "{\"name\":\"no spaces!\"}");
        assertEquals("InvalidParameter", badName.errorCode(400));
        assertEquals("MissingParameter", client.post(KEYS, refreshToken(), "{}").errorCode(400));
        create("twice");
        assertEquals(
                "APIKeyAlreadyExists",
                client.post(KEYS, refreshToken(), "{\"name\":\"twice\"}").errorCode(409));
    }

    @Test
    void keysAreScopedToTheirUserAndNeedTheRefreshToken() {
        String id = create("mine").getString("_id");
        JsonObject stranger = client.loginAnonymously("keys");
        assertEquals(
                "APIKeyNotFound",
                client.get(KEYS + "/" + id, stranger.getString("refresh_token")).errorCode(404));
        assertEquals(
                0,
                client.get(KEYS, stranger.getString("refresh_token"))
                        .jsonArray()
                        .size());
        assertEquals(
                "InvalidSession",
                client.get(KEYS, owner.getString("access_token")).errorCode(401));
        assertEquals("MissingAuthReq", client.get(KEYS, null).errorCode(401));
        String otherApp = client.loginAnonymously("no-keys").getString("refresh_token");
        assertEquals(
                "AuthProviderNotFound",
                client.post(KEYS, otherApp, "{\"name\":\"x\"}").errorCode(400));
    }
}
