package dev.appservices.extension.internal.health;

import dev.appservices.AppServicesConfigException;
import dev.appservices.extension.internal.client.DefaultApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Registers the health checks of an App as synthetic {@code @Readiness} and {@code @Startup} beans, which the
 * server's MicroProfile Health implementation finds like any other check. The Health API is an optional dependency:
 * this class is only loaded after {@link #apiPresent()} said yes, and nothing else refers to the API's types.
 */
public final class HealthChecks {

    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    private HealthChecks() {}

    /**
     * Tells whether the MicroProfile Health API is visible to the extension; this method itself does not need it.
     *
     * @param classLoader the class loader of the extension's classes
     */
    public static boolean apiPresent(ClassLoader classLoader) {
        try {
            Class.forName(HEALTH_API, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Adds the readiness and the startup check of an App.
     *
     * @param event      the container's event
     * @param appId      the App id
     * @param apps       the App of an id, as its bean would have it (opened if needed)
     * @param validation every problem of an App's configuration, read now
     */
    public static void add(
            AfterBeanDiscovery event,
            String appId,
            Function<String, DefaultApp> apps,
            Function<String, List<AppServicesConfigException>> validation) {
        addCheck(
                event,
                "readiness[" + appId + "]",
                Readiness.Literal.INSTANCE,
                () -> new AppReadinessCheck(appId, () -> apps.apply(appId), Clock.systemUTC()));
        addCheck(
                event,
                "startup[" + appId + "]",
                Startup.Literal.INSTANCE,
                () -> new AppStartupCheck(appId, validation));
    }

    private static void addCheck(AfterBeanDiscovery event, String name, Annotation kind, Supplier<HealthCheck> check) {
        event.addBean()
                .beanClass(HealthChecks.class)
                .id(HealthChecks.class.getName() + "#" + name)
                .types(HealthCheck.class, Object.class)
                .qualifiers(kind, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> check.get());
    }
}
