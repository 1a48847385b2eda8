package dev.appservices.extension.cdi.support;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The in-memory configuration of the tests: a MicroProfile {@link ConfigSource} registered in the test
 * {@code META-INF/services}, whose values tests set with {@link #set(String, String)}. The values are static because
 * the Config implementation creates the instances itself. It is dynamic: a value set while a test runs is seen at
 * the next lookup, as with any source that changes at run time.
 * <p>
 * Ordinal {@value #ORDINAL}: above system properties (400) and environment variables (300), so the build machine's
 * environment cannot leak into tests, and below {@code appservices-dynamic} (550), whose overrides must win.
 */
public final class TestConfigSource implements ConfigSource {

    /** The ordinal of the test values. */
    public static final int ORDINAL = 450;

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /**
     * Sets a value.
     *
     * @param key   the full key
     * @param value the value
     */
    public static void set(String key, String value) {
        VALUES.put(key, value);
    }

    /**
     * Removes a value.
     *
     * @param key the full key
     */
    public static void remove(String key) {
        VALUES.remove(key);
    }

    /**
     * Removes every value and releases the {@code Config} of the current class loader, so that the next lookup
     * builds a new one: nothing a test configured (nor property names a Config implementation may have cached) is
     * seen by the next test.
     */
    public static void reset() {
        VALUES.clear();
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String propertyName) {
        return propertyName == null ? null : VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "appservices-test";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
