package dev.appservices.extension.internal.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.sync.SyncedDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client JVM killed with SIGKILL while it writes and uploads: restarted on the same files, nothing it committed is
 * lost and nothing is doubled on the server (replayed uploads are harmless).
 */
class SyncKillTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(SyncChild.APP_ID);

    @TempDir
    Path root;

    @Test
    void aClientKilledWhileUploadingLosesNothingAndDoublesNothing() throws Exception {
        String collection = "numbers-" + UUID.randomUUID();
        Path metadata = root.resolve("metadata");
        Path sync = root.resolve("sync");
        AtomicInteger committed = new AtomicInteger();
        Process child = start(metadata, sync, collection, committed);
        int lastCommitted;
        long uploadedBeforeTheKill;
        try {
            // an App of the same id is one per JVM: the observer's closes before the restarted client's opens
            try (App app = SyncChild.app(EMULATOR.baseUrl(), root.resolve("observer"), root.resolve("observer-sync"))) {
                RemoteMongoCollection<Document> remote = remote(app.logIn(Credentials.anonymous(false)), collection);
                // kill it in the middle: uploads have started and local writes go on
                await().atMost(WAIT).until(() -> remote.count() >= 20 && committed.get() >= 40);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                lastCommitted = committed.get();
                uploadedBeforeTheKill = remote.count();
            }
        } finally {
            child.destroyForcibly();
        }

        try (App restarted = SyncChild.app(EMULATOR.baseUrl(), metadata, sync)) {
            User user = restarted.currentUser().orElseThrow();
            try (SyncedDatabase local = restarted.sync().open(SyncChild.configuration(user, collection))) {
                long kept = local.collection(SyncChild.DATABASE, collection).count();
                assertTrue(kept >= lastCommitted, "committed " + lastCommitted + " but kept " + kept);
                assertTrue(local.session().uploadAllLocalChanges(WAIT));

                List<Document> uploaded = remote(user, collection).find().toList();
                Set<Integer> numbers = new HashSet<>();
                uploaded.forEach(document -> numbers.add(document.getInteger("n")));
                assertEquals(
                        kept,
                        uploaded.size(),
                        "nothing doubled, nothing lost (uploaded before the kill: " + uploadedBeforeTheKill + " of "
                                + lastCommitted + ")");
                assertEquals(uploaded.size(), numbers.size());
            }
        }
    }

    private static RemoteMongoCollection<Document> remote(User user, String collection) {
        return user.mongoClient(MongoTestBackend.SERVICE)
                .database(SyncChild.DATABASE)
                .collection(collection);
    }

    private static Process start(Path metadata, Path sync, String collection, AtomicInteger committed)
            throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classPath,
                        SyncChild.class.getName(),
                        EMULATOR.baseUrl().toString(),
                        metadata.toString(),
                        sync.toString(),
                        collection,
                        "100000")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            if (line.startsWith("committed ")) {
                                committed.set(Integer.parseInt(line.substring("committed ".length())));
                            }
                        }
                    } catch (IOException e) {
                        // the child was killed
                    }
                },
                "sync-child-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
