package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: a restarted emulator keeps users, email accounts, API keys and sessions. */
class PersistenceTest {

    private static AppServicesEmulator start(Path dataDir) {
        return AppServicesEmulator.builder()
                .app(AppDefinition.builder("kept")
                        .anonymousAuth()
                        .emailPasswordAuth(false)
                        .apiKeyAuth()
                        .build())
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
            client.post(
                    WireClient.userpass("kept", "confirm"),
                    null,
                    "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}");
            client.register("kept", "pending@example.com", "password1");
            JsonObject login = client.login(
                    "kept", "local-userpass", "{\"username\":\"kept@example.com\",\"password\":\"password1\"}");
            userId = login.getString("user_id");
            refreshToken = login.getString("refresh_token");
            apiKey = client.post(CLIENT + "/auth/api_keys", refreshToken, "{\"name\":\"ci\"}")
                    .json()
                    .getString("key");
        }
        Path file = dataDir.resolve("emulator-data.mv");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    "the store's file holds signing secrets: readable by its owner only");
        }
        String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(stored.contains("kept@example.com"), "the embedded store's file holds the accounts");
        assertFalse(stored.contains("password1"), "passwords are stored hashed");
        assertFalse(stored.contains(apiKey), "API keys are stored hashed");

        try (AppServicesEmulator second = start(dataDir)) {
            WireClient client = new WireClient(second.baseUrl());
            JsonObject login = client.login(
                    "kept", "local-userpass", "{\"username\":\"kept@example.com\",\"password\":\"password1\"}");
            assertEquals(userId, login.getString("user_id"));
            assertEquals(
                    201,
                    client.post(CLIENT + "/auth/session", refreshToken, null).status(),
                    "a refresh token from before the restart still works");
            assertEquals(
                    userId,
                    client.login("kept", "api-key", "{\"key\":\"" + apiKey + "\"}")
                            .getString("user_id"));
            assertEquals(1, second.admin().pendingConfirmations("kept").size(), "pending confirmations kept");
            assertEquals(
                    "AccountNameInUse",
                    client.post(
                                    WireClient.userpass("kept", "register"),
                                    null,
                                    "{\"email\":\"kept@example.com\",\"password\":\"password1\"}")
                            .errorCode(409));
        }
    }

    @Test
    void aDataFileOfTheEarlierWriterIsMovedIntoTheStoreOnce(@TempDir Path dataDir) throws Exception {
        // as emulators before the state store wrote it (with JSON-B, before the BSON library):
        // record components by name, in alphabetical order, null components left out
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        String userId = "65f0a1b2c3d4e5f601234567";
        long expiresAt = System.currentTimeMillis() / 1000 * 1000 + 3_600_000;
        Files.writeString(
                dataDir.resolve("emulator-state.json"),
                "{\"apps\":{\"kept\":{\"accounts\":[],"
                        + "\"apiKeys\":[],\"domainId\":\"65f0a1b2c3d4e5f60123ffff\",\"emailTokens\":[],\"sessions\":"
                        + "[{\"deviceId\":\"65f0a1b2c3d4e5f60123eeee\",\"expiresAt\":" + expiresAt + ",\"id\":\"s1\","
                        + "\"userId\":\"" + userId + "\"}],\"signingSecret\":\""
                        + Base64.getEncoder().encodeToString(secret)
                        + "\",\"users\":[{\"createdAt\":1700000000000,\"disabled\":false,\"id\":\"" + userId + "\","
                        + "\"identities\":[{\"data\":{\"name\":\"Ana\"},\"id\":\"i1\",\"providerId\":\"p1\","
                        + "\"providerType\":\"anon-user\"}],\"type\":\"normal\"}]}},\"version\":1}",
                StandardCharsets.UTF_8);
        SignedJWT refresh = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject(userId)
                        .claim("typ", "refresh")
                        .claim("baas_session_id", "s1")
                        .claim("baas_domain_id", "65f0a1b2c3d4e5f60123ffff")
                        .expirationTime(new Date(expiresAt))
                        .build());
        refresh.sign(new MACSigner(secret));

        try (AppServicesEmulator emulator = start(dataDir)) {
            EmulatorAdmin.UserInfo user = emulator.admin().users("kept").get(0);
            assertEquals(userId, user.id());
            assertEquals(Map.of("name", "Ana"), user.identities().get(0).data());
            assertEquals(
                    201,
                    new WireClient(emulator.baseUrl())
                            .post(CLIENT + "/auth/session", refresh.serialize(), null)
                            .status(),
                    "the stored session and signing secret are used");
        }
        assertFalse(Files.exists(dataDir.resolve("emulator-state.json")), "the file is read once");
        assertTrue(Files.exists(dataDir.resolve("emulator-state.json.migrated")), "and kept aside");
        try (AppServicesEmulator emulator = start(dataDir)) {
            assertEquals(userId, emulator.admin().users("kept").get(0).id(), "the user now lives in the store");
            assertEquals(
                    201,
                    new WireClient(emulator.baseUrl())
                            .post(CLIENT + "/auth/session", refresh.serialize(), null)
                            .status(),
                    "and so do its session and the signing secret");
        }
    }

    @Test
    void aDataFileWithAFieldOfTheWrongTypeNamesIt(@TempDir Path dataDir) throws IOException {
        Files.writeString(
                dataDir.resolve("emulator-state.json"),
                "{\"apps\":{\"kept\":{\"signingSecret\":1}}," + "\"version\":1}",
                StandardCharsets.UTF_8);
        EmulatorException failure = assertThrows(EmulatorException.class, () -> start(dataDir));
        assertTrue(failure.getMessage().startsWith("APPSVC0520: "), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("'signingSecret' must be a string"), failure.getMessage());
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
