package dev.appservices.extension.internal.client.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;

/**
 * What a client holds in this JVM beyond a baseline, counted from outside the client so that a leak cannot hide
 * behind the client's own bookkeeping: the threads it started, and its TCP connections to one server port.
 *
 * <p>Threads: every live thread that did not exist at the baseline, except those of the test's own tools, which are
 * named: the emulator's workers ({@code appservices-emulator-*}) and HTTP server dispatcher ({@code HTTP-Dispatcher}),
 * and the JDK {@code HttpClient} threads of its admin client ({@code HttpClient-*}). Anything else that appeared is
 * the client's. What the first client of a JVM starts for the JVM's lifetime (RESTEasy's {@code ResourceCleaner}
 * thread) must exist before the baseline: take it after a first client ran.
 *
 * <p>Connections: the kernel's socket tables ({@code /proc/net/tcp} and {@code tcp6}, Linux only) list every socket
 * of the machine. A socket counts when its remote port is the server's and its state still ties a file descriptor to
 * it: connecting, established, or closed by the server but not yet by the client ({@code CLOSE_WAIT}, the state of a
 * leaked connection); sockets in {@code TIME_WAIT} or half-closed by the client hold nothing. The emulator's own
 * accepted sockets have the port as their local port and so never count, but every client of that port in this JVM
 * does, the emulator's admin client included: take the baseline after it connected, and do not use it from several
 * threads at once (one connection suffices it then).
 */
final class HeldResources {

    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final Set<String> HOLDING_STATES = Set.of("01", "02", "08");
    private static final List<String> TOOL_THREADS = List.of("appservices-emulator-", "HTTP-Dispatcher", "HttpClient-");
    private static final Duration RELEASE_LIMIT = Duration.ofSeconds(5);

    private final int port;
    private final int connections;
    private final Set<Thread> threads;

    private HeldResources(int port) {
        this.port = port;
        this.connections = connectionsTo(port);
        this.threads = liveThreads();
    }

    /** Whether this system shows its socket tables (Linux); tests counting connections are skipped elsewhere. */
    static boolean connectionsObservable() {
        return Files.isReadable(TCP_TABLES.get(0));
    }

    /** Counts the threads and the connections to {@code port} now. */
    static HeldResources baseline(int port) {
        return new HeldResources(port);
    }

    /** The connections to the port opened since the baseline and still held. */
    int connectionsAdded() {
        return connectionsTo(port) - connections;
    }

    /** The names of the threads started since the baseline and still alive, the test tools' left out. */
    List<String> threadsAdded() {
        return liveThreads().stream()
                .filter(thread -> !threads.contains(thread))
                .map(Thread::getName)
                .filter(name -> TOOL_THREADS.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    /**
     * Asserts that every thread and connection added since the baseline is gone, waiting a few seconds for them:
     * threads and sockets end shortly after the call that ends them returns.
     */
    void assertAllReleased() {
        release()
                .untilAsserted(() -> assertEquals(0, connectionsAdded(), "connections to port " + port + " left open"));
        release().untilAsserted(() -> assertEquals(List.of(), threadsAdded(), "threads left running"));
    }

    /** Polls in the caller's thread: Awaitility's own polling thread would count as a thread left running. */
    private static ConditionFactory release() {
        return await().atMost(RELEASE_LIMIT).pollInterval(Duration.ofMillis(20)).pollInSameThread();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static int connectionsTo(int port) {
        String remotePort = String.format(":%04X", port);
        int count = 0;
        for (Path table : TCP_TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(table)) {
                count += (int) lines.skip(1)
                        .map(String::trim)
                        .map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length > 3
                                && fields[2].endsWith(remotePort)
                                && HOLDING_STATES.contains(fields[3]))
                        .count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }
}
