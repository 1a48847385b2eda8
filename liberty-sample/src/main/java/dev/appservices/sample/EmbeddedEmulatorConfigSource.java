package dev.appservices.sample;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The embedded default of the sample's backend: while the embedded emulator runs, this source supplies
 * {@code appservices.sample.base-url} = the emulator's URL, and nothing otherwise.
 * <p>
 * Its ordinal, 1, is below every source a user writes to ({@code microprofile-config.properties} at 100, environment
 * variables at 300, system properties at 400, Open Liberty's {@code server.xml} variables at 500, the extension's
 * dynamic source at 550), so any configured base URL wins over it, also one set while the application runs
 * ({@code App.updateBaseUrl}). {@link EmbeddedEmulator} only starts the emulator when no other source configures a base
 * URL at application start.
 * <p>
 * The Config implementation creates instances through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}), possibly several, and the emulator
 * starts later; so the URL is kept in a static field that every instance reads. This class is part of the WAR, so the
 * field belongs to this application alone. Thread-safe; never throws, as a {@code ConfigSource} must not.
 */
public final class EmbeddedEmulatorConfigSource implements ConfigSource {

    /** The name of this source, as shown by {@link #getName()} and in the sample's log. */
    public static final String NAME = "appservices-sample-embedded-emulator";

    /** Below every source a user configures. */
    public static final int ORDINAL = 1;

    private static volatile URI emulatorUrl;

    /** Called by the Config implementation through {@link java.util.ServiceLoader}. */
    public EmbeddedEmulatorConfigSource() {
        // Stateless: every instance reads the shared URL.
    }

    /** Starts supplying the base URL of the embedded emulator, or stops it ({@code null}). */
    static void supply(URI url) {
        emulatorUrl = url;
    }

    @Override
    public Map<String, String> getProperties() {
        URI url = emulatorUrl;
        return url == null ? Map.of() : Map.of(SampleApp.BASE_URL_KEY, url.toString());
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
