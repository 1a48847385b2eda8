package dev.appservices.extension.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.AppServicesExtension;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.ResetTestConfig;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension in a container deployment (Arquillian, embedded Weld): a ShrinkWrap archive with an application bean
 * that injects an App, discovered with {@code bean-discovery-mode="all"}.
 */
@ExtendWith({ArquillianExtension.class, ResetTestConfig.class})
class ArquillianInjectionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = Emulators.withAnonymousApps("orders");

    @Inject
    OrdersService service;

    @Inject
    @AppServices(id = "orders")
    App orders;

    @Deployment
    static JavaArchive deployment() {
        return ShrinkWrap.create(JavaArchive.class, "orders.jar")
                .addClasses(ArquillianInjectionTest.class, OrdersService.class)
                .addAsServiceProvider(Extension.class, AppServicesExtension.class)
                .addAsManifestResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                                + "version=\"4.0\" bean-discovery-mode=\"all\"/>"),
                        "beans.xml");
    }

    @BeforeAll
    static void configure() {
        // read when the App is created and at every request, both after the deployment
        TestConfigSource.set("appservices.orders.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
    }

    @Test
    void applicationBeansUseTheInjectedApp() {
        String userId = service.logInGuest();

        assertEquals("orders", service.appId());
        assertEquals(userId, orders.currentUser().orElseThrow().id());
        assertEquals(userId, App.getApp("orders").currentUser().orElseThrow().id());
    }
}
