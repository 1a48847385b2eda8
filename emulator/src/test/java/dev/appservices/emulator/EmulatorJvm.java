package dev.appservices.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar's main class in a JVM of its own, started from the test class path with a configuration file and
 * more arguments, listening on a free port. {@link #kill()} ends it with SIGKILL, as a crashed machine would.
 */
final class EmulatorJvm implements AutoCloseable {

    private static final String LISTENING = "App Services emulator listening on ";

    private final Process process;
    private final URI baseUrl;

    private EmulatorJvm(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static EmulatorJvm start(Path config, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.appservices.emulator.internal.EmulatorMain",
                "--port",
                "0",
                "--config",
                config.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            URI baseUrl =
                    CompletableFuture.supplyAsync(() -> awaitListening(output)).get(60, TimeUnit.SECONDS);
            Thread drain = new Thread(() -> output.lines().forEach(line -> {}), "emulator-jvm-output");
            drain.setDaemon(true);
            drain.start();
            return new EmulatorJvm(process, baseUrl);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** SIGKILL: no shutdown hook runs, requests in flight are cut. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static URI awaitListening(BufferedReader output) {
        try {
            StringBuilder printed = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(LISTENING)) {
                    return URI.create(line.substring(LISTENING.length()).strip());
                }
                printed.append(line).append('\n');
            }
            throw new IllegalStateException("the emulator ended before it listened: " + printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
