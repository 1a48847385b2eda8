package dev.appservices.extension.internal.sync;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.sync.CompensatingWriteException;
import dev.appservices.sync.Progress;
import dev.appservices.sync.ProgressDirection;
import dev.appservices.sync.ProgressMode;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users' lifecycle, subscriptions, refused writes, listeners and reopening, against the emulator over HTTP. */
class SyncLifecycleTest {

    private static final String APP_ID = "sync-lifecycle-test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path DIRECTORY = SyncTest.tempDirectory();
    private static final String FUNCTION_CALL = "/api/client/v2.0/app/{appId}/functions/call";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID, builder -> builder.syncDirectory(DIRECTORY));

    private final List<SyncException> errors = new CopyOnWriteArrayList<>();
    private String collection;

    @BeforeEach
    void name() {
        collection = "orders-" + UUID.randomUUID();
    }

    private SyncedDatabase open(User user, String coll, Document filter) {
        return open(user, coll, filter, false);
    }

    private SyncedDatabase open(User user, String coll, Document filter, boolean cancelWaits) {
        return testApp.get()
                .sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", MongoTestBackend.DATABASE, coll, filter)
                        .cancelWaitsOnNonFatalError(cancelWaits)
                        .errorHandler((session, error) -> errors.add(error))
                        .build());
    }

    private RemoteMongoCollection<Document> remote(User user, String coll) {
        return user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection(coll);
    }

    @Test
    void logoutStopsTheSessionAndFailsItsWaitsAndLoginResumesIt() throws Exception {
        Credentials credentials = testApp.registered("ana-" + UUID.randomUUID() + "@example.com");
        User user = testApp.get().logIn(credentials);
        try (SyncedDatabase local = open(user, collection, new Document())) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            String fault = EMULATOR.admin()
                    .injectFault(FaultSpec.onPath("/api/client/**/functions/call")
                            .method("POST")
                            .delay(Duration.ofSeconds(3))
                            .delayOnly());
            orders.insertOne(new Document("status", "open"));
            CompletableFuture<Void> pending =
                    local.session().uploadAllLocalChangesAsync().toCompletableFuture();
            user.logOut();
            EMULATOR.admin().removeFault(fault);

            ExecutionException failed =
                    assertThrows(ExecutionException.class, () -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            SyncException error = assertInstanceOf(SyncException.class, failed.getCause());
            assertTrue(error.isFatal(), error.getMessage());
            assertEquals(SyncSession.State.INACTIVE, local.session().state());
            orders.insertOne(new Document("status", "offline"));
            assertEquals(2, orders.count(), "local writes go on while logged out");

            User again = testApp.get().logIn(credentials);
            assertEquals(user.id(), again.id());
            assertEquals(SyncSession.State.ACTIVE, local.session().state());
            assertTrue(local.session().uploadAllLocalChanges(WAIT));
            assertEquals(2, remote(again, collection).count());
        }
    }

    @Test
    void aLogoutWhileTheSessionConnectsDoesNotStopItAfterTheNextLogin() {
        Credentials credentials = testApp.registered("cy-" + UUID.randomUUID() + "@example.com");
        User user = testApp.get().logIn(credentials);
        // the session's thread is held opening its change stream while the login ends and the next begins
        String fault = EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/**/functions/call")
                        .method("GET")
                        .delay(Duration.ofSeconds(3))
                        .delayOnly());
        long watches = EMULATOR.admin().requestCount("GET", FUNCTION_CALL);
        try (SyncedDatabase local = open(user, collection, new Document())) {
            await().atMost(WAIT).until(() -> EMULATOR.admin().requestCount("GET", FUNCTION_CALL) > watches);
            user.logOut();
            User again = testApp.get().logIn(credentials);
            EMULATOR.admin().removeFault(fault);

            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            orders.insertOne(new Document("status", "open"));
            assertTrue(local.session().uploadAllLocalChanges(WAIT));
            assertEquals(1, remote(again, collection).count());
            remote(again, collection).insertOne(new Document("status", "done"));
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            assertEquals(2, orders.count());
            assertEquals(SyncSession.State.ACTIVE, local.session().state());
            assertTrue(errors.stream().noneMatch(SyncException::isFatal), errors.toString());
        }
    }

    @Test
    void removingTheUserClosesTheDatabaseAndDeletesItsLocalData() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        SyncedDatabase local = open(user, collection, new Document());
        local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
        Path userDirectory = DIRECTORY.resolve(user.id());
        assertTrue(Files.exists(userDirectory.resolve("default.mv.db")));

        testApp.get().removeUser(user);

        assertTrue(local.isClosed());
        assertFalse(Files.exists(userDirectory), "the local data is deleted");
        assertTrue(testApp.get().sync().sessions(user).isEmpty());
    }

    @Test
    void deletingTheUserClosesTheDatabaseAndDeletesItsLocalData() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        SyncedDatabase local = open(user, collection, new Document());
        Path userDirectory = DIRECTORY.resolve(user.id());
        assertTrue(Files.exists(userDirectory));

        testApp.get().deleteUser(user);

        // the sync session may see the deletion first (its request gets 401) and remove the user on its own thread
        await().atMost(Duration.ofSeconds(10)).until(() -> local.isClosed() && !Files.exists(userDirectory));
    }

    @Test
    void anAnonymousUserWhoseSessionEndsIsRemovedWithItsLocalData() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        SyncedDatabase local = open(user, collection, new Document());
        Path userDirectory = DIRECTORY.resolve(user.id());
        EMULATOR.admin().logoutUser(APP_ID, user.id());

        assertThrows(RuntimeException.class, user::refreshProfile);

        await().atMost(WAIT).until(local::isClosed);
        assertFalse(Files.exists(userDirectory));
    }

    @Test
    void aRevokedSessionIsFatalAndFailsPendingWaitsWithoutTheFlag() {
        // Not anonymous: an anonymous user whose session ends is removed, with its synced databases.
        User user = testApp.get().logIn(testApp.registered("bo-" + UUID.randomUUID() + "@example.com"));
        try (SyncedDatabase local = open(user, collection, new Document())) {
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            // The wait must be pending when the session learns of the revocation (by its change stream's error
            // event, or by a 401 of the upload): a wait started on a session already stopped waits for a login.
            String fault = EMULATOR.admin()
                    .injectFault(FaultSpec.onPath("/api/client/**/functions/call")
                            .method("POST")
                            .delay(Duration.ofSeconds(3))
                            .delayOnly());
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            CompletableFuture<Void> pending =
                    local.session().uploadAllLocalChangesAsync().toCompletableFuture();
            EMULATOR.admin().logoutUser(APP_ID, user.id());
            EMULATOR.admin().removeFault(fault);

            ExecutionException failed =
                    assertThrows(ExecutionException.class, () -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            SyncException error = assertInstanceOf(SyncException.class, failed.getCause());
            assertTrue(error.isFatal(), error.getMessage());
            assertEquals(SyncSession.State.INACTIVE, local.session().state());
            assertFalse(user.isLoggedIn(), "a 401 after a failed refresh logs the user out");
        }
    }

    @Test
    void changingSubscriptionsAddsAndRemovesLocalDocuments() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        remote(user, collection).insertMany(List.of(new Document("status", "open"), new Document("status", "done")));
        try (SyncedDatabase local = open(user, collection, new Document("status", "open"))) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            assertTrue(local.subscriptions().waitForSynchronization(WAIT));
            assertEquals(
                    List.of("open"),
                    orders.find().toList().stream()
                            .map(d -> d.getString("status"))
                            .toList());

            local.subscriptions()
                    .update(s -> s.add("done", MongoTestBackend.DATABASE, collection, eq("status", "done"))
                            .remove("all"));
            assertTrue(local.subscriptions().waitForSynchronization(WAIT));

            assertEquals(
                    List.of("done"),
                    orders.find().toList().stream()
                            .map(d -> d.getString("status"))
                            .toList());
            assertEquals(
                    List.of("done"),
                    local.subscriptions().all().stream().map(s -> s.name()).toList());
        }
    }

    @Test
    void aWriteTheRulesRefuseIsUndoneLocallyAndReported() {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        User bob = testApp.get().logIn(Credentials.anonymous(false));
        ObjectId id = anasDocument(ana);
        try (SyncedDatabase local = open(bob, "owned", new Document("note", collection))) {
            SyncedCollection<Document> owned = local.collection(MongoTestBackend.DATABASE, "owned");
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            owned.updateOne(eq("_id", id), set("status", "changed"));
            assertTrue(local.session().uploadAllLocalChanges(WAIT));

            await().atMost(WAIT).until(() -> errors.stream().anyMatch(CompensatingWriteException.class::isInstance));
            CompensatingWriteException refused = (CompensatingWriteException) errors.stream()
                    .filter(CompensatingWriteException.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertEquals(id, refused.documentId().asObjectId().getValue());
            assertEquals("owned", refused.namespace().collection());
            assertEquals(
                    "open",
                    owned.findOne(eq("_id", id)).orElseThrow().getString("status"),
                    "the local change is undone");
            assertEquals(
                    "open",
                    remote(ana, "owned").findOne(eq("_id", id)).orElseThrow().getString("status"));
        }
    }

    /**
     * Bob's update of Ana's document, which the rules refuse, is pending while an upload wait runs: the wait is
     * started while the session is paused, so it is pending when the upload is refused.
     */
    private CompletableFuture<Void> uploadWaitOnARefusedWrite(SyncedDatabase local, ObjectId id) {
        SyncedCollection<Document> owned = local.collection(MongoTestBackend.DATABASE, "owned");
        assertTrue(local.session().downloadAllServerChanges(WAIT));
        local.session().pause();
        owned.updateOne(eq("_id", id), set("status", "changed"));
        CompletableFuture<Void> pending =
                local.session().uploadAllLocalChangesAsync().toCompletableFuture();
        assertFalse(pending.isDone());
        local.session().resume();
        return pending;
    }

    private static String ownedStatus(SyncedDatabase local, ObjectId id) {
        return local.collection(MongoTestBackend.DATABASE, "owned")
                .findOne(eq("_id", id))
                .orElseThrow()
                .getString("status");
    }

    private ObjectId anasDocument(User ana) {
        return remote(ana, "owned")
                .insertOne(new Document("owner_id", ana.id())
                        .append("note", collection)
                        .append("status", "open"))
                .insertedId()
                .asObjectId()
                .getValue();
    }

    @Test
    void aPendingUploadWaitCompletesAfterARefusedWriteIsUndoneAndReported() throws Exception {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        User bob = testApp.get().logIn(Credentials.anonymous(false));
        ObjectId id = anasDocument(ana);
        try (SyncedDatabase local = open(bob, "owned", new Document("note", collection))) {
            CompletableFuture<Void> pending = uploadWaitOnARefusedWrite(local, id);

            pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // no waiting from here on: the undo and the report come before the wait completes
            assertEquals("open", ownedStatus(local, id), "the refused write is undone");
            assertTrue(errors.stream().anyMatch(CompensatingWriteException.class::isInstance), errors.toString());
        }
    }

    @Test
    void withTheFlagARefusedWriteFailsThePendingUploadWait() throws Exception {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        User bob = testApp.get().logIn(Credentials.anonymous(false));
        ObjectId id = anasDocument(ana);
        try (SyncedDatabase local = open(bob, "owned", new Document("note", collection), true)) {
            CompletableFuture<Void> pending = uploadWaitOnARefusedWrite(local, id);

            ExecutionException failed =
                    assertThrows(ExecutionException.class, () -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            CompensatingWriteException refused = assertInstanceOf(CompensatingWriteException.class, failed.getCause());
            assertFalse(refused.isFatal());
            assertEquals(id, refused.documentId().asObjectId().getValue());
            assertEquals("open", ownedStatus(local, id), "the refused write is undone");
            assertTrue(local.session().uploadAllLocalChanges(WAIT), "later waits find nothing left to upload");
        }
    }

    @Test
    void progressListenersFollowTheCurrentChangesOrAllWork() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = open(user, collection, new Document())) {
            SyncSession session = local.session();
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            session.pause();
            orders.insertMany(List.of(new Document("n", 1), new Document("n", 2), new Document("n", 3)));
            List<Progress> current = new CopyOnWriteArrayList<>();
            List<Progress> all = new CopyOnWriteArrayList<>();
            session.addProgressListener(ProgressDirection.UPLOAD, ProgressMode.CURRENT_CHANGES, current::add);
            session.addProgressListener(ProgressDirection.UPLOAD, ProgressMode.INDEFINITELY, all::add);
            assertEquals(List.of(new Progress(0, 3)), current, "a listener hears the known progress at once");

            session.resume();
            assertTrue(session.uploadAllLocalChanges(WAIT));
            await().atMost(WAIT).until(() -> current.get(current.size() - 1).estimate() == 1.0);
            int heard = current.size();
            orders.insertOne(new Document("n", 4));
            assertTrue(session.uploadAllLocalChanges(WAIT));
            assertEquals(heard, current.size(), "a CURRENT_CHANGES listener ends with its work");
            await().atMost(WAIT).until(() -> all.get(all.size() - 1).equals(new Progress(4, 4)));

            List<Progress> downloads = new CopyOnWriteArrayList<>();
            session.addProgressListener(ProgressDirection.DOWNLOAD, ProgressMode.INDEFINITELY, downloads::add);
            assertTrue(session.downloadAllServerChanges(WAIT));
            assertTrue(downloads.get(downloads.size() - 1).isTransferComplete());
        }
    }

    @Test
    void changeListenersHearOwnAndDownloadedChanges() {
        User ana = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = open(ana, collection, new Document())) {
            SyncedCollection<Document> orders = local.collection(MongoTestBackend.DATABASE, collection);
            List<ChangeEvent<Document>> events = new CopyOnWriteArrayList<>();
            orders.addChangeListener(eq("status", "open"), events::add);
            assertTrue(local.session().downloadAllServerChanges(WAIT));

            orders.insertOne(new Document("status", "open").append("by", "local"));
            remote(ana, collection).insertOne(new Document("status", "open").append("by", "remote"));
            remote(ana, collection).insertOne(new Document("status", "done").append("by", "remote"));

            await().atMost(WAIT).until(() -> events.size() >= 2);
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            assertEquals(
                    List.of("local", "remote"),
                    events.stream()
                            .filter(e -> e.operationType() == OperationType.INSERT)
                            .map(e -> e.fullDocument().orElseThrow().getString("by"))
                            .toList());
        }
    }

    @Test
    void localDataAndUnsentChangesOutliveAClose() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = open(user, collection, new Document())) {
            local.session().pause();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "offline"));
        }
        assertEquals(0, remote(user, collection).count());
        try (SyncedDatabase local = open(user, collection, new Document())) {
            assertEquals(
                    1, local.collection(MongoTestBackend.DATABASE, collection).count());
            assertTrue(local.session().uploadAllLocalChanges(WAIT));
        }
        assertEquals(1, remote(user, collection).count());
    }
}
