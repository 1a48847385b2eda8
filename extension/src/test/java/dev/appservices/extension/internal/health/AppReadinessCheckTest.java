package dev.appservices.extension.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AppConfiguration;
import dev.appservices.MetadataConfiguration;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.extension.internal.AppRegistry;
import dev.appservices.extension.internal.client.DefaultApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness check against a real emulator that stops and starts again on the same port: DOWN with the reason
 * while it is away, UP once it is back; an outcome is answered again for {@link AppReadinessCheck#CACHED} without a
 * request; a metadata store that cannot be written makes the App not ready.
 */
class AppReadinessCheckTest {

    private static final String APP_ID = "health-app";

    private final MutableClock clock = new MutableClock();
    private AppServicesEmulator emulator = start(0);
    private DefaultApp app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
        emulator.close();
    }

    @Test
    void downWhileTheBackendIsAwayAndUpWhenItIsBack(@TempDir Path directory) {
        app = open(directory);
        AppReadinessCheck check = new AppReadinessCheck(APP_ID, () -> app, clock);
        assertEquals(Status.UP, check.call().getStatus());
        int port = emulator.port();

        emulator.close();
        assertEquals(Status.UP, check.call().getStatus(), "the outcome is kept for a few seconds");
        clock.advance(AppReadinessCheck.CACHED.getSeconds());
        HealthCheckResponse down = check.call();
        assertEquals(Status.DOWN, down.getStatus());
        String reason = (String) down.getData().orElseThrow().get("reason");
        assertTrue(reason.startsWith("APPSVC0") && reason.contains("127.0.0.1:" + port), reason);

        emulator = start(port);
        assertEquals(Status.DOWN, check.call().getStatus(), "the outcome is kept for a few seconds");
        clock.advance(AppReadinessCheck.CACHED.getSeconds());
        assertEquals(Status.UP, check.call().getStatus());
    }

    @Test
    void cachedOutcomesMakeNoRequest(@TempDir Path directory) {
        app = open(directory);
        AppReadinessCheck check = new AppReadinessCheck(APP_ID, () -> app, clock);
        check.call();
        emulator.admin().resetCounters();

        for (int i = 0; i < 10; i++) {
            check.call();
        }
        assertEquals(
                0,
                emulator.admin().requestCounts().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        clock.advance(AppReadinessCheck.CACHED.getSeconds());
        check.call();
        assertEquals(1, emulator.admin().requestCount("GET", "/api/client/v2.0/app/{appId}/location"));
    }

    @Test
    void aMetadataStoreThatCannotBeWrittenMakesTheAppNotReady(@TempDir Path directory) throws IOException {
        app = open(directory);
        AppReadinessCheck check = new AppReadinessCheck(APP_ID, () -> app, clock);
        assertEquals(Status.UP, check.call().getStatus());

        deleteRecursively(directory.resolve(APP_ID));
        clock.advance(AppReadinessCheck.CACHED.getSeconds());

        HealthCheckResponse down = check.call();
        assertEquals(Status.DOWN, down.getStatus());
        String reason = (String) down.getData().orElseThrow().get("reason");
        assertTrue(reason.startsWith("APPSVC03") && reason.contains(APP_ID), reason);
    }

    private DefaultApp open(Path directory) {
        return AppRegistry.create(AppConfiguration.builder(APP_ID)
                .baseUrl(emulator.baseUrl())
                .metadata(MetadataConfiguration.builder().directory(directory).build())
                .build());
    }

    private static AppServicesEmulator start(int port) {
        return AppServicesEmulator.builder()
                .host("127.0.0.1")
                .port(port)
                .app(AppDefinition.builder(APP_ID).anonymousAuth().build())
                .start();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
