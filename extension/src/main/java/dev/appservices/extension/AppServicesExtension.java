package dev.appservices.extension;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AppServices;
import dev.appservices.AppServicesConfigException;
import dev.appservices.extension.internal.cdi.AppBeans;
import dev.appservices.extension.internal.cdi.CdiMessages;
import dev.appservices.extension.internal.cdi.InjectionPoints;
import dev.appservices.extension.internal.config.SettingsReader;
import dev.appservices.extension.internal.health.HealthChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The portable CDI extension of App Services for Jakarta EE: makes {@code @Inject @AppServices(id = "orders") App}
 * work in any bean, configured through MicroProfile Config.
 *
 * <p>It collects the app ids of the {@code @AppServices} injection points (of type {@link App},
 * {@code Instance<App>} or {@code Provider<App>}) and of the optional key {@code appservices.ids}, and registers one
 * {@code @ApplicationScoped} bean of type {@link App} per id, qualified {@code @AppServices(id)}: the instance that
 * {@link App#getApp(String)} returns, closed when the container shuts down. Every other App still open in the
 * application then (created with {@link App#getApp(String)} or {@code App.create} for an id without bean) is closed
 * too. A bare {@code @AppServices} selects the App named by {@code appservices.app-id}. Authentication events of
 * these Apps are also fired as CDI events qualified {@code @AppServices(id)}, to {@code @Observes} and
 * {@code @ObservesAsync} observers. When the MicroProfile Health API is present, each of these Apps also gets a
 * readiness and a startup check named {@code appservices-<id>} (unless {@code appservices.<id>.health.enabled} is
 * {@code false}).
 *
 * <p>Problems are reported at deployment, all at once: malformed or reserved ids in qualifiers as definition errors,
 * invalid configuration values as deployment problems naming the full configuration key and the injection points.
 *
 * <p>The container finds the extension through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension};
 * applications do not use this class directly. One instance serves one container (deployment); it is not meant to
 * be shared between containers.
 *
 * @since 0.1
 */
@Vetoed
public class AppServicesExtension implements Extension {

    /** How the default App appears among the ids: the id of a bare {@code @AppServices}. */
    private static final String DEFAULT_ID = "";

    /** The readable injection points of each id ({@value #DEFAULT_ID} for the default App), sorted for messages. */
    private final Map<String, Set<String>> injectionPointsById = new TreeMap<>();

    /** Ids whose App bean the application produces itself: the extension adds none for them. */
    private final Set<String> applicationBeanIds = new HashSet<>();

    /** Ids that got a bean, validated at the end of the deployment. */
    private final Set<String> beanIds = new TreeSet<>();

    /**
     * Misused qualifiers, reported together when beans are added: a container may stop at the first error reported
     * while it processes one injection point, and the user should see every misuse at once.
     */
    private final List<DefinitionException> definitionErrors = new ArrayList<>();

    /** The App beans of the container and the Apps of its application; null until the beans are added. */
    private AppBeans appBeans;

    /**
     * Creates the extension; called by the container.
     */
    public AppServicesExtension() {
        // Instantiated by the container through the service loader.
    }

    void collectInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint injectionPoint = event.getInjectionPoint();
        Optional<AppServices> qualifier = appServices(injectionPoint.getQualifiers());
        if (qualifier.isEmpty() || !isApp(injectionPoint.getType())) {
            return;
        }
        String id = qualifier.get().id();
        String where = InjectionPoints.describe(injectionPoint);
        Optional<DefinitionException> error = id.equals(DEFAULT_ID) ? Optional.empty() : checkId(id, where);
        if (error.isPresent()) {
            definitionErrors.add(error.get());
        } else {
            injectionPointsById.computeIfAbsent(id, key -> new TreeSet<>()).add(where);
        }
    }

    void collectApplicationBean(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getBeanClass() != AppServicesExtension.class && bean.getTypes().contains(App.class)) {
            appServices(bean.getQualifiers()).map(AppServices::id).ifPresent(applicationBeanIds::add);
        }
    }

    void checkObserver(@Observes ProcessObserverMethod<?, ?> event) {
        Optional<AppServices> qualifier = appServices(event.getObserverMethod().getObservedQualifiers());
        if (qualifier.isPresent()) {
            String id = qualifier.get().id();
            String where = InjectionPoints.describeObserver(
                    event.getAnnotatedMethod(), event.getObserverMethod().getBeanClass());
            (id.equals(DEFAULT_ID) ? Optional.of(CdiMessages.observerWithoutId(where)) : checkId(id, where))
                    .ifPresent(definitionErrors::add);
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        ClassLoader classLoader = applicationClassLoader();
        AppBeans beans = new AppBeans(classLoader);
        appBeans = beans;
        if (!definitionErrors.isEmpty()) {
            definitionErrors.forEach(event::addDefinitionError);
            return;
        }
        SettingsReader settings = new SettingsReader(classLoader);
        // Configuration problems met here are reported once, with the others, in validate().
        beanIds.addAll(injectionPointsById.keySet());
        beanIds.remove(DEFAULT_ID);
        beanIds.addAll(settings.listedIds(problem -> {}));
        Optional<String> defaultAppId = configuredDefaultAppId(settings);
        defaultAppId.ifPresent(beanIds::add);
        beanIds.removeAll(applicationBeanIds);

        boolean health = HealthChecks.apiPresent(AppServicesExtension.class.getClassLoader());
        for (String id : beanIds) {
            addBean(event, AppServices.Literal.of(id), id, lookup -> beans.produce(id, lookup), beans);
            if (health && settings.healthEnabled(id)) {
                HealthChecks.add(event, id, beans::app, settings::validate);
            }
        }
        boolean defaultWanted = injectionPointsById.containsKey(DEFAULT_ID) || defaultAppId.isPresent();
        if (defaultWanted && !applicationBeanIds.contains(DEFAULT_ID)) {
            addBean(event, AppServices.Literal.DEFAULT, "(default)", beans::produceDefault, beans);
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        SettingsReader settings = new SettingsReader(applicationClassLoader());
        Map<String, List<String>> usages = new TreeMap<>();
        injectionPointsById.forEach((id, places) -> {
            if (!id.equals(DEFAULT_ID)) {
                places.forEach(place -> usage(usages, id, CdiMessages.injected(place)));
            }
        });
        validateDefaultAppId(event, settings, usages);
        settings.listedIds(problem ->
                        event.addDeploymentProblem(CdiMessages.invalidConfiguration(CdiMessages.listedApps(), problem)))
                .forEach(id -> usage(usages, id, CdiMessages.listed()));
        configuredDefaultAppId(settings).ifPresent(id -> usage(usages, id, CdiMessages.namedAsDefault()));

        for (String id : beanIds) {
            String subject = CdiMessages.app(id, usages.getOrDefault(id, List.of()));
            settings.validate(id)
                    .forEach(problem -> event.addDeploymentProblem(CdiMessages.invalidConfiguration(subject, problem)));
        }
        // Nothing of this is needed once the deployment is valid: the beans hold what they use.
        injectionPointsById.clear();
        applicationBeanIds.clear();
        beanIds.clear();
    }

    /**
     * Closes the Apps the application still has open once the container has destroyed the beans (the spec fires
     * BeforeShutdown after destroying the contexts): those of ids without bean, and those of beans never
     * instantiated, which the application got with {@code App.getApp}. Nothing else would close them.
     */
    void closeApplicationApps(@Observes BeforeShutdown event) {
        if (appBeans != null) {
            appBeans.closeApplicationApps();
        }
    }

    /** The default App's id must be configured when it is injected; its injection points count for that id. */
    private void validateDefaultAppId(
            AfterDeploymentValidation event, SettingsReader settings, Map<String, List<String>> usages) {
        // When the application produces the default App itself, appservices.app-id is optional (but still checked).
        boolean injected = injectionPointsById.containsKey(DEFAULT_ID) && !applicationBeanIds.contains(DEFAULT_ID);
        Set<String> places = injected ? injectionPointsById.get(DEFAULT_ID) : Set.of();
        try {
            Optional<String> id = injected ? Optional.of(settings.requireDefaultAppId()) : settings.defaultAppId();
            id.ifPresent(appId -> places.forEach(place -> usage(usages, appId, CdiMessages.injectedAsDefault(place))));
        } catch (AppServicesConfigException problem) {
            event.addDeploymentProblem(CdiMessages.invalidConfiguration(CdiMessages.defaultApp(places), problem));
        }
    }

    private static void usage(Map<String, List<String>> usages, String id, String usage) {
        usages.computeIfAbsent(id, key -> new ArrayList<>()).add(usage);
    }

    private static void addBean(
            AfterBeanDiscovery event,
            AppServices qualifier,
            String name,
            Function<Instance<Object>, App> producer,
            AppBeans beans) {
        event.addBean()
                .beanClass(AppServicesExtension.class)
                .id(AppServicesExtension.class.getName() + "#App[" + name + "]")
                .types(App.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .produceWith(producer)
                .disposeWith((app, lookup) -> beans.dispose(app));
    }

    private static Optional<String> configuredDefaultAppId(SettingsReader settings) {
        try {
            return settings.defaultAppId();
        } catch (AppServicesConfigException e) {
            return Optional.empty();
        }
    }

    private static Optional<DefinitionException> checkId(String id, String where) {
        if (id.isBlank()) {
            return Optional.of(CdiMessages.blankId(id, where));
        }
        if (AppConfiguration.RESERVED_ID.equals(id)) {
            return Optional.of(CdiMessages.reservedId(where));
        }
        return AppConfiguration.isValidId(id) ? Optional.empty() : Optional.of(CdiMessages.malformedId(id, where));
    }

    private static Optional<AppServices> appServices(Set<Annotation> qualifiers) {
        return qualifiers.stream()
                .filter(AppServices.class::isInstance)
                .map(AppServices.class::cast)
                .findFirst();
    }

    /** {@code App}, {@code Instance<App>} or {@code Provider<App>}. */
    private static boolean isApp(Type type) {
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            Type raw = parameterized.getRawType();
            return (raw == Instance.class || raw == Provider.class)
                    && parameterized.getActualTypeArguments()[0] == App.class;
        }
        return type == App.class;
    }

    /** The deployment's class loader: the context class loader while the container boots. */
    private static ClassLoader applicationClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AppServicesExtension.class.getClassLoader();
    }
}
