package dev.appservices.extension.internal;

import dev.appservices.AppConfiguration;
import dev.appservices.extension.internal.client.ClientMessages;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.config.ExternalConfiguration;
import dev.appservices.extension.internal.mongo.DefaultRemoteMongoClient;
import dev.appservices.extension.internal.sync.DefaultSyncManager;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The App cache (design.md §4): one {@link DefaultApp} per app id per application, an application being the thread
 * context class loader of the thread that asks (in an application server, each application's own loader).
 *
 * <ul>
 * <li>{@link #create(AppConfiguration)} of a cached id returns the cached App; settings that differ from its
 * configuration are ignored with one warning naming them (names only: header values may be credentials), except
 * the base URL, which takes effect ({@link DefaultApp#overrideBaseUrl(URI)}; the location is discovered again).</li>
 * <li>{@link #get(String)} of an unknown id loads the id's configuration from outside the code (MicroProfile
 * Config), else fails with {@code APPSVC0200}.</li>
 * <li>Closing an App removes it; the next request for its id creates a new one.</li>
 * <li>When an application's CDI container stops, the extension closes every App still open in it
 * ({@link #appsOf(ClassLoader)}).</li>
 * </ul>
 *
 * <p>The Apps of each application are kept in a map by class loader, weak so that this class alone does not pin an
 * undeployed application's loader; an application's entry is dropped as soon as it holds no App (its last App closed,
 * or none could be opened), as its external configuration may refer to the loader. Thread-safe: every lookup and
 * change holds one lock, so that an App is never cached in an entry being dropped (creating an App opens its metadata
 * store but makes no request, so the lock is held briefly).
 */
public final class AppRegistry {

    private static final Logger LOG = System.getLogger(AppRegistry.class.getName());

    /** Also the lock of every registry. */
    private static final Map<ClassLoader, AppRegistry> REGISTRIES = new WeakHashMap<>();

    private final ExternalConfiguration external;
    private final Map<String, DefaultApp> apps = new HashMap<>();

    private AppRegistry(ClassLoader classLoader) {
        this.external = ExternalConfiguration.forClassLoader(classLoader);
    }

    /**
     * The App of {@code configuration.id()} in the calling application: the cached one (see the class comment for
     * differing settings), or a new one.
     */
    public static DefaultApp create(AppConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        return in(contextClassLoader(), registry -> registry.createOrReuse(configuration));
    }

    /**
     * The App of {@code id} in the calling application: the cached one, or one created from its external
     * configuration, or from the defaults when nothing is configured.
     */
    public static DefaultApp create(String id) {
        return create(contextClassLoader(), id);
    }

    /**
     * The App of {@code id} in the application of {@code applicationClassLoader}, as {@link #create(String)} in it:
     * the path of CDI beans, which may be created on a thread whose context class loader is another one.
     */
    public static DefaultApp create(ClassLoader applicationClassLoader, String id) {
        String valid = AppConfiguration.checkId(id);
        return in(
                applicationClassLoader,
                registry -> registry.cachedOrOpen(valid, () -> registry.external.loadOrDefaults(valid)));
    }

    /**
     * The App of {@code id} in the calling application: the cached one, or one created from its external
     * configuration.
     *
     * @throws dev.appservices.AppServicesConfigException {@code APPSVC0200} if neither knows the id
     */
    public static DefaultApp get(String id) {
        String valid = AppConfiguration.checkId(id);
        return in(
                contextClassLoader(),
                registry -> registry.cachedOrOpen(
                        valid,
                        () -> registry.external.load(valid).orElseThrow(() -> ClientMessages.unknownApp(valid))));
    }

    /**
     * The open Apps of an application, for closing them when it stops: the Apps of the ids that have no CDI bean are
     * created with {@code App.getApp}/{@code App.create} and nobody else closes them. A copy, as closing an App
     * removes it; the caller closes them without the lock.
     *
     * @param applicationClassLoader the application's class loader, the key of its Apps
     * @return its open Apps, none if it has none
     */
    public static List<DefaultApp> appsOf(ClassLoader applicationClassLoader) {
        synchronized (REGISTRIES) {
            AppRegistry registry = REGISTRIES.get(applicationClassLoader);
            return registry == null ? List.of() : List.copyOf(registry.apps.values());
        }
    }

    /** The calling application's class loader: the thread's context class loader. */
    private static ClassLoader contextClassLoader() {
        return Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(AppRegistry.class.getClassLoader());
    }

    private static DefaultApp in(ClassLoader loader, Function<AppRegistry, DefaultApp> operation) {
        synchronized (REGISTRIES) {
            AppRegistry registry = REGISTRIES.computeIfAbsent(loader, AppRegistry::new);
            try {
                return operation.apply(registry);
            } finally {
                registry.dropIfEmpty();
            }
        }
    }

    private DefaultApp createOrReuse(AppConfiguration configuration) {
        DefaultApp cached = apps.get(configuration.id());
        if (cached == null) {
            return open(configuration);
        }
        List<String> differing = differingSettings(cached.configuration(), configuration);
        if (!differing.isEmpty()) {
            LOG.log(Level.WARNING, ClientMessages.differingSettingsIgnored(configuration.id(), differing));
        }
        configuration.baseUrl().filter(url -> !url.equals(cached.baseUrl())).ifPresent(url -> {
            LOG.log(Level.INFO, ClientMessages.baseUrlChanged(configuration.id(), url));
            cached.overrideBaseUrl(url);
        });
        return cached;
    }

    private DefaultApp cachedOrOpen(String id, Supplier<AppConfiguration> configuration) {
        DefaultApp cached = apps.get(id);
        return cached != null ? cached : open(configuration.get());
    }

    private DefaultApp open(AppConfiguration configuration) {
        DefaultApp app = new DefaultApp(
                configuration, external, this::closed, DefaultRemoteMongoClient::new, DefaultSyncManager::new);
        apps.put(configuration.id(), app);
        return app;
    }

    private void closed(DefaultApp app) {
        synchronized (REGISTRIES) {
            apps.remove(app.id(), app);
            dropIfEmpty();
        }
    }

    /** Called with the lock held. */
    private void dropIfEmpty() {
        if (apps.isEmpty()) {
            // removed by value: the key is the application's class loader, which this object does not hold
            REGISTRIES.values().remove(this);
        }
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
