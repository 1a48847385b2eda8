package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An embedded emulator turns off Nagle's algorithm of the JDK HTTP server by itself: in a JVM started without
 * {@code -Dsun.net.httpserver.nodelay}, the property is set once the first emulator listens (the JDK server reads it
 * when its first server is created). The test JVM sets the property itself, so a child JVM runs the probe.
 */
class NoDelayTest {

    private static final String PROPERTY = "sun.net.httpserver.nodelay";

    @Test
    void anEmbeddedEmulatorSetsTheNoDelayPropertyBeforeItsServerStarts() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe ends");
        assertEquals("before: null, after: true, served: 200", output.strip());
    }

    /** Starts an embedded emulator and prints the property before and after, and one request's status. */
    public static final class Probe {

        private Probe() {}

        public static void main(String[] args) {
            String before = System.getProperty(PROPERTY);
            try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                    .app(AppDefinition.builder("probe").anonymousAuth().build())
                    .start()) {
                URI baseUrl = emulator.baseUrl();
                int status = new WireClient(baseUrl)
                        .get(WireClient.CLIENT + "/app/probe/location", null)
                        .status();
                System.out.println(
                        "before: " + before + ", after: " + System.getProperty(PROPERTY) + ", served: " + status);
            }
        }
    }
}
