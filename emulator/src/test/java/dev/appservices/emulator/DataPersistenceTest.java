package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ALLOW_ALL;
import static dev.appservices.emulator.DataClient.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir}: data written through the service is there after the emulator restarts. */
class DataPersistenceTest {

    private static AppServicesEmulator start(Path dataDir) {
        return AppServicesEmulator.builder()
                .app(AppDefinition.builder("kept")
                        .anonymousAuth()
                        .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                        .build())
                .dataDirectory(dataDir)
                .start();
    }

    @Test
    void restartKeepsTheData(@TempDir Path dataDir) {
        try (AppServicesEmulator first = start(dataDir)) {
            DataClient data = new DataClient(new WireClient(first.baseUrl()), "kept");
            String token = data.anonymousToken();
            data.call(
                    token,
                    "insertMany",
                    "{" + ns("db", "kept") + ",\"documents\":[{\"_id\":1,\"n\":{\"$numberLong\":\"7\"}},{\"_id\":2}]}");
            data.call(token, "deleteOne", "{" + ns("db", "kept") + ",\"query\":{\"_id\":2}}");
        }
        assertTrue(Files.exists(dataDir.resolve("emulator-data.mv")), "the embedded store's file");
        try (AppServicesEmulator second = start(dataDir)) {
            assertEquals(
                    List.of(BsonDocument.parse("{\"_id\": 1, \"n\": {\"$numberLong\": \"7\"}}")),
                    second.admin().documents("kept", "db", "kept"));
        }
    }
}
