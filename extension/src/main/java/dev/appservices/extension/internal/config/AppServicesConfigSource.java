package dev.appservices.extension.internal.config;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MicroProfile {@link ConfigSource} that holds the base URLs set at run time with
 * {@code App.updateBaseUrl(url)}: the keys {@code appservices.<id>.base-url}, nothing else. Registered through
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}, so the Config implementation creates it
 * with every {@code Config} it builds for an application.
 * <p>
 * <b>Class loaders.</b> A Config implementation may create several instances (one per {@code Config} it builds, and
 * again when it rebuilds one), and an application server may share this class between applications when the
 * extension is installed as a shared library. So the overrides are not kept per instance but in a map per
 * application class loader, shared by every instance created for that application: an instance belongs to the
 * thread context class loader at its creation, which is the application's while its {@code Config} is built. Writers
 * ({@link MicroProfileConfiguration}) write into the instance that the application's {@code Config} holds, so a value
 * written is always visible through that {@code Config}. The map is weak in its keys: an undeployed application's
 * overrides go with its class loader.
 * <p>
 * As the specification asks of a {@code ConfigSource}, it uses neither CDI nor {@code ConfigProvider}, and it never
 * throws: it only reads a concurrent map. Thread-safe.
 */
public final class AppServicesConfigSource implements ConfigSource {

    /** The name of this source, as shown by {@link #getName()}. */
    public static final String NAME = "appservices-dynamic";

    /**
     * The ordinal of this source: 550, above every source that usually holds a base URL (Open Liberty's
     * {@code server.xml} variables at 500, system properties at 400, environment variables at 300,
     * {@code microprofile-config.properties} at 100), so that a base URL switched at run time wins over the
     * configured one until it is removed again with {@code App.updateBaseUrl(null)}.
     */
    public static final int ORDINAL = 550;

    private static final Map<ClassLoader, Map<String, String>> OVERRIDES_BY_APPLICATION =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, String> overrides;

    /**
     * Creates the source of the application whose thread context class loader is current; called by the Config
     * implementation through {@link java.util.ServiceLoader}.
     */
    public AppServicesConfigSource() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader application = context != null ? context : AppServicesConfigSource.class.getClassLoader();
        // The value map must not refer to its key, or the weak key would never be released.
        this.overrides = OVERRIDES_BY_APPLICATION.computeIfAbsent(application, loader -> new ConcurrentHashMap<>());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(overrides);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(overrides.keySet());
    }

    @Override
    public String getValue(String propertyName) {
        return propertyName == null ? null : overrides.get(propertyName);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /**
     * Sets or removes the runtime base URL of an App.
     *
     * @param appId the App id
     * @param url   the base URL, or {@code null} to remove the override
     */
    void overrideBaseUrl(String appId, URI url) {
        String key = ConfigKeys.key(appId, ConfigKeys.BASE_URL);
        if (url == null) {
            overrides.remove(key);
        } else {
            overrides.put(key, url.toString());
        }
    }

    @Override
    public String toString() {
        return NAME + overrides.keySet();
    }
}
