package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ALLOW_ALL;
import static dev.appservices.emulator.DataClient.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * {@code --mongodb-uri}: the data goes to the deployment the connection string names. A separate MongoDB-compatible
 * server stands in for the deployment; another client of it sees what the emulator wrote.
 */
class RemoteStoreTest {

    @Test
    void dataGoesToTheDeployment() {
        MongoServer deployment = new MongoServer(new MemoryBackend());
        String uri = deployment.bindAndGetConnectionString();
        try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                        .mongodbUri(uri)
                        .app(AppDefinition.builder("remote")
                                .anonymousAuth()
                                .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                                .build())
                        .start();
                MongoClient other = MongoClients.create(uri)) {
            DataClient data = new DataClient(new WireClient(emulator.baseUrl()), "remote");
            data.call(
                    data.anonymousToken(),
                    "insertOne",
                    "{" + ns("shop", "orders") + ",\"document\":{\"_id\":\"o1\",\"total\":{\"$numberLong\":\"42\"}}}");
            assertEquals(
                    BsonDocument.parse("{\"_id\": \"o1\", \"total\": {\"$numberLong\": \"42\"}}"),
                    other.getDatabase("shop")
                            .getCollection("orders", BsonDocument.class)
                            .find()
                            .first());
        } finally {
            deployment.shutdownNow();
        }
    }

    @Test
    void anUnreachableDeploymentStopsTheStartNamingItsHostsOnly() {
        MongoServer stopped = new MongoServer(new MemoryBackend());
        String address = stopped.bindAndGetConnectionString().replace("mongodb://", "");
        stopped.shutdownNow();
        EmulatorException failure = assertThrows(
                EmulatorException.class,
                () -> AppServicesEmulator.builder()
                        .mongodbUri("mongodb://user:secret@" + address + "/?serverSelectionTimeoutMS=500")
                        .app(AppDefinition.builder("remote")
                                .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                                .build())
                        .start()
                        .close());
        assertTrue(
                failure.getMessage().startsWith("APPSVC0511: the MongoDB deployment mongodb://" + address),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
    }
}
