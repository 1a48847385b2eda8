package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.smallrye.config.inject.ConfigExtension;

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

/**
 * The App beans over the life of containers: closed when the container stops, and separate for two applications
 * (class loaders) that use the same id, each with its own base-URL override.
 */
@ExtendWith(ResetTestConfig.class)
class ContainerLifecycleTest {

    @RegisterExtension
    static final EmulatorExtension FIRST = Emulators.withAnonymousApps("orders");

    @RegisterExtension
    static final EmulatorExtension SECOND = Emulators.withAnonymousApps("orders");

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.orders.base-url", FIRST.baseUrl().toString());
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
    }

    @Test
    void stoppingTheContainerClosesTheAppAndTheCacheForgetsIt() {
        App app;
        try (WeldContainer container = start()) {
            app = contextualInstance(container);
            app.logIn(Credentials.anonymous());
        }

        AppServicesException closed = assertThrows(AppServicesException.class,
                () -> app.logIn(Credentials.anonymous()));
        assertEquals(ErrorCode.CLIENT_APP_CLOSED, closed.errorCode());
        try (App next = App.create("orders")) {
            assertNotSame(app, next);
        }
    }

    @Test
    void twoApplicationsWithTheSameIdHaveSeparateAppsAndOverrides() throws Exception {
        try (URLClassLoader first = new URLClassLoader(new URL[0], getClass().getClassLoader());
                URLClassLoader second = new URLClassLoader(new URL[0], getClass().getClassLoader());
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
        return new Weld(UUID.randomUUID().toString()).disableDiscovery()
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
