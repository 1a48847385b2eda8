package dev.appservices.it.getapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AppServicesConfigException;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ListenerRegistration;
import dev.appservices.User;
import dev.appservices.it.BackendProbe;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The injected App and {@code App.getApp(id)} are the same instance: what one does, the other sees, also from code
 * outside CDI. An id that only the configuration names is created from it on first use and cached; an id nobody
 * knows fails with a coded message.
 */
@ExtendWith(ArquillianExtension.class)
class GetAppIT {

    @Inject
    @AppServices(id = "shop")
    App shop;

    @Deployment
    static WebArchive deployment() {
        URI backend = Backends.start("get-app", Backends.app("shop"), Backends.app("ledger"));
        return Deployments.appWar(
                "get-app",
                Map.of(
                        "appservices.shop.base-url", backend.toString(),
                        "appservices.ledger.base-url", backend.toString()),
                Reports.class);
    }

    @Test
    void loginThroughTheInjectedAppIsSeenThroughGetApp() {
        User user = shop.logIn(Credentials.anonymous(false));

        assertEquals(user.id(), App.getApp("shop").currentUser().orElseThrow().id());
        assertEquals(user.id(), Reports.currentShopUserId());
    }

    @Test
    void listenerAddedThroughGetAppHearsTheInjectedApp() {
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        try (ListenerRegistration registration = App.getApp("shop").addListener(events::add)) {
            User user = shop.logIn(Credentials.anonymous(false));

            assertTrue(
                    events.stream()
                            .anyMatch(event -> event.type() == AuthEvent.Type.LOGGED_IN
                                    && event.user().id().equals(user.id())),
                    events::toString);
        }
    }

    @Test
    void getAppAndCreateReturnOneCachedInstance() {
        App app = App.getApp("shop");

        assertSame(app, App.getApp("shop"));
        assertSame(app, App.create("shop"));
        assertEquals(shop.baseUrl(), app.baseUrl());
    }

    @Test
    void idKnownOnlyToTheConfigurationIsCreatedFromItOnce() {
        App ledger = App.getApp("ledger");

        assertSame(ledger, App.getApp("ledger"));
        assertEquals(shop.baseUrl(), ledger.baseUrl(), "configured with the same backend");
        User user = ledger.logIn(Credentials.anonymous());
        assertEquals("get-app", BackendProbe.backendOf(user));
    }

    @Test
    void unknownIdFailsWithACodedMessage() {
        AppServicesConfigException unknown =
                assertThrows(AppServicesConfigException.class, () -> App.getApp("nobody-knows"));

        assertTrue(unknown.getMessage().startsWith("APPSVC0200: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("nobody-knows"), unknown.getMessage());
    }
}
