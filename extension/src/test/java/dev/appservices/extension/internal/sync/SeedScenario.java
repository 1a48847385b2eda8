package dev.appservices.extension.internal.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.ConnectionException;
import dev.appservices.User;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.sync.ConnectionState;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The seed's scenario, the same whether the backend is silent (fault injection) or stopped: with
 * {@code cancelWaitsOnNonFatalError} a pending upload wait fails within the App timeout plus a margin; without it the
 * wait goes on through the errors and completes once the backend answers again.
 */
final class SeedScenario {

    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SeedScenario() {}

    /**
     * Opens a synced database of one whole collection whose errors go to {@code errors}, and waits until it is
     * connected.
     */
    static SyncedDatabase openConnected(
            App app, User user, String collection, boolean cancelWaits, List<SyncException> errors) {
        SyncedDatabase local = app.sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", MongoTestBackend.DATABASE, collection, new Document())
                        .cancelWaitsOnNonFatalError(cancelWaits)
                        .errorHandler((session, error) -> errors.add(error))
                        .build());
        await().atMost(WAIT).until(() -> local.session().connectionState() == ConnectionState.CONNECTED);
        return local;
    }

    /**
     * Waits for the local changes of a session whose backend cannot be reached and whose flag is set.
     *
     * @return how long the wait took to fail, at most the timeout plus the margin
     */
    static Duration uploadWaitFails(SyncSession session, Duration timeout) {
        long start = System.nanoTime();
        SyncException error = assertThrows(SyncException.class, session::uploadAllLocalChanges);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(error.isFatal());
        assertInstanceOf(ConnectionException.class, error.getCause(), error.getMessage());
        assertTrue(elapsed.compareTo(timeout.plus(MARGIN)) < 0, "failed after " + elapsed);
        return elapsed;
    }

    /**
     * Starts an upload wait on a session whose backend cannot be reached and whose flag is not set, and checks that it
     * outlives a reported error.
     *
     * @param errors what the session's error handler heard
     * @return the pending wait
     */
    static CompletableFuture<Void> uploadWaitOutlivesErrors(
            SyncSession session, List<SyncException> errors, Duration timeout) {
        CompletableFuture<Void> upload = session.uploadAllLocalChangesAsync().toCompletableFuture();
        await().atMost(WAIT).until(() -> errors.stream().anyMatch(e -> e.getCause() instanceof ConnectionException));
        assertFalse(upload.isDone(), "a non-fatal error does not fail the wait");
        assertFalse(session.uploadAllLocalChanges(timeout), "a limited wait returns false");
        return upload;
    }

    /** Checks that the wait completes, once the backend answers, with the one pending document on the server. */
    static void uploadWaitCompletes(CompletableFuture<Void> upload, User user, String collection) throws Exception {
        upload.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(
                1,
                user.mongoClient(MongoTestBackend.SERVICE)
                        .database(MongoTestBackend.DATABASE)
                        .collection(collection)
                        .count());
    }
}
