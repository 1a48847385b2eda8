package dev.appservices.extension.cdi;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.TestConfigSource;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.RemoteMongoCollection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user of an injected App reaches the data service as any other: CRUD and watch. */
@AppServicesTest
class RemoteMongoInjectionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator("shop");

    @Inject
    @AppServices(id = "shop")
    App app;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.shop.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.shop.metadata.mode", "in-memory");
        TestConfigSource.set("appservices.shop.timeout", "PT10S");
    }

    @Test
    void theInjectedAppsUserReadsWritesAndWatches() {
        User user = app.logIn(Credentials.anonymous(false));
        RemoteMongoCollection<Document> orders = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("injected-orders");
        try (ChangeStream<Document> changes = orders.watch()) {
            orders.insertOne(new Document("_id", 1).append("status", "open"));
            assertEquals(
                    List.of(new Document("_id", 1).append("status", "open")),
                    orders.find(eq("status", "open")).toList());
            assertEquals(
                    OperationType.INSERT,
                    changes.tryNext(Duration.ofSeconds(10)).orElseThrow().operationType());
        }
    }
}
