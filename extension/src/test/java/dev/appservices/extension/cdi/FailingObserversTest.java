package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ListenerRegistration;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.TestConfigSource;
import dev.appservices.extension.testing.LogCapture;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Observers that throw are logged with a code and never break the App. */
@AppServicesTest
@AddBeanClasses(FailingObserversTest.FailingObservers.class)
class FailingObserversTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = Emulators.withAnonymousApps("orders");

    @Inject
    @AppServices(id = "orders")
    App orders;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.orders.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
    }

    @Test
    void observerExceptionsAreLoggedAndNeverReachTheClient() throws InterruptedException {
        List<AuthEvent> listened = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.of("dev.appservices.extension.internal.cdi.EventBridge");
                ListenerRegistration registration = orders.addListener(listened::add)) {
            User user = orders.logIn(Credentials.anonymous());

            assertTrue(user.isLoggedIn());
            assertEquals(user.id(), orders.currentUser().orElseThrow().id());
            assertEquals(
                    List.of(AuthEvent.Type.LOGGED_IN),
                    listened.stream().map(AuthEvent::type).toList());
            String event = listened.get(0).toString();
            assertLogged(
                    log.next(10),
                    "APPSVC0400: a CDI observer of " + event + " threw an exception; the App is not affected");
            assertLogged(
                    log.next(10),
                    "APPSVC0401: an asynchronous CDI observer of " + event + " failed; the App is not affected");
        }
    }

    private static void assertLogged(LogRecord record, String message) {
        assertNotNull(record, "nothing logged");
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals(message, record.getMessage());
    }

    @Dependent
    static class FailingObservers {

        void on(@Observes @AppServices(id = "orders") AuthEvent event) {
            throw new IllegalStateException("observer failure");
        }

        void onAsync(@ObservesAsync @AppServices(id = "orders") AuthEvent event) {
            throw new IllegalStateException("asynchronous observer failure");
        }
    }
}
