package dev.appservices.extension.internal.metadata;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.appservices.MetadataStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store across processes: a writer killed with SIGKILL in the middle of its writes, and two processes on one
 * store. The other process is a JVM started from this JVM's {@code java.home} with the test class path.
 */
class MetadataStoreProcessTest {

    private static final int KILLS_PER_MODE = 15;
    private static final int CONCURRENT_KILLS_PER_MODE = 5;

    @TempDir
    Path root;

    @Test
    void killedWriterAlwaysLeavesTheOldOrTheNewContent() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (String mode : List.of("plain", "sealed")) {
            Path directory = root.resolve(mode);
            int found = 0;
            for (int kill = 0; kill < KILLS_PER_MODE; kill++) {
                String context = mode + " kill " + kill + " (seed " + seed + ")";
                Child writer = Child.start(directory, mode, "write");
                String ready = writer.awaitLine("ready ");
                assertEquals("ready " + found, ready, context + ": the writer did not find the last content");
                // once it is writing (its first write done), kill it at a random moment of its next writes
                writer.awaitCommitted(found + 1);
                Thread.sleep(random.nextInt(30));
                writer.kill();
                int committed = writer.lastCommitted();
                found = openAndCheck(directory, mode, context);
                // never less than acknowledged; one more when the kill landed after a write's rename but before
                // the child printed its "committed" line
                assertTrue(
                        found == committed || found == committed + 1,
                        context + ": committed " + committed + " but found " + found);
            }
        }
    }

    @Test
    void aConcurrentWriterKilledRightAfterItsUpdateReturnedNeverLosesThatUpdate() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (String mode : List.of("plain", "sealed")) {
            Path directory = root.resolve("concurrent-" + mode);
            for (int kill = 0; kill < CONCURRENT_KILLS_PER_MODE; kill++) {
                String context = mode + " kill " + kill + " (seed " + seed + ")";
                Child writer = Child.start(directory, mode, "write-concurrently");
                writer.awaitLine("ready");
                writer.awaitLine("committed ");
                Thread.sleep(random.nextInt(50));
                writer.kill();
                Map<String, Integer> acknowledged = new HashMap<>();
                for (String line : writer.lines()) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].equals("committed")) {
                        acknowledged.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
                    }
                }
                try (MetadataStore store = MetadataStores.open(
                        MetadataStoreChild.APP_ID,
                        MetadataStoreChild.configuration(directory, mode),
                        event -> fail(context + ": reset"))) {
                    MetadataSnapshot found = store.read();
                    for (Map.Entry<String, Integer> writerAcknowledged : acknowledged.entrySet()) {
                        String id = writerAcknowledged.getKey();
                        StoredUser user = found.user(id)
                                .orElseThrow(() -> new AssertionError(context + ": " + id + " acknowledged generation "
                                        + writerAcknowledged.getValue() + " but is gone"));
                        int generation = user.profile().getInteger("generation");
                        // a writer has at most one update in flight: the one after its last acknowledged
                        assertTrue(
                                generation == writerAcknowledged.getValue()
                                        || generation == writerAcknowledged.getValue() + 1,
                                context + ": " + id + " acknowledged " + writerAcknowledged.getValue() + " but found "
                                        + generation);
                        assertEquals(MetadataStoreChild.writerUser(id, generation), user, context);
                    }
                }
            }
        }
    }

    /** Opens the store and checks that it holds exactly one generation; returns it. */
    private static int openAndCheck(Path directory, String mode, String context) {
        try (MetadataStore store = MetadataStores.open(
                MetadataStoreChild.APP_ID,
                MetadataStoreChild.configuration(directory, mode),
                event -> fail(context + ": reset"))) {
            MetadataSnapshot snapshot = store.read();
            int generation = MetadataStoreChild.generationOf(snapshot);
            if (generation > 0) {
                assertEquals(MetadataStoreChild.generation(generation), snapshot, context);
            }
            return generation;
        }
    }

    @Test
    void aSecondProcessGetsTheLockErrorInsteadOfSharingTheStore() throws Exception {
        Path directory = root.resolve("shared");
        Path storeDirectory = directory.resolve(MetadataStoreChild.APP_ID);
        Child holder = Child.start(directory, "plain", "hold");
        try {
            holder.awaitLine("ready");
            String expected = "APPSVC0301: metadata store " + storeDirectory.toRealPath() + " is in use by another "
                    + "process (it holds the lock on metadata.lock); one store serves one process: give each process "
                    + "its own metadata.directory";
            MetadataStoreException failure = assertThrows(
                    MetadataStoreException.class,
                    () -> MetadataStores.open(
                            MetadataStoreChild.APP_ID,
                            MetadataStoreChild.configuration(directory, "plain"),
                            event -> fail("reset")));
            assertEquals(expected, failure.getMessage());

            Child second = Child.start(directory, "plain", "hold");
            assertEquals("error " + expected, second.awaitLine("error "));
            assertTrue(second.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(3, second.process.exitValue());

            holder.process.getOutputStream().close();
            holder.awaitLine("closed");
            assertTrue(holder.process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            holder.process.destroyForcibly();
        }
        // the lock ends with its process
        openAndCheck(directory, "plain", "after the holder");
    }

    /**
     * A child JVM running {@link MetadataStoreChild}. Its output goes to a file, not a pipe: after a kill the file
     * holds every byte the child wrote, while a pipe's reader races with the JDK, which closes the pipe when it sees
     * the process end (a reader then gets "Stream closed" and misses the last lines).
     */
    private static final class Child {

        private static final AtomicInteger COUNT = new AtomicInteger();

        private final Process process;
        private final Path output;

        private Child(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        static Child start(Path directory, String mode, String action) throws IOException {
            Path output =
                    directory.resolveSibling(directory.getFileName() + "-child-" + COUNT.incrementAndGet() + ".out");
            return new Child(
                    ChildJvm.command(MetadataStoreChild.class, directory.toString(), mode, action)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start(),
                    output);
        }

        /**
         * The lines the child has printed so far. Only whole lines count: a line the kill cut short was not
         * printed, so a cut "committed" line is not an acknowledgement.
         */
        List<String> lines() throws IOException {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            return lines;
        }

        String awaitLine(String prefix) {
            return await("a line starting with '" + prefix + "' from the child")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(
                            () -> lines().stream()
                                    .filter(candidate -> candidate.startsWith(prefix))
                                    .findFirst(),
                            Optional::isPresent)
                    .get();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }

        void awaitCommitted(int generation) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        if (!process.isAlive() && lastCommitted() < generation) {
                            throw new AssertionError("the child died before writing generation " + generation
                                    + "; it printed " + lines());
                        }
                        return lastCommitted() >= generation;
                    });
        }

        /** The last generation the child reported as written, -1 for none. */
        int lastCommitted() throws IOException {
            return lines().stream()
                    .filter(line -> line.matches("committed \\d+"))
                    .mapToInt(line -> Integer.parseInt(line.substring("committed ".length())))
                    .max()
                    .orElse(-1);
        }
    }
}
