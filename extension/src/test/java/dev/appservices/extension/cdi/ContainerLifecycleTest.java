package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AppServicesException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.AppServicesExtension;
import dev.appservices.extension.cdi.support.ContextClassLoader;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.ResetTestConfig;
import dev.appservices.extension.cdi.support.TestConfigSource;
import dev.appservices.extension.internal.client.TestBackend;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apps over the life of containers: the beans' and those the application created itself are closed when the
 * container stops, and the beans are separate for two applications (class loaders) that use the same id, each with
 * its own base-URL override.
 */
@ExtendWith(ResetTestConfig.class)
class ContainerLifecycleTest {

    @RegisterExtension
    static final EmulatorExtension FIRST = Emulators.withAnonymousApps("orders", "ledger", "reports", "adhoc");

    @RegisterExtension
    static final EmulatorExtension SECOND = Emulators.withAnonymousApps("orders");

    @TempDir
    static Path metadata;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.orders.base-url", FIRST.baseUrl().toString());
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
        // an id that only the configuration knows, stored in files: no bean, App.getApp creates it
        TestConfigSource.set("appservices.ledger.base-url", FIRST.baseUrl().toString());
        TestConfigSource.set("appservices.ledger.metadata.mode", "no-encryption");
        TestConfigSource.set("appservices.ledger.metadata.directory", metadata.toString());
        // a listed id: its bean exists but is never instantiated when only App.getApp uses the id
        TestConfigSource.set("appservices.ids", "reports");
        TestConfigSource.set("appservices.reports.base-url", FIRST.baseUrl().toString());
        TestConfigSource.set("appservices.reports.metadata.mode", "in-memory");
    }

    @Test
    void stoppingTheContainerClosesTheAppAndTheCacheForgetsIt() {
        App app;
        try (WeldContainer container = start()) {
            app = contextualInstance(container);
            app.logIn(Credentials.anonymous());
        }

        AppServicesException closed =
                assertThrows(AppServicesException.class, () -> app.logIn(Credentials.anonymous()));
        assertEquals(ErrorCode.CLIENT_APP_CLOSED, closed.errorCode());
        try (App next = App.create("orders")) {
            assertNotSame(app, next);
        }
    }

    @Test
    void stoppingTheContainerClosesTheAppsTheApplicationCreatedOutsideBeans() throws Exception {
        List<App> apps;
        try (WeldContainer container = start()) {
            apps = List.of(
                    App.getApp("ledger"),
                    App.getApp("reports"),
                    App.create(
                            TestBackend.configuration("adhoc", FIRST.baseUrl()).build()));
            apps.forEach(app -> app.logIn(Credentials.anonymous()));
        }

        for (App app : apps) {
            AppServicesException closed =
                    assertThrows(AppServicesException.class, () -> app.logIn(Credentials.anonymous()), app::toString);
            assertEquals(ErrorCode.CLIENT_APP_CLOSED, closed.errorCode(), app::toString);
            try (App next = App.create(app.configuration())) {
                assertNotSame(app, next);
            }
        }
        // a redeployed application (another class loader) opens the same metadata files: their lock was released
        try (URLClassLoader redeployed =
                        new URLClassLoader(new URL[0], getClass().getClassLoader());
                App ledger = ContextClassLoader.with(redeployed, () -> App.getApp("ledger"))) {
            assertEquals(1, ledger.allUsers().size(), "the user logged in before the redeployment is stored");
        }
    }

    @Test
    void twoApplicationsWithTheSameIdHaveSeparateAppsAndOverrides() throws Exception {
        try (URLClassLoader first = new URLClassLoader(new URL[0], getClass().getClassLoader());
                URLClassLoader second =
                        new URLClassLoader(new URL[0], getClass().getClassLoader());
                WeldContainer one = ContextClassLoader.with(first, ContainerLifecycleTest::start);
                WeldContainer two = ContextClassLoader.with(second, ContainerLifecycleTest::start)) {
            OrdersUser inFirst = one.select(OrdersUser.class).get();
            OrdersUser inSecond = two.select(OrdersUser.class).get();
            assertNotSame(contextualInstance(one), contextualInstance(two));

            inFirst.app().logIn(Credentials.anonymous());
            assertTrue(inFirst.app().currentUser().isPresent());
            assertEquals(Optional.empty(), inSecond.app().currentUser());

            inFirst.app().updateBaseUrl(SECOND.baseUrl());
            assertEquals(SECOND.baseUrl(), inFirst.app().baseUrl());
            assertEquals(FIRST.baseUrl(), inSecond.app().baseUrl());
        }
    }

    private static WeldContainer start() {
        return new Weld(UUID.randomUUID().toString())
                .disableDiscovery()
                .addExtensions(new AppServicesExtension(), new ConfigExtension())
                .addBeanClasses(OrdersUser.class)
                .initialize();
    }

    /** The App itself, not the client proxy that is injected. */
    private static App contextualInstance(WeldContainer container) {
        container.select(OrdersUser.class).get().app().id();
        BeanManager beanManager = container.getBeanManager();
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(App.class, AppServices.Literal.of("orders")));
        return (App) beanManager.getContext(ApplicationScoped.class).get(bean);
    }

    @Dependent
    static class OrdersUser {

        @Inject
        @AppServices(id = "orders")
        App app;

        App app() {
            return app;
        }
    }
}
