package dev.appservices.extension.internal.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.extension.internal.client.TestBackend;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.RemoteMongoCollection;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long a stream lives: the App timeout bounds only its opening, and a server that goes away ends it visibly.
 * Each test has an emulator of its own with the default heartbeat (ten seconds), longer than the App timeout.
 */
class ChangeStreamLifetimeTest {

    private static final String APP_ID = "change-stream-lifetime";
    private static final Duration APP_TIMEOUT = Duration.ofSeconds(3);

    private AppServicesEmulator emulator;
    private App app;
    private RemoteMongoCollection<Document> notes;

    @BeforeEach
    void start() {
        emulator = AppServicesEmulator.builder()
                .port(0)
                .app(MongoTestBackend.app(APP_ID))
                .start();
        app = App.create(TestBackend.configuration(APP_ID, emulator.baseUrl())
                .timeout(APP_TIMEOUT)
                .build());
        User user = app.logIn(Credentials.anonymous(false));
        notes = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("notes");
        notes.count(); // the first use of the store is slow on a loaded machine: not part of what is measured
    }

    @AfterEach
    void stop() {
        app.close();
        emulator.close();
    }

    @Test
    void aQuietStreamOutlivesTheAppTimeout() {
        try (ChangeStream<Document> changes = notes.watch()) {
            assertEquals(
                    Optional.empty(),
                    changes.tryNext(APP_TIMEOUT.multipliedBy(2).plusMillis(500)));
            notes.insertOne(new Document("_id", 1));
            assertEquals(
                    OperationType.INSERT,
                    changes.tryNext(Duration.ofSeconds(10)).orElseThrow().operationType());
        }
    }

    @Test
    void aServerThatGoesAwayBreaksTheStreamVisibly() {
        ChangeStream<Document> changes = notes.watch();
        emulator.close();
        // the stopping server ends the chunked body, or cuts it short when it stops first: a regular end or a
        // broken connection, each reported as such
        RuntimeException e = assertThrows(RuntimeException.class, () -> changes.tryNext(Duration.ofSeconds(10)));
        if (e instanceof ChangeStreamEndedException ended) {
            assertEquals(Reason.SERVER_CLOSED, ended.reason());
        } else {
            assertInstanceOf(ConnectionException.class, e);
            assertTrue(
                    e.getMessage().startsWith("APPSVC0714: the connection of the change stream of shop.notes"),
                    e.getMessage());
        }
        assertFalse(changes.isOpen());
        changes.close();
    }
}
