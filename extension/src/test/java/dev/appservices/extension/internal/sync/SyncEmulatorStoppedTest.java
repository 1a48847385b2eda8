package dev.appservices.extension.internal.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.extension.internal.client.TestBackend;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's scenario with the backend stopped rather than silent: App timeout one second, the emulator closed while
 * an upload is pending. With {@code cancelWaitsOnNonFatalError} the wait fails within the timeout plus a margin;
 * without it the wait completes once an emulator with the same data directory answers again on the same port.
 */
class SyncEmulatorStoppedTest {

    private static final String APP_ID = "sync-stopped-test";
    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path emulatorData;

    @TempDir
    Path syncDirectory;

    private AppServicesEmulator emulator;
    private App app;
    private User user;
    private String collection;
    private final List<SyncException> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = start(0);
        app = App.create(TestBackend.configuration(APP_ID, emulator.baseUrl())
                .timeout(TIMEOUT)
                .syncDirectory(syncDirectory)
                .build());
        user = app.logIn(Credentials.anonymous(false));
        collection = "orders-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        app.close();
        emulator.close();
    }

    /** An emulator on {@code port} (0: any free one) whose users, sessions and data live in the test's directory. */
    private AppServicesEmulator start(int port) {
        return AppServicesEmulator.builder()
                .host("127.0.0.1")
                .port(port)
                .dataDirectory(emulatorData)
                .watchHeartbeat(MongoTestBackend.HEARTBEAT)
                .app(MongoTestBackend.app(APP_ID))
                .start();
    }

    private SyncedDatabase open(boolean cancelWaits) {
        return SeedScenario.openConnected(app, user, collection, cancelWaits, errors);
    }

    @Test
    void withTheFlagAPendingUploadFailsWithinTheTimeoutWhenTheEmulatorIsStopped() {
        try (SyncedDatabase local = open(true)) {
            // paused, the session does not see the streams end: its first error is the refused reconnection
            local.session().pause();
            emulator.close();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            local.session().resume();
            SeedScenario.uploadWaitFails(local.session(), TIMEOUT);
            assertFalse(local.session().uploadAllLocalChanges(Duration.ofMillis(200)), "the change is still pending");
        }
    }

    @Test
    void withoutTheFlagAPendingUploadCompletesWhenTheEmulatorIsBack() throws Exception {
        try (SyncedDatabase local = open(false)) {
            int port = emulator.port();
            emulator.close();
            local.collection(MongoTestBackend.DATABASE, collection).insertOne(new Document("status", "open"));
            CompletableFuture<Void> upload = SeedScenario.uploadWaitOutlivesErrors(local.session(), errors, TIMEOUT);

            emulator = start(port);
            SeedScenario.uploadWaitCompletes(upload, user, collection);
        }
    }
}
