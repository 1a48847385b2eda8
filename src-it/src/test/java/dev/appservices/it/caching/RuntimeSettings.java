package dev.appservices.it.caching;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A ConfigSource of the application whose values the test changes while the application runs, as an operator's
 * configuration service would. Its ordinal (450) puts it above the deployment's properties and below the
 * extension's {@code appservices-dynamic} source. The values are static: the Config implementation may create
 * several instances.
 */
public class RuntimeSettings implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /**
     * Sets a value, visible through MicroProfile Config at once.
     *
     * @param key   the property name
     * @param value its value
     */
    static void set(String key, String value) {
        VALUES.put(key, value);
    }

    /** Removes every value. */
    static void clear() {
        VALUES.clear();
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
        return "caching-it-runtime-settings";
    }

    @Override
    public int getOrdinal() {
        return 450;
    }
}
