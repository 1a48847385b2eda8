package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.spi.AppServicesProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderLookupTest {

    @Test
    void failsWithInstructionsWhenNoImplementationIsPresent() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> App.getApp("orders"));
        assertEquals(
                "APPSVC0290: no App Services implementation on the class path: "
                        + "add dev.appservices:appservices-extension",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> App.create("orders"));
        assertThrows(
                IllegalStateException.class,
                () -> App.create(AppConfiguration.builder("orders").build()));
    }

    @Test
    void checksArgumentsBeforeLookingUp() {
        assertThrows(NullPointerException.class, () -> App.getApp(null));
        assertThrows(NullPointerException.class, () -> App.create((AppConfiguration) null));
    }

    @Test
    void delegatesToTheProviderOfTheContextClassLoader(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + AppServicesProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, RecordingProvider.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        RecordingProvider.CALLS.clear();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            App.getApp("orders");
            App.create("billing");
            App.create(AppConfiguration.builder("stock").build());
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertEquals(List.of("getApp orders", "create billing", "create config stock"), RecordingProvider.CALLS);
        // Nothing was cached: with the original context class loader there is no provider again.
        assertThrows(IllegalStateException.class, () -> App.getApp("orders"));
    }

    @Test
    void reportsABrokenProviderRegistration(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + AppServicesProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "dev.appservices.DoesNotExist\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> App.getApp("orders"));
            assertEquals("APPSVC0291", e.getMessage().substring(0, 10));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Records the calls it receives; loaded through {@link java.util.ServiceLoader}, so it must be public. */
    public static final class RecordingProvider implements AppServicesProvider {

        static final List<String> CALLS = new ArrayList<>();

        @Override
        public App create(AppConfiguration configuration) {
            CALLS.add("create config " + configuration.id());
            return null;
        }

        @Override
        public App create(String id) {
            CALLS.add("create " + id);
            return null;
        }

        @Override
        public App getApp(String id) {
            CALLS.add("getApp " + id);
            return null;
        }
    }
}
