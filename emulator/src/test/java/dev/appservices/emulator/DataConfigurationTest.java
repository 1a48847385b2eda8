package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mongodb} and {@code customUserData} settings: problems name their key, bad store settings their cause. */
class DataConfigurationTest {

    private static String failure(Path dir, String app) throws IOException {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, "{\"apps\":[" + app + "]}", StandardCharsets.UTF_8);
        return assertThrows(
                        EmulatorException.class,
                        () -> AppServicesEmulator.builder().config(file).start().close())
                .getMessage();
    }

    @Test
    void rulesProblemsNameTheirKey(@TempDir Path dir) throws IOException {
        String missingCollection = failure(dir, "{\"id\":\"a\",\"mongodb\":{\"rules\":[{\"database\":\"db\"}]}}");
        assertTrue(
                missingCollection.startsWith(
                        "APPSVC0513: invalid value for apps[a].mongodb: " + "apps[a].mongodb.rules[0].collection"),
                missingCollection);
        String twice = failure(
                dir,
                "{\"id\":\"a\",\"mongodb\":{\"rules\":[{\"database\":\"db\",\"collection\":\"c\"},"
                        + "{\"database\":\"db\",\"collection\":\"c\"}]}}");
        assertTrue(twice.contains("a second rule for namespace 'db.c'"), twice);
        String roles = failure(dir, "{\"id\":\"a\",\"mongodb\":{\"defaultRule\":{\"roles\":{}}}}");
        assertTrue(roles.contains("apps[a].mongodb.defaultRule.roles"), roles);
        String unknownKey = failure(dir, "{\"id\":\"a\",\"mongodb\":{\"rule\":[]}}");
        assertTrue(unknownKey.startsWith("APPSVC0501") && unknownKey.contains("mongodb.rule"), unknownKey);
    }

    @Test
    void customUserDataNeedsItsService(@TempDir Path dir) throws IOException {
        String message = failure(
                dir,
                "{\"id\":\"a\",\"customUserData\":{\"enabled\":true,"
                        + "\"mongo_service_name\":\"mongodb-atlas\",\"database_name\":\"d\",\"collection_name\":\"c\","
                        + "\"user_id_field\":\"user_id\"}}");
        assertTrue(message.startsWith("APPSVC0501") && message.contains("customUserData.mongo_service_name"), message);
        String missing = failure(dir, "{\"id\":\"a\",\"mongodb\":{},\"customUserData\":{\"collection_name\":\"c\"}}");
        assertTrue(missing.contains("database_name"), missing);
    }

    @Test
    void anInvalidMongoDbUriStopsTheStart() {
        EmulatorException failure = assertThrows(
                EmulatorException.class,
                () -> AppServicesEmulator.builder()
                        .mongodbUri("http://user:secret@db.example.com")
                        .start()
                        .close());
        assertTrue(
                failure.getMessage().startsWith("APPSVC0512: invalid MongoDB connection string"), failure.getMessage());
        assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
        EmulatorException withUser = assertThrows(
                EmulatorException.class,
                () -> AppServicesEmulator.builder()
                        .mongodbUri("mongodb://user:secret@host:notaport")
                        .start()
                        .close());
        assertTrue(withUser.getMessage().startsWith("APPSVC0512"), withUser.getMessage());
        assertFalse(withUser.getMessage().contains("secret"), withUser.getMessage());
    }
}
