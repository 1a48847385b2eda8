package dev.appservices.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --data-dir}: a restarted emulator keeps users, email accounts, API keys and sessions. */
class PersistenceTest {

    private static AppServicesEmulator start(Path dataDir) {
        return AppServicesEmulator.builder()
                .app(AppDefinition.builder("kept").anonymousAuth().emailPasswordAuth(false).apiKeyAuth().build())
                .dataDirectory(dataDir)
                .start();
    }

    @Test
    void restartKeepsUsersKeysAndSessions(@TempDir Path dataDir) throws IOException {
        String userId;
        String refreshToken;
        String apiKey;
        try (AppServicesEmulator first = start(dataDir)) {
            WireClient client = new WireClient(first.baseUrl());
            client.register("kept", "kept@example.com", "password1");
            PendingToken token = first.admin().pendingConfirmations("kept").get(0);
            client.post(WireClient.userpass("kept", "confirm"), null,
                    "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}");
            client.register("kept", "pending@example.com", "password1");
            JsonObject login = client.login("kept", "local-userpass",
                    "{\"username\":\"kept@example.com\",\"password\":\"password1\"}");
            userId = login.getString("user_id");
            refreshToken = login.getString("refresh_token");
            apiKey = client.post(CLIENT + "/auth/api_keys", refreshToken, "{\"name\":\"ci\"}").json()
                    .getString("key");
        }
        String stored = Files.readString(dataDir.resolve("emulator-state.json"), StandardCharsets.UTF_8);
        assertFalse(stored.contains("password1"), "passwords are stored hashed");
        assertFalse(stored.contains(apiKey), "API keys are stored hashed");

        try (AppServicesEmulator second = start(dataDir)) {
            WireClient client = new WireClient(second.baseUrl());
            JsonObject login = client.login("kept", "local-userpass",
                    "{\"username\":\"kept@example.com\",\"password\":\"password1\"}");
            assertEquals(userId, login.getString("user_id"));
            assertEquals(201, client.post(CLIENT + "/auth/session", refreshToken, null).status(),
                    "a refresh token from before the restart still works");
            assertEquals(userId, client.login("kept", "api-key", "{\"key\":\"" + apiKey + "\"}").getString("user_id"));
            assertEquals(1, second.admin().pendingConfirmations("kept").size(), "pending confirmations kept");
            assertEquals("AccountNameInUse", client.post(WireClient.userpass("kept", "register"), null,
                    "{\"email\":\"kept@example.com\",\"password\":\"password1\"}").errorCode(409));
        }
    }

    @Test
    void anUnreadableDataFileStopsTheStartAndStaysUntouched(@TempDir Path dataDir) throws IOException {
        Path file = dataDir.resolve("emulator-state.json");
        Files.writeString(file, "{ not json", StandardCharsets.UTF_8);
        EmulatorException failure = assertThrows(EmulatorException.class, () -> start(dataDir));
        assertTrue(failure.getMessage().startsWith("APPSVC0520: "), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertEquals("{ not json", Files.readString(file, StandardCharsets.UTF_8));
    }
}
