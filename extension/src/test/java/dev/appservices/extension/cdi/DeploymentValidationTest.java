package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AppServicesConfigException;
import dev.appservices.AuthEvent;
import dev.appservices.extension.cdi.support.DeploymentProblems;
import dev.appservices.extension.cdi.support.JdkReasons;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every problem the extension finds at deployment, with its exact message: misused qualifiers as definition errors,
 * invalid configuration as deployment problems naming the full key and where the App is used.
 */
class DeploymentValidationTest {

    private static final String ORDERS_USER = DeploymentValidationTest.class.getName() + "$OrdersUser";

    @AfterEach
    void reset() {
        TestConfigSource.reset();
    }

    @Test
    void malformedId() {
        List<Throwable> problems = DeploymentProblems.of(MalformedId.class);

        assertEquals(
                List.of("APPSVC0002: @AppServices(id = \"Orders\") at " + name(MalformedId.class)
                        + ".app is malformed: app ids match [a-z0-9][a-z0-9-]*"),
                messages(problems));
        assertInstanceOf(DefinitionException.class, problems.get(0));
    }

    @Test
    void blankId() {
        assertEquals(
                List.of("APPSVC0001: @AppServices(id = \" \") at " + name(BlankId.class) + ".app has a blank "
                        + "id: write @AppServices for the default App or name an app id"),
                DeploymentProblems.messages(BlankId.class));
    }

    @Test
    void reservedId() {
        assertEquals(
                List.of("APPSVC0003: @AppServices(id = \"defaults\") at " + name(ReservedId.class)
                        + ".init(parameter 2) uses a reserved id: appservices.defaults.* holds the settings shared by every "
                        + "App"),
                DeploymentProblems.messages(ReservedId.class));
    }

    @Test
    void observerWithoutId() {
        assertEquals(
                List.of("APPSVC0004: @AppServices without an id on the observer method "
                        + name(ObserverWithoutId.class)
                        + ".on() would never be notified: events are qualified with the id "
                        + "of their App, so write @AppServices(id = \"...\")"),
                DeploymentProblems.messages(ObserverWithoutId.class));
    }

    @Test
    void everyMisusedQualifierIsReportedAtOnce() {
        List<Throwable> problems = DeploymentProblems.of(ManyMisuses.class);

        String bean = name(ManyMisuses.class);
        List<String> expected = List.of(
                "APPSVC0002: @AppServices(id = \"my_app\") at " + bean + ".app is malformed: "
                        + "app ids match [a-z0-9][a-z0-9-]*",
                "APPSVC0003: @AppServices(id = \"defaults\") at " + bean + ".apps uses a reserved id: "
                        + "appservices.defaults.* holds the settings shared by every App",
                "APPSVC0002: @AppServices(id = \"-x\") on the observer method " + bean + ".on() is malformed: app "
                        + "ids match [a-z0-9][a-z0-9-]*");
        assertEquals(sorted(expected), sorted(messages(problems)));
        problems.forEach(problem -> assertInstanceOf(DefinitionException.class, problem));
    }

    @Test
    void defaultAppWithoutAppId() {
        List<Throwable> problems = DeploymentProblems.of(DefaultUser.class);

        assertEquals(
                List.of("APPSVC0005: invalid configuration of the default App (injected at "
                        + name(DefaultUser.class)
                        + ".app): APPSVC0146: appservices.app-id is not set: it names the App "
                        + "that a bare @AppServices injects"),
                messages(problems));
        assertConfigCause(problems.get(0), "appservices.app-id", null);
    }

    @Test
    void defaultAppWithAMalformedAppId() {
        TestConfigSource.set("appservices.app-id", "My App");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of the default App (injected at "
                        + name(DefaultUser.class)
                        + ".app): APPSVC0130: appservices.app-id = 'My App' is not a valid app id: "
                        + "it must match [a-z0-9][a-z0-9-]* and not be 'defaults'"),
                DeploymentProblems.messages(DefaultUser.class));
    }

    @Test
    void unparsableTimeout() {
        TestConfigSource.set("appservices.orders.timeout", "10 seconds");

        List<Throwable> problems = DeploymentProblems.of(OrdersUser.class);
        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'orders' (injected at " + ORDERS_USER
                        + ".app): APPSVC0133: appservices.orders.timeout = '10 seconds' of App 'orders' is neither a number "
                        + "of milliseconds (60000) nor an ISO-8601 duration (PT60S)"),
                messages(problems));
        assertInstanceOf(DeploymentException.class, problems.get(0));
        assertConfigCause(problems.get(0), "appservices.orders.timeout", "orders");
    }

    @Test
    void malformedBaseUrl() {
        TestConfigSource.set("appservices.orders.base-url", "localhost:9090");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'orders' (injected at " + ORDERS_USER
                        + ".app): APPSVC0132: appservices.orders.base-url of App 'orders' is not a usable base URL: "
                        + "APPSVC0102: base URL 'localhost:9090' is invalid: it must be an absolute http or https URL"),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void unparsableBaseUrl() {
        TestConfigSource.set("appservices.defaults.base-url", "http://[::1");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'orders' (injected at " + ORDERS_USER
                        + ".app): APPSVC0131: appservices.defaults.base-url of App 'orders' is not a URI: "
                        + JdkReasons.notAUri("http://[::1")),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void unknownMetadataMode() {
        TestConfigSource.set("appservices.orders.metadata.mode", "plain");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'orders' (injected at " + ORDERS_USER
                        + ".app): APPSVC0137: appservices.orders.metadata.mode = 'plain' of App 'orders' is not one of "
                        + "no-encryption, encryption, in-memory"),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void encryptionWithoutKeySource() {
        TestConfigSource.set("appservices.defaults.metadata.mode", "encryption");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'orders' (injected at " + ORDERS_USER
                        + ".app): APPSVC0139: appservices.defaults.metadata.mode of App 'orders' is 'encryption' but no key "
                        + "source is configured: set appservices.orders.metadata.key-store.path or "
                        + "appservices.orders.metadata.encryption-key (or their appservices.defaults.* fallbacks)"),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void malformedIdInTheIdList() {
        TestConfigSource.set("appservices.ids", "orders,Billing");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of the Apps listed in appservices.ids: APPSVC0130: "
                        + "appservices.ids = 'Billing' is not a valid app id: it must match [a-z0-9][a-z0-9-]* and not be "
                        + "'defaults'"),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void listedIdsAreValidatedWithoutInjectionPoint() {
        TestConfigSource.set("appservices.ids", "billing");
        TestConfigSource.set("appservices.billing.skip-location", "maybe");

        assertEquals(
                List.of("APPSVC0005: invalid configuration of App 'billing' (listed in appservices.ids): "
                        + "APPSVC0135: appservices.billing.skip-location = 'maybe' of App 'billing' is not a boolean: use "
                        + "true or false"),
                DeploymentProblems.messages(OrdersUser.class));
    }

    @Test
    void everyProblemOfEveryAppIsReportedAtOnceWithEveryInjectionPoint() {
        configureManyProblems();

        String where = "App 'orders' (injected at " + name(ManyUsers.class) + ".<init>(parameter 1); injected at "
                + ORDERS_USER + ".app; injected as default App at " + name(ManyUsers.class)
                + ".setDefault(parameter 1); listed in appservices.ids; named by appservices.app-id)";
        List<String> expected = List.of(
                "APPSVC0005: invalid configuration of App 'billing' (injected at "
                        + name(ManyUsers.class) + ".billing): APPSVC0131: appservices.billing.base-url of App "
                        + "'billing' is not a URI: " + JdkReasons.notAUri("https://"),
                "APPSVC0005: invalid configuration of " + where + ": APPSVC0134: appservices.orders.timeout = '0' of "
                        + "App 'orders' is not a positive duration",
                "APPSVC0005: invalid configuration of " + where + ": APPSVC0137: "
                        + "appservices.orders.metadata.on-invalid = 'ignore' of App 'orders' is not one of fail, "
                        + "reset");
        assertEquals(sorted(expected), sorted(DeploymentProblems.messages(OrdersUser.class, ManyUsers.class)));
    }

    @Test
    void theReportDoesNotDependOnTheOrderInWhichTheContainerMeetsTheBeans() {
        configureManyProblems();

        assertEquals(
                DeploymentProblems.messages(OrdersUser.class, ManyUsers.class),
                DeploymentProblems.messages(ManyUsers.class, OrdersUser.class));
    }

    private static void configureManyProblems() {
        TestConfigSource.set("appservices.app-id", "orders");
        TestConfigSource.set("appservices.ids", "orders");
        TestConfigSource.set("appservices.orders.timeout", "0");
        TestConfigSource.set("appservices.orders.metadata.on-invalid", "ignore");
        TestConfigSource.set("appservices.billing.base-url", "https://");
    }

    private static void assertConfigCause(Throwable problem, String key, String appId) {
        Throwable cause = problem;
        while (cause != null && !(cause instanceof AppServicesConfigException)) {
            cause = cause.getCause();
        }
        AppServicesConfigException configProblem = assertInstanceOf(AppServicesConfigException.class, cause);
        assertEquals(Optional.of(key), configProblem.propertyName());
        assertEquals(Optional.ofNullable(appId), configProblem.appId());
    }

    private static List<String> messages(List<Throwable> problems) {
        return problems.stream().map(Throwable::getMessage).toList();
    }

    /** The problems in a fixed order, for comparing them whatever order the container reports them in. */
    private static List<String> sorted(List<String> messages) {
        return messages.stream().sorted().toList();
    }

    private static String name(Class<?> beanClass) {
        return beanClass.getName();
    }

    @Dependent
    static class MalformedId {
        @Inject
        @AppServices(id = "Orders")
        App app;
    }

    @Dependent
    static class BlankId {
        @Inject
        @AppServices(id = " ")
        App app;
    }

    @Dependent
    static class ReservedId {
        @Inject
        void init(@AppServices(id = "orders") App orders, @AppServices(id = "defaults") App shared) {}
    }

    @Dependent
    static class ObserverWithoutId {
        void on(@Observes @AppServices AuthEvent event) {}
    }

    @Dependent
    static class ManyMisuses {
        @Inject
        @AppServices(id = "my_app")
        App app;

        @Inject
        @AppServices(id = "defaults")
        Instance<App> apps;

        void on(@Observes @AppServices(id = "-x") AuthEvent event) {}
    }

    @Dependent
    static class DefaultUser {
        @Inject
        @AppServices
        App app;
    }

    @Dependent
    static class OrdersUser {
        @Inject
        @AppServices(id = "orders")
        App app;
    }

    @Dependent
    static class ManyUsers {
        @Inject
        @AppServices(id = "billing")
        Provider<App> billing;

        @Inject
        ManyUsers(@AppServices(id = "orders") App orders) {}

        @Inject
        void setDefault(@AppServices App app) {}
    }
}
