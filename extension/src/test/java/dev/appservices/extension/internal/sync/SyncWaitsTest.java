package dev.appservices.extension.internal.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.sync.ConnectionState;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's rule: with the App timeout at one second and a backend that does not answer, a pending upload wait fails
 * at the first non-fatal error when {@code cancelWaitsOnNonFatalError} is set, and keeps waiting until the backend
 * answers again when it is not. Also pause and resume, and {@code reconnect()}.
 */
class SyncWaitsTest {

    private static final String APP_ID = "sync-waits-test";
    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    /** Longer than the App timeout: requests the backend delays by this much time out. */
    private static final Duration SILENCE = Duration.ofSeconds(5);

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FUNCTION_CALL = "/api/client/v2.0/app/{appId}/functions/call";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(
            EMULATOR, APP_ID, builder -> builder.timeout(TIMEOUT).syncDirectory(SyncTest.tempDirectory()));

    private final List<SyncException> errors = new CopyOnWriteArrayList<>();
    private String collection;
    private User user;

    @BeforeEach
    void logIn() {
        collection = "orders-" + UUID.randomUUID();
        user = testApp.get().logIn(Credentials.anonymous(false));
    }

    @AfterEach
    void answerAgain() {
        EMULATOR.admin().clearFaults();
    }

    private SyncedDatabase open(boolean cancelWaits) {
        return SeedScenario.openConnected(testApp.get(), user, collection, cancelWaits, errors);
    }

    private static void silence() {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/**")
                        .method("POST")
                        .delay(SILENCE)
                        .delayOnly());
    }

    @Test
    void withTheFlagAPendingUploadFailsWithinTheTimeoutWhenTheBackendIsSilent() {
        try (SyncedDatabase local = open(true)) {
            silence();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            Duration elapsed = SeedScenario.uploadWaitFails(local.session(), TIMEOUT);
            assertTrue(elapsed.compareTo(TIMEOUT.minusMillis(100)) > 0, "failed after " + elapsed);
            assertFalse(errors.isEmpty(), "the error handler heard of it");
        }
    }

    @Test
    void withoutTheFlagAPendingUploadWaitsAndCompletesWhenTheBackendAnswersAgain() throws Exception {
        try (SyncedDatabase local = open(false)) {
            silence();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            CompletableFuture<Void> upload = SeedScenario.uploadWaitOutlivesErrors(local.session(), errors, TIMEOUT);

            EMULATOR.admin().clearFaults();
            SeedScenario.uploadWaitCompletes(upload, user, collection);
        }
    }

    @Test
    void pauseFailsPendingWaitsAndWaitsStartedWhilePausedWaitForResume() throws Exception {
        try (SyncedDatabase local = open(false)) {
            SyncSession session = local.session();
            silence();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            CompletableFuture<Void> before =
                    session.uploadAllLocalChangesAsync().toCompletableFuture();
            session.pause();
            assertEquals(SyncSession.State.INACTIVE, session.state());
            ExecutionException failed = assertThrows(ExecutionException.class, before::get);
            assertTrue(
                    failed.getCause().getMessage().contains("became inactive"),
                    failed.getCause().getMessage());

            EMULATOR.admin().clearFaults();
            CompletableFuture<Void> whilePaused =
                    session.uploadAllLocalChangesAsync().toCompletableFuture();
            assertFalse(session.uploadAllLocalChanges(Duration.ofMillis(1500)), "nothing is uploaded while paused");
            assertFalse(whilePaused.isDone());
            session.resume();
            whilePaused.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(SyncSession.State.ACTIVE, session.state());
        }
    }

    /** An upload sent before pause() and answered during it does not complete waits started while paused. */
    @Test
    void anAnswerThatArrivesWhilePausedLeavesWaitsStartedWhilePausedForResume() throws Exception {
        try (SyncedDatabase local = open(false)) {
            SyncSession session = local.session();
            EMULATOR.admin()
                    .injectFault(FaultSpec.onPath("/api/client/**")
                            .method("POST")
                            .delay(Duration.ofMillis(600))
                            .delayOnly());
            long calls = EMULATOR.admin().requestCount(APP_ID, "POST", FUNCTION_CALL);
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            await().atMost(WAIT).until(() -> EMULATOR.admin().requestCount(APP_ID, "POST", FUNCTION_CALL) > calls);
            session.pause();
            assertFalse(
                    session.uploadAllLocalChanges(Duration.ofMillis(1500)), "the answer came, the session is paused");
            session.resume();
            assertTrue(session.uploadAllLocalChanges(WAIT));
        }
    }

    @Test
    void connectionListenersFollowTheStreamsAndReconnectSkipsTheBackOff() {
        try (SyncedDatabase local = open(false)) {
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            local.session().addConnectionStateListener((newState, oldState) -> states.add(newState));
            silence();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            await().atMost(WAIT).until(() -> states.contains(ConnectionState.DISCONNECTED));
            // several failures: the back-off has grown past what the rest of this test waits
            await().atMost(WAIT).until(() -> errors.size() >= 3);

            EMULATOR.admin().clearFaults();
            long start = System.nanoTime();
            local.session().reconnect();
            assertTrue(
                    local.session().uploadAllLocalChanges(Duration.ofSeconds(3)),
                    "reconnect() does not wait for the back-off");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
            await().atMost(WAIT).until(() -> local.session().connectionState() == ConnectionState.CONNECTED);
            assertTrue(states.contains(ConnectionState.CONNECTING));
        }
    }

    @Test
    void aStreamTheServerEndsIsFollowedByACatchUpPass() {
        user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection(collection)
                .insertOne(new Document("status", "before"));
        // the first stream ends at once, as the real service ended streams after some minutes
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/functions/call")
                        .method("GET")
                        .times(1)
                        .body(200, "text/event-stream", ": heartbeat\n\n"));
        try (SyncedDatabase local = open(false)) {
            await().atMost(WAIT)
                    .until(() -> errors.stream()
                            .anyMatch(e -> e.getCause() instanceof ChangeStreamEndedException && !e.isFatal()));
            user.mongoClient(MongoTestBackend.SERVICE)
                    .database(MongoTestBackend.DATABASE)
                    .collection(collection)
                    .insertOne(new Document("status", "after"));
            assertTrue(local.session().downloadAllServerChanges(WAIT));
            assertEquals(
                    2, local.collection(MongoTestBackend.DATABASE, collection).count());
        }
    }
}
