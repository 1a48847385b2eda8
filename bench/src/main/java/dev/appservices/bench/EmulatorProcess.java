package dev.appservices.bench;

import dev.appservices.emulator.EmulatorAdmin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The emulator in a JVM of its own, started from this JVM's class path with its main class and a configuration
 * file, listening on a free port of 127.0.0.1 (it binds there by default). {@link #close()} stops it (SIGTERM, then
 * SIGKILL after ten seconds); a shutdown hook does the same if the benchmarks end abruptly.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "dev.appservices.emulator.internal.EmulatorMain";
    private static final String LISTENING = "App Services emulator listening on ";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    /**
     * The JDK HTTP server writes a response's head and body in separate packets and leaves Nagle's algorithm on, so
     * each small response waits for the delayed ACK of the first packet (about 40 ms on Linux): that, not either
     * client, would be measured. Its documented switch turns Nagle's algorithm off.
     */
    static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    private final Process process;
    private final URI baseUrl;
    private final EmulatorAdmin admin;
    private final Thread stopOnExit;

    private EmulatorProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.admin = EmulatorAdmin.connect(baseUrl);
        this.stopOnExit = new Thread(process::destroyForcibly, "bench-emulator-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the emulator of this JVM's class path and waits until it listens.
     *
     * @param config    its configuration file
     * @param heapLimit its {@code -Xmx}, e.g. {@code 512m}
     * @param more      more command-line arguments, e.g. {@code --app DIR}
     */
    static EmulatorProcess start(Path config, String heapLimit, String... more)
            throws IOException, InterruptedException {
        return start(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS), config, heapLimit, more);
    }

    /**
     * Starts the emulator of a runnable jar (another version of it) and waits until it listens.
     *
     * @param jar       the runnable jar
     * @param config    its configuration file
     * @param heapLimit its {@code -Xmx}, e.g. {@code 512m}
     */
    static EmulatorProcess startJar(Path jar, Path config, String heapLimit) throws IOException, InterruptedException {
        return start(List.of("-jar", jar.toString()), config, heapLimit);
    }

    private static EmulatorProcess start(List<String> launch, Path config, String heapLimit, String... more)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ChildJvm.javaExecutable(), "-Xms" + heapLimit, "-Xmx" + heapLimit, NO_DELAY));
        command.addAll(launch);
        command.addAll(List.of("--port", "0", "--config", config.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> awaitListening(output));
        try {
            URI baseUrl = listening.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            Thread drain = new Thread(() -> drain(output), "bench-emulator-output");
            drain.setDaemon(true);
            drain.start();
            return new EmulatorProcess(process, baseUrl);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the emulator did not start: " + e, e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    EmulatorAdmin admin() {
        return admin;
    }

    /** The CPU time the emulator JVM has used so far, in nanoseconds (clock-tick resolution). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private static URI awaitListening(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(LISTENING)) {
                    return URI.create(line.substring(LISTENING.length()).strip());
                }
                System.err.println("emulator: " + line);
            }
            throw new IllegalStateException("the emulator exited before listening");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the emulator prints, so that it never blocks on a full pipe; warnings are shown. */
    private static void drain(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                System.err.println("emulator: " + line);
            }
        } catch (IOException e) {
            // the emulator stopped
        }
    }
}
