package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.PassivationCapable;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injection of Apps by id, the default App, programmatic lookups, and the identity with {@code App.getApp}. */
@AppServicesTest
class AppInjectionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = Emulators.withAnonymousApps("orders", "billing", "stock");

    @Inject
    @AppServices(id = "orders")
    App orders;

    @Inject
    @AppServices(id = "billing")
    App billing;

    @Inject
    @AppServices
    App defaultApp;

    @Inject
    @AppServices(id = "shipping")
    Instance<App> shipping;

    @Inject
    BeanManager beanManager;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.defaults.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.defaults.metadata.mode", "in-memory");
        TestConfigSource.set("appservices.defaults.timeout", "PT7S");
        TestConfigSource.set("appservices.billing.timeout", "2500");
        TestConfigSource.set("appservices.app-id", "orders");
        TestConfigSource.set("appservices.ids", "stock");
    }

    @Test
    void eachIdHasItsOwnAppWhichIsTheAppOfTheAppCache() {
        assertEquals("orders", orders.id());
        assertEquals("billing", billing.id());

        assertSame(App.getApp("orders"), instanceOf(AppServices.Literal.of("orders")));
        assertSame(App.getApp("billing"), instanceOf(AppServices.Literal.of("billing")));
        assertNotSame(instanceOf(AppServices.Literal.of("orders")), instanceOf(AppServices.Literal.of("billing")));
    }

    @Test
    void injectedAndLookedUpAppsShareTheirUsers() {
        User user = orders.logIn(Credentials.anonymous());

        assertEquals(user.id(), App.getApp("orders").currentUser().orElseThrow().id());
        assertEquals(user.id(), App.create("orders").currentUser().orElseThrow().id());
    }

    @Test
    void theDefaultAppIsTheAppNamedByAppId() {
        assertEquals("orders", defaultApp.id());
        assertSame(App.getApp("orders"), instanceOf(AppServices.Literal.DEFAULT));
    }

    @Test
    void settingsComeFromTheAppsKeysElseFromTheDefaults() {
        assertEquals(Duration.ofMillis(2500), billing.configuration().timeout());
        assertEquals(Duration.ofSeconds(7), orders.configuration().timeout());
        // an id that only an injection point names has no keys of its own: the defaults apply
        assertEquals(Duration.ofSeconds(7), shipping.get().configuration().timeout());
        assertEquals(EMULATOR.baseUrl(), orders.baseUrl());
    }

    @Test
    void listedIdsCanBeLookedUpProgrammatically() {
        App stock =
                CDI.current().select(App.class, AppServices.Literal.of("stock")).get();

        assertEquals("stock", stock.id());
        assertEquals("stock", stock.logIn(Credentials.anonymous()).app().id());
        assertTrue(CDI.current()
                .select(App.class, AppServices.Literal.of("unknown"))
                .isUnsatisfied());
    }

    @Test
    void instanceAndProviderInjectionPointsRegisterTheirId() {
        assertEquals("shipping", shipping.get().id());
    }

    @Test
    void theBeansAreApplicationScopedSyntheticBeansOfTypeApp() {
        Bean<?> bean = bean(AppServices.Literal.of("orders"));

        assertEquals(Set.of(App.class, Object.class), bean.getTypes());
        assertEquals(Set.of(AppServices.Literal.of("orders"), Any.Literal.INSTANCE), bean.getQualifiers());
        assertEquals(ApplicationScoped.class, bean.getScope());
        assertEquals("dev.appservices.extension.AppServicesExtension#App[orders]", ((PassivationCapable) bean).getId());
        assertEquals(
                "dev.appservices.extension.AppServicesExtension#App[(default)]",
                ((PassivationCapable) bean(AppServices.Literal.DEFAULT)).getId());
        assertEquals(5, beanManager.getBeans(App.class, Any.Literal.INSTANCE).size());
    }

    private Bean<?> bean(Annotation qualifier) {
        return beanManager.resolve(beanManager.getBeans(App.class, qualifier));
    }

    /** The contextual instance behind the client proxy that is injected. */
    private Object instanceOf(Annotation qualifier) {
        Object instance = beanManager.getContext(ApplicationScoped.class).get(bean(qualifier));
        assertTrue(instance instanceof App, () -> "no instance of " + qualifier);
        return instance;
    }
}
