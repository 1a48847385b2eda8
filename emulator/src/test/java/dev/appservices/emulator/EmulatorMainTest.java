package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.emulator.internal.EmulatorMain;
import dev.appservices.emulator.internal.messages.UsageException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar's main class, as a child process and in-process. */
class EmulatorMainTest {

    private static final Pattern LISTENING =
            Pattern.compile("App Services emulator listening on (http://127\\.0\\.0\\.1:([0-9]+))");

    @Test
    void childProcessPrintsTheListeningLineAndServes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.appservices.emulator.internal.EmulatorMain",
                        "--port",
                        "0",
                        "--config",
                        Path.of("src/main/resources/demo-apps.json")
                                .toAbsolutePath()
                                .toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher matcher = LISTENING.matcher(String.valueOf(line));
            assertTrue(matcher.matches(), "first line: " + line);
            WireClient client = new WireClient(URI.create(matcher.group(1)));
            assertEquals(
                    200,
                    client.get(WireClient.CLIENT + "/app/sample/location", null).status());
            assertEquals(
                    200,
                    client.get(WireClient.CLIENT + "/app/sample-auto/location", null)
                            .status());
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void inProcessStartServesTheDemoConfigurationByDefault(@TempDir Path dataDir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AppServicesEmulator emulator = EmulatorMain.start(
                new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertEquals(
                    "App Services emulator listening on " + emulator.baseUrl() + System.lineSeparator(),
                    printed.toString(StandardCharsets.UTF_8));
            new WireClient(emulator.baseUrl()).loginAnonymously("sample");
            assertTrue(Files.exists(dataDir.resolve("emulator-data.mv")), "--data-dir is used");
        }
    }

    @Test
    void childProcessExitsWithTheUsageStatusForABadArgument() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.appservices.emulator.internal.EmulatorMain",
                        "--colour",
                        "red"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ends");
        assertEquals(UsageException.EXIT_STATUS, process.exitValue(), output);
        assertTrue(output.startsWith("APPSVC0580: unknown option '--colour'"), output);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        PrintStream ignored = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        for (String[] args : List.of(
                new String[] {"--port"},
                new String[] {"--port", "x"},
                new String[] {"--colour", "red"},
                new String[] {"--port", "70000"},
                new String[] {"--state-database", "bad.name"})) {
            EmulatorException failure = assertThrows(EmulatorException.class, () -> EmulatorMain.start(args, ignored));
            assertTrue(failure.getMessage().startsWith("APPSVC05"), failure.getMessage());
            if (failure.getMessage().startsWith("APPSVC0580")) {
                assertInstanceOf(UsageException.class, failure, failure.getMessage());
            }
        }
    }
}
