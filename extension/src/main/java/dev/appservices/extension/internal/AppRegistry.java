package dev.appservices.extension.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;

import dev.appservices.AppConfiguration;
import dev.appservices.extension.internal.client.ClientMessages;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.config.ExternalConfiguration;

/**
 * The App cache of one application (design.md §4): one {@link DefaultApp} per app id per application class loader,
 * the thread context class loader of the thread that first asks (in an application server, each application's own).
 *
 * <ul>
 * <li>{@link #create(AppConfiguration)} of a cached id returns the cached App; settings that differ from its
 * configuration are ignored with one warning naming them (names only: header values may be credentials), except
 * the base URL, which takes effect ({@link DefaultApp#overrideBaseUrl(URI)}; the location is discovered again).</li>
 * <li>{@link #get(String)} of an unknown id loads the id's configuration from outside the code (MicroProfile
 * Config), else fails with {@code APPSVC0200}.</li>
 * <li>Closing an App removes it; the next request for its id creates a new one.</li>
 * </ul>
 *
 * <p>The registries are kept in a weak map by class loader, so an undeployed application's loader is not pinned by
 * this class; the registry of a loader is dropped when its last App closes. Thread-safe: all changes of one registry
 * are serialised (creating an App opens its metadata store but makes no request).
 */
public final class AppRegistry {

    private static final Logger LOG = System.getLogger(AppRegistry.class.getName());
    private static final Map<ClassLoader, AppRegistry> REGISTRIES = new WeakHashMap<>();

    private final ExternalConfiguration external;
    private final Map<String, DefaultApp> apps = new HashMap<>();

    private AppRegistry(ClassLoader classLoader) {
        this.external = ExternalConfiguration.forClassLoader(classLoader);
    }

    /** The registry of the calling thread's application (its context class loader). */
    public static AppRegistry current() {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(AppRegistry.class.getClassLoader());
        synchronized (REGISTRIES) {
            return REGISTRIES.computeIfAbsent(loader, AppRegistry::new);
        }
    }

    /**
     * The App of {@code configuration.id()}: the cached one (see the class comment for differing settings), or a
     * new one.
     */
    public synchronized DefaultApp create(AppConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        DefaultApp cached = apps.get(configuration.id());
        if (cached == null) {
            return open(configuration);
        }
        List<String> differing = differingSettings(cached.configuration(), configuration);
        if (!differing.isEmpty()) {
            LOG.log(Level.WARNING, ClientMessages.differingSettingsIgnored(configuration.id(), differing));
        }
        configuration.baseUrl()
                .filter(url -> !url.equals(cached.baseUrl()))
                .ifPresent(url -> {
                    LOG.log(Level.INFO, ClientMessages.baseUrlChanged(configuration.id(), url));
                    cached.overrideBaseUrl(url);
                });
        return cached;
    }

    /**
     * The App of {@code id}: the cached one, or one created from its external configuration, or from the defaults
     * when nothing is configured.
     */
    public synchronized DefaultApp create(String id) {
        DefaultApp cached = apps.get(validId(id));
        return cached != null ? cached : open(external.loadOrDefaults(id));
    }

    /**
     * The App of {@code id}: the cached one, or one created from its external configuration.
     *
     * @throws dev.appservices.AppServicesConfigException {@code APPSVC0200} if neither knows the id
     */
    public synchronized DefaultApp get(String id) {
        DefaultApp cached = apps.get(validId(id));
        if (cached != null) {
            return cached;
        }
        return open(external.load(id).orElseThrow(() -> ClientMessages.unknownApp(id)));
    }

    private DefaultApp open(AppConfiguration configuration) {
        DefaultApp app = new DefaultApp(configuration, external, this::closed);
        apps.put(configuration.id(), app);
        return app;
    }

    private synchronized void closed(DefaultApp app) {
        apps.remove(app.id(), app);
        if (apps.isEmpty()) {
            synchronized (REGISTRIES) {
                // by value: a registry keeps no reference to its loader, which would pin the weak key
                REGISTRIES.values().remove(this);
            }
        }
    }

    /** Validates an id with the API's own rule and messages. */
    private static String validId(String id) {
        return AppConfiguration.builder(id).build().id();
    }

    /** The names of the settings other than id and base URL in which two configurations differ. */
    static List<String> differingSettings(AppConfiguration cached, AppConfiguration requested) {
        List<String> names = new ArrayList<>();
        if (!cached.timeout().equals(requested.timeout())) {
            names.add("timeout");
        }
        if (!cached.metadata().equals(requested.metadata())) {
            names.add("metadata");
        }
        if (!cached.appName().equals(requested.appName())) {
            names.add("appName");
        }
        if (!cached.appVersion().equals(requested.appVersion())) {
            names.add("appVersion");
        }
        if (cached.skipLocation() != requested.skipLocation()) {
            names.add("skipLocation");
        }
        if (!cached.headers().equals(requested.headers())) {
            names.add("headers");
        }
        if (!cached.authorizationHeaderName().equals(requested.authorizationHeaderName())) {
            names.add("authorizationHeaderName");
        }
        return names;
    }
}
