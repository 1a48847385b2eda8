package dev.appservices.extension.internal.cdi;

import dev.appservices.App;
import dev.appservices.ListenerRegistration;
import dev.appservices.extension.internal.AppRegistry;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.config.SettingsReader;
import dev.appservices.extension.internal.telemetry.Telemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Creates and destroys the {@code @ApplicationScoped} App beans of one CDI container. The bean of id {@code x} is the
 * instance {@code App.getApp("x")} returns: it is taken from the App cache of the deployment's class loader
 * ({@link AppRegistry#create(ClassLoader, String)}, which creates it from the configuration when the cache has none
 * yet), whatever the context class loader of the thread that creates the bean. Each App gets one
 * {@link EventBridge}, also when two beans (the default App and its id) hold the same instance; it also fires the
 * metadata reset that happened when the App was created. Destroying a bean removes the bridge and closes the App. When
 * the container stops, the Apps the application created outside beans ({@code App.getApp} or {@code App.create} of an
 * id without bean) are closed too: nothing else would release their threads, HTTP clients and metadata file locks
 * before a redeployment.
 * <p>
 * Created by the extension when it adds the beans; lives as long as the container. Thread-safe.
 */
public final class AppBeans {

    private static final Logger LOG = System.getLogger(AppBeans.class.getName());

    private final ClassLoader applicationClassLoader;
    private final Map<App, ListenerRegistration> bridges = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * Creates the bean support of one container.
     *
     * @param applicationClassLoader the class loader of the deployment, whose App cache and configuration apply
     */
    public AppBeans(ClassLoader applicationClassLoader) {
        this.applicationClassLoader = applicationClassLoader;
    }

    /**
     * Produces the App of an id.
     *
     * @param appId  the App id
     * @param lookup the container's lookup, given by the bean's {@code produceWith}
     * @return the App, shared with {@code App.getApp(appId)}
     */
    public App produce(String appId, Instance<Object> lookup) {
        // Not AppRegistry.get: that fails for an id that only an injection point names, which is valid (every
        // setting then has its default). create returns the cached instance just the same.
        DefaultApp app = app(appId);
        bridges.computeIfAbsent(app, created -> {
            // MicroProfile Telemetry's OpenTelemetry, configured by the server, rather than the global one
            Telemetry.ofContainer(lookup).ifPresent(app::useTelemetry);
            return bridge(app, lookup.select(BeanManager.class).get());
        });
        return app;
    }

    /**
     * The App of an id in the application, opened if needed: the instance its bean holds.
     *
     * @param appId the App id
     * @return the App
     */
    public DefaultApp app(String appId) {
        return AppRegistry.create(applicationClassLoader, appId);
    }

    private static ListenerRegistration bridge(DefaultApp app, BeanManager beanManager) {
        EventBridge bridge = new EventBridge(beanManager, app.id());
        ListenerRegistration registration = app.addListener(bridge);
        // The store was opened before any bean could observe it: the reset, if any, is fired now.
        app.metadataReset().ifPresent(bridge::metadataReset);
        return registration;
    }

    /**
     * Produces the default App, the one named by {@code appservices.app-id} (read when the bean is created).
     *
     * @param lookup the container's lookup
     * @return the App
     */
    public App produceDefault(Instance<Object> lookup) {
        return produce(new SettingsReader(applicationClassLoader).requireDefaultAppId(), lookup);
    }

    /**
     * Destroys an App bean: stops bridging its events and closes it (a second bean of the same App closes it
     * again, which has no further effect).
     *
     * @param app the App of the bean
     */
    public void dispose(App app) {
        ListenerRegistration bridge = bridges.remove(app);
        if (bridge != null) {
            bridge.close();
        }
        try {
            app.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, CdiMessages.closeFailed(app.id()), e);
        }
    }

    /**
     * Closes every App still open in the application, once the container has destroyed its beans. Never throws: a
     * failure is logged and the other Apps are closed all the same.
     */
    public void closeApplicationApps() {
        for (DefaultApp app : AppRegistry.appsOf(applicationClassLoader)) {
            try {
                app.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, CdiMessages.shutdownCloseFailed(app.id()), e);
            }
        }
    }
}
