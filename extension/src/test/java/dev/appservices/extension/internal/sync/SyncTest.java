package dev.appservices.extension.internal.sync;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.sync.ConnectionState;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Synced databases of two users of one App against the emulator over HTTP: local writes, uploads, convergence. */
class SyncTest {

    private static final String APP_ID = "sync-test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID, builder -> builder.syncDirectory(tempDirectory()));

    private String collection;

    @BeforeEach
    void name() {
        collection = "orders-" + UUID.randomUUID();
    }

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("sync-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyncedDatabase open(User user) {
        return testApp.get()
                .sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", MongoTestBackend.DATABASE, collection, new Document())
                        .build());
    }

    /** {@link #open(User)} with an error handler that collects what the session reports. */
    private SyncedDatabase open(User user, List<Throwable> errors) {
        return testApp.get()
                .sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", MongoTestBackend.DATABASE, collection, new Document())
                        .errorHandler((session, error) -> errors.add(error))
                        .build());
    }

    @Test
    void aLocalInsertIsQueryableAtOnceAndUploaded() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = open(user)) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            ObjectId id = orders.insertOne(new Document("status", "open"))
                    .insertedId()
                    .asObjectId()
                    .getValue();
            assertEquals(1, orders.count(eq("status", "open")));
            assertTrue(local.session().uploadAllLocalChanges(WAIT));
            RemoteMongoCollection<Document> remote = user.mongoClient(MongoTestBackend.SERVICE)
                    .database(MongoTestBackend.DATABASE)
                    .collection(collection);
            assertEquals("open", remote.findOne(eq("_id", id)).orElseThrow().getString("status"));
        }
    }

    /**
     * A subscription larger than one page: the first, unsorted read is full, so the pass reads it again in pages in
     * {@code _id} order; every document arrives once, and a local document the server no longer has goes.
     */
    @Test
    void aSubscriptionLargerThanOnePageIsReadInPages() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        RemoteMongoCollection<Document> remote = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection(collection);
        int count = DefaultSyncSession.PAGE + 1500;
        for (int start = 0; start < count; start += 10_000) {
            List<Document> chunk = new ArrayList<>();
            for (int n = start; n < Math.min(count, start + 10_000); n++) {
                chunk.add(new Document("n", n));
            }
            remote.insertMany(chunk);
        }
        try (SyncedDatabase local = open(user)) {
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            assertEquals(count, orders.count());
            assertEquals(1, orders.count(eq("n", count - 1)));

            local.session().pause();
            remote.deleteOne(eq("n", 7));
            local.session().resume();
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            assertEquals(count - 1, orders.count());
            assertEquals(0, orders.count(eq("n", 7)));
        }
    }

    @Test
    void twoUsersEditDifferentFieldsOfflineAndConverge() {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        User bob = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase anaLocal = open(ana);
                SyncedDatabase bobLocal = open(bob)) {
            SyncedCollection<Document> anaOrders = anaLocal.collection(MongoTestBackend.DATABASE, collection);
            SyncedCollection<Document> bobOrders = bobLocal.collection(MongoTestBackend.DATABASE, collection);
            ObjectId id = anaOrders
                    .insertOne(new Document("status", "open").append("total", 1))
                    .insertedId()
                    .asObjectId()
                    .getValue();
            assertTrue(anaLocal.session().uploadAllLocalChanges(WAIT));
            await().atMost(WAIT).until(() -> bobOrders.count(eq("_id", id)) == 1);

            anaLocal.session().pause();
            bobLocal.session().pause();
            anaOrders.updateOne(eq("_id", id), set("status", "done"));
            bobOrders.updateOne(eq("_id", id), set("total", 2));
            anaLocal.session().resume();
            bobLocal.session().resume();
            assertTrue(anaLocal.session().uploadAllLocalChanges(WAIT));
            assertTrue(bobLocal.session().uploadAllLocalChanges(WAIT));
            assertTrue(anaLocal.session().downloadAllServerChanges(WAIT));
            assertTrue(bobLocal.session().downloadAllServerChanges(WAIT));

            Document expected = new Document("_id", id).append("status", "done").append("total", 2);
            assertEquals(expected, anaOrders.findOne(eq("_id", id)).orElseThrow());
            assertEquals(expected, bobOrders.findOne(eq("_id", id)).orElseThrow());
        }
    }

    @Test
    void anOfflineInsertAndUpdateOfOneDocumentOutliveTheCatchUpAndAreUploaded() {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (SyncedDatabase local = open(ana, errors)) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            local.session().pause();
            ObjectId id = orders.insertOne(new Document("status", "open").append("total", 1))
                    .insertedId()
                    .asObjectId()
                    .getValue();
            orders.updateOne(eq("_id", id), set("total", 2));
            // the catch-up pass of the reconnection finds the document on no server: its two pending entries keep it
            local.session().resume();
            assertTrue(local.session().uploadAllLocalChanges(WAIT));
            assertTrue(local.session().downloadAllServerChanges(WAIT));

            Document expected = new Document("_id", id).append("status", "open").append("total", 2);
            assertEquals(expected, orders.findOne(eq("_id", id)).orElseThrow());
            assertEquals(
                    List.of(expected),
                    ana.mongoClient(DefaultSyncSession.SERVICE)
                            .database(MongoTestBackend.DATABASE)
                            .collection(collection)
                            .find(eq("_id", id))
                            .toList());
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void aDeleteWinsOverAConcurrentUpdate() {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        User bob = testApp.get().logIn(Credentials.anonymous(false));
        List<Throwable> bobErrors = new CopyOnWriteArrayList<>();
        try (SyncedDatabase anaLocal = open(ana);
                SyncedDatabase bobLocal = open(bob, bobErrors)) {
            SyncedCollection<Document> anaOrders = anaLocal.collection(MongoTestBackend.DATABASE, collection);
            SyncedCollection<Document> bobOrders = bobLocal.collection(MongoTestBackend.DATABASE, collection);
            ObjectId id = anaOrders
                    .insertOne(new Document("status", "open"))
                    .insertedId()
                    .asObjectId()
                    .getValue();
            assertTrue(anaLocal.session().uploadAllLocalChanges(WAIT));
            assertTrue(bobLocal.session().downloadAllServerChanges(WAIT));
            assertEquals(1, bobOrders.count(eq("_id", id)));

            bobLocal.session().pause();
            anaOrders.deleteOne(eq("_id", id));
            assertTrue(anaLocal.session().uploadAllLocalChanges(WAIT));
            bobOrders.updateOne(eq("_id", id), set("status", "done"));
            bobLocal.session().resume();
            assertTrue(bobLocal.session().uploadAllLocalChanges(WAIT));
            assertTrue(bobLocal.session().downloadAllServerChanges(WAIT));

            assertEquals(0, bobOrders.count(eq("_id", id)));
            assertEquals(0, anaOrders.count(eq("_id", id)));
            assertFalse(bobErrors.isEmpty(), "the dropped update is reported");
        }
    }

    @Test
    void aWriteOutsideEverySubscriptionFailsAtOnce() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = testApp.get()
                .sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("open", MongoTestBackend.DATABASE, collection, eq("status", "open"))
                        .build())) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            IllegalArgumentException error = assertThrows(
                    IllegalArgumentException.class, () -> orders.insertOne(new Document("status", "done")));
            assertTrue(error.getMessage().startsWith("APPSVC1013:"), error.getMessage());
            assertEquals(0, orders.count());
            assertEquals(
                    0, local.session().configuration().initialSubscriptions().size() - 1);
            SyncSession session = local.session();
            assertTrue(session.uploadAllLocalChanges(WAIT), "nothing was queued");
        }
    }

    @Test
    void closingStopsTheSessionsThreads() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        SyncedDatabase local = open(user);
        SyncSession session = local.session();
        await().atMost(WAIT).until(() -> session.connectionState() == ConnectionState.CONNECTED);
        assertFalse(syncThreads().isEmpty());

        local.close();

        assertTrue(local.isClosed());
        await().atMost(WAIT).until(() -> syncThreads().isEmpty());
        assertEquals(ConnectionState.DISCONNECTED, session.connectionState());
        assertEquals(SyncSession.State.INACTIVE, session.state());
        assertThrows(IllegalStateException.class, () -> local.collection(MongoTestBackend.DATABASE, collection));
    }

    private static List<String> syncThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("appservices-sync-" + APP_ID))
                .toList();
    }
}
