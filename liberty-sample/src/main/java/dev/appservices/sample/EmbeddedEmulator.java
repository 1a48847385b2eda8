package dev.appservices.sample;

import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded default backend. When the application starts and no base URL is configured for App {@code sample}
 * ({@code appservices.sample.base-url} or {@code appservices.defaults.base-url} in any config source), it starts the
 * App Services emulator in this JVM, with the emulator's demo configuration, on a free port of 127.0.0.1, and
 * {@link EmbeddedEmulatorConfigSource} supplies the emulator's URL as the App's base URL. When the application
 * stops, the emulator stops.
 * <p>
 * The emulator keeps its state (users, sessions, API keys, its token signing secrets) in
 * {@code sample.embedded-emulator.data-directory} when that is set, so the sessions kept in the encrypted metadata
 * store stay valid across server restarts; its port changes at every start, which the App follows because it reads
 * the base URL at every use.
 * <p>
 * Application-scoped: one per application, started by the CDI {@link Startup} event. Thread-safe once started.
 */
@ApplicationScoped
public class EmbeddedEmulator {

    private static final Logger LOG = System.getLogger(EmbeddedEmulator.class.getName());

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "sample.embedded-emulator.data-directory")
    Optional<String> dataDirectory;

    private volatile AppServicesEmulator emulator;

    void start(@Observes Startup event) {
        Optional<ConfigValue> configured = configuredBaseUrl();
        if (configured.isPresent()) {
            LOG.log(
                    Level.INFO,
                    SampleMessages.configuredBackend(
                            configured.get().getName(), configured.get().getSourceName()));
            return;
        }
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder()
                .host(AppServicesEmulator.DEFAULT_HOST)
                .port(0)
                .configResource(AppServicesEmulator.DEMO_CONFIG_RESOURCE);
        Optional<Path> stateDirectory = dataDirectory.map(Path::of);
        stateDirectory.ifPresent(builder::dataDirectory);
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            throw SampleMessages.emulatorFailedToStart(e);
        }
        EmbeddedEmulatorConfigSource.supply(emulator.baseUrl());
        LOG.log(Level.INFO, SampleMessages.emulatorStarted(emulator.baseUrl(), stateDirectory));
    }

    /**
     * The admin API of the embedded emulator, which knows the confirmation tokens of the emails it does not send, if
     * the emulator is the backend at a base URL.
     *
     * @param baseUrl the base URL the App uses now
     * @return the admin API, or empty when the App uses a configured backend (or was switched to one at run time)
     */
    Optional<EmulatorAdmin> adminServing(URI baseUrl) {
        AppServicesEmulator running = emulator;
        return running != null && running.baseUrl().equals(baseUrl) ? Optional.of(running.admin()) : Optional.empty();
    }

    @PreDestroy
    void stop() {
        AppServicesEmulator running = emulator;
        if (running != null) {
            emulator = null;
            EmbeddedEmulatorConfigSource.supply(null);
            running.close();
            LOG.log(Level.INFO, SampleMessages.emulatorStopped(running.baseUrl()));
        }
    }

    /** A base URL of App {@code sample} that some config source other than the embedded default supplies. */
    private Optional<ConfigValue> configuredBaseUrl() {
        return List.of(SampleApp.BASE_URL_KEY, SampleApp.DEFAULT_BASE_URL_KEY).stream()
                .map(config::getConfigValue)
                .filter(value -> value.getValue() != null && !value.getValue().isBlank())
                .filter(value -> !EmbeddedEmulatorConfigSource.NAME.equals(value.getSourceName()))
                .findFirst();
    }
}
