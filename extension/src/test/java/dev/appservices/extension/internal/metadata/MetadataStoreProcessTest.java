package dev.appservices.extension.internal.metadata;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.appservices.MetadataStoreException;

/**
 * The store across processes: a writer killed with SIGKILL in the middle of its writes, and two processes on one
 * store. The other process is a JVM started from this JVM's {@code java.home} with the test class path.
 */
class MetadataStoreProcessTest {

    private static final int KILLS_PER_MODE = 15;

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
                // the kill may land after a write's rename but before the child printed "committed"
                assertTrue(found == committed || found == committed + 1,
                        context + ": committed " + committed + " but found " + found);
            }
        }
    }

    /** Opens the store and checks that it holds exactly one generation; returns it. */
    private static int openAndCheck(Path directory, String mode, String context) {
        try (MetadataStore store = MetadataStores.open(MetadataStoreChild.APP_ID,
                MetadataStoreChild.configuration(directory, mode), event -> fail(context + ": reset"))) {
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
            MetadataStoreException failure = assertThrows(MetadataStoreException.class,
                    () -> MetadataStores.open(MetadataStoreChild.APP_ID,
                            MetadataStoreChild.configuration(directory, "plain"), event -> fail("reset")));
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

    /** A child JVM running {@link MetadataStoreChild}, with its output read line by line. */
    private static final class Child {

        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> other = new ArrayList<>();
        private final Thread reader;
        private volatile int lastCommitted = -1;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path directory, String mode, String action) throws IOException {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return new Child(new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xshare:auto", "-cp", classPath, MetadataStoreChild.class.getName(), directory.toString(), mode,
                    action).redirectErrorStream(true).start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("committed ")) {
                        lastCommitted = Integer.parseInt(line.substring("committed ".length()));
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                lines.add("output failed: " + e);
            }
        }

        String awaitLine(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line != null) {
                    other.add(line);
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' from the child; it printed " + other);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }

        void awaitCommitted(int generation) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the child died before writing generation " + generation
                            + "; it printed " + lines);
                }
                return lastCommitted >= generation;
            });
        }

        /** The last generation the child reported as written. */
        int lastCommitted() {
            return lastCommitted;
        }
    }
}
