package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.APP_ID;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.durableContent;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.MetadataStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit of the file store: concurrent updates share writes, and each one returns only when the file on disk
 * holds it.
 */
class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int UPDATES_PER_THREAD = 25;

    @TempDir
    Path root;

    @Test
    void concurrentUpdatesShareWritesAndEachReturnsWhenTheFileHoldsIt() throws Exception {
        Path directory = root.resolve(APP_ID);
        Path file = directory.resolve("metadata.json");
        try (FileMetadataStore store = open(directory)) {
            List<Future<Void>> writers = runConcurrently(thread -> {
                for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                    StoredUser user = generation(thread, i);
                    store.update(current -> current.withUser(user));
                    // the change is in the file when update returns, not only in memory
                    Optional<StoredUser> onDisk = new PlainCodec()
                            .decode(durableContent(file), StoredItem.file(file))
                            .user(user.id());
                    assertTrue(
                            onDisk.isPresent() && generationOf(onDisk.get()) >= i,
                            user.id() + " generation " + i + " returned before it was written: " + onDisk);
                }
                return null;
            });
            for (Future<Void> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            int updates = THREADS * UPDATES_PER_THREAD;
            long writes = store.writes();
            assertTrue(writes < updates, writes + " writes for " + updates + " concurrent updates");
        }
        try (FileMetadataStore store = open(directory)) {
            for (int thread = 0; thread < THREADS; thread++) {
                assertEquals(
                        Optional.of(generation(thread, UPDATES_PER_THREAD - 1)),
                        store.read().user("user-" + thread));
            }
        }
    }

    @Test
    void aFailedGroupWriteFailsEveryChangeItCarriedAndKeepsTheContent() throws Exception {
        Path directory = root.resolve(APP_ID);
        try (FileMetadataStore store = open(directory)) {
            store.update(current -> current.withUser(loggedIn("ana")).withCurrentUser("ana"));
        }
        try (FileMetadataStore store = open(directory)) {
            MetadataSnapshot before = store.read();
            // non-empty directories where the journal and the temporary file must go make every write fail, even
            // for root
            List<Path> obstacles =
                    List.of(directory.resolve("metadata.json.journal"), directory.resolve("metadata.json.tmp"));
            for (Path obstacle : obstacles) {
                Files.createDirectories(obstacle.resolve("blocker"));
            }

            List<Future<Void>> writers = runConcurrently(thread -> {
                StoredUser user = generation(thread, 0);
                store.update(current -> current.withUser(user));
                return null;
            });
            for (Future<Void> writer : writers) {
                Throwable failure = assertFailed(writer);
                assertTrue(
                        failure instanceof MetadataStoreException
                                && failure.getMessage().startsWith("APPSVC0304: metadata file "),
                        String.valueOf(failure));
            }
            assertEquals(before, store.read());

            for (Path obstacle : obstacles) {
                Files.delete(obstacle.resolve("blocker"));
                Files.delete(obstacle);
            }
            store.update(current -> current.withUser(generation(0, 1)));
            assertEquals(before.withUser(generation(0, 1)), store.read());
        }
        try (FileMetadataStore store = open(directory)) {
            assertEquals(
                    List.of("ana", "user-0"),
                    store.read().users().stream().map(StoredUser::id).toList());
        }
    }

    private static Throwable assertFailed(Future<Void> writer) throws InterruptedException {
        try {
            writer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("a writer hangs", e);
        }
        throw new AssertionError("a write into a blocked directory succeeded");
    }

    private static FileMetadataStore open(Path directory) {
        return FileMetadataStore.open(APP_ID, directory, new PlainCodec(), InvalidMetadataPolicy.FAIL, event -> {});
    }

    /** The user of one thread at one generation. */
    private static StoredUser generation(int thread, int generation) {
        StoredUser user = loggedIn("user-" + thread);
        return user.withProfile(user.profile().append("generation", generation), user.identities());
    }

    private static int generationOf(StoredUser user) {
        return user.profile().getInteger("generation");
    }

    /** Starts {@value #THREADS} tasks that begin at the same moment; each gets its thread number. */
    private static List<Future<Void>> runConcurrently(ThreadTask task) {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> futures = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int number = thread;
            futures.add(executor.submit((Callable<Void>) () -> {
                start.await();
                return task.run(number);
            }));
        }
        start.countDown();
        executor.shutdown();
        return futures;
    }

    @FunctionalInterface
    private interface ThreadTask {
        Void run(int thread) throws IOException;
    }
}
