package dev.appservices.extension.internal.client.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a client holds in this JVM, counted from outside the client so that a leak cannot hide behind the client's own
 * bookkeeping: the threads it started, and its TCP connections to one server port.
 *
 * <p>Threads: every live thread that did not exist at a baseline, except those of the test's own tools, which are
 * named: the emulator's workers ({@code appservices-emulator-*}) and HTTP server dispatcher ({@code HTTP-Dispatcher}),
 * and the JDK {@code HttpClient} threads of its admin client ({@code HttpClient-*}). Anything else that appeared is
 * the client's.
 *
 * <p>Connections: the kernel's socket tables ({@code /proc/net/tcp} and {@code tcp6}, Linux only) list every socket
 * of the machine. A socket counts when its remote port is the server's and its state still ties a file descriptor to
 * it: connecting, established, or closed by the server but not yet by the client ({@code CLOSE_WAIT}, the state of a
 * leaked connection); sockets in {@code TIME_WAIT} or half-closed by the client hold nothing. The emulator's own
 * accepted sockets have the port as their local port and so never count, but every client of that port in this JVM
 * does, the admin client included: tests compare counts taken while only the admin client is connected.
 */
final class HeldResources {

    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final Set<String> HOLDING_STATES = Set.of("01", "02", "08");
    private static final List<String> TOOL_THREADS = List.of("appservices-emulator-", "HTTP-Dispatcher", "HttpClient-");

    private HeldResources() {
    }

    /** The live threads now. */
    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** The names of the live threads that are not in {@code baseline} and not the test tools' threads. */
    static List<String> threadsStartedSince(Set<Thread> baseline) {
        return liveThreads().stream()
                .filter(thread -> !baseline.contains(thread))
                .map(Thread::getName)
                .filter(name -> TOOL_THREADS.stream().noneMatch(name::startsWith))
                .sorted()
                .toList();
    }

    /** Whether this system shows its socket tables (Linux). */
    static boolean connectionsObservable() {
        return Files.isReadable(TCP_TABLES.get(0));
    }

    /** The sockets of this machine that hold a connection to {@code port} (see the class comment). */
    static int connectionsTo(int port) {
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
                        .filter(fields -> fields.length > 3 && fields[2].endsWith(remotePort)
                                && HOLDING_STATES.contains(fields[3]))
                        .count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return count;
    }

    /**
     * Waits, at most {@code limit}, until {@code count} is at most {@code expected}; threads and sockets end shortly
     * after the call that ends them returns.
     *
     * @return the last count
     */
    static int awaitAtMost(int expected, IntSupplier count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int current = count.getAsInt();
        while (current > expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            current = count.getAsInt();
        }
        return current;
    }
}
