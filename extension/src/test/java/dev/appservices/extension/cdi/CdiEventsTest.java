package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.MetadataResetEvent;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.Emulators;
import dev.appservices.extension.cdi.support.TestConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every event of an App bean is also a CDI event qualified with its id, for synchronous and asynchronous observers. */
@AppServicesTest
@AddBeanClasses(CdiEventsTest.Recorder.class)
class CdiEventsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = Emulators.withAnonymousApps("orders", "billing");

    @TempDir
    static Path metadata;

    @Inject
    @AppServices(id = "orders")
    App orders;

    @Inject
    @AppServices(id = "billing")
    App billing;

    @Inject
    Recorder recorder;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.defaults.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.defaults.metadata.mode", "in-memory");
        // billing keeps its users in a file; one test makes it unreadable before the App opens it
        TestConfigSource.set("appservices.billing.metadata.mode", "no-encryption");
        TestConfigSource.set("appservices.billing.metadata.directory", metadata.toString());
        TestConfigSource.set("appservices.billing.metadata.on-invalid", "reset");
    }

    @Test
    void synchronousObserversOfTheIdSeeEachEventOnTheThreadOfTheChange() {
        User user = orders.logIn(Credentials.anonymous());
        user.logOut();

        // an anonymous user is removed when it logs out
        assertEquals(
                List.of(AuthEvent.Type.LOGGED_IN, AuthEvent.Type.LOGGED_OUT, AuthEvent.Type.REMOVED),
                types(recorder.orders()));
        assertEquals(user.id(), recorder.orders().get(0).user().id());
        assertEquals("orders", recorder.orders().get(0).appId());
        assertEquals(
                List.of(Thread.currentThread().getName()),
                recorder.threads().stream().distinct().toList());
        assertEquals(List.of(), recorder.billing());
    }

    @Test
    void qualifiersSelectTheApp() {
        orders.logIn(Credentials.anonymous());
        billing.logIn(Credentials.anonymous());

        assertEquals(List.of("orders"), appIds(recorder.orders()));
        assertEquals(List.of("billing"), appIds(recorder.billing()));
        assertEquals(List.of("orders", "billing"), appIds(recorder.all()));
    }

    @Test
    void asynchronousObserversSeeTheEventsToo() throws InterruptedException {
        User user = orders.logIn(Credentials.anonymous());

        AuthEvent event = recorder.asyncOrders().poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no asynchronous event");
        assertEquals(AuthEvent.Type.LOGGED_IN, event.type());
        assertEquals(user.id(), event.user().id());
        assertNull(recorder.asyncOrders().poll(200, TimeUnit.MILLISECONDS), "billing or duplicate event");
    }

    @Test
    void theEventsAreThoseTheAppsListenersGet() {
        List<AuthEvent> listened = new CopyOnWriteArrayList<>();
        try (var registration = orders.addListener(listened::add)) {
            User user = orders.logIn(Credentials.anonymous(false));
            orders.removeUser(user);
        }

        assertEquals(listened, recorder.orders());
    }

    @Test
    void aMetadataResetAtCreationIsFiredForTheApp() throws IOException {
        Files.createDirectories(metadata.resolve("billing"));
        Files.writeString(metadata.resolve("billing").resolve("metadata.json"), "{ not json");

        assertEquals("billing", billing.id());

        MetadataResetEvent reset = recorder.reset();
        assertNotNull(reset, "no reset event");
        assertEquals("billing", reset.appId());
        assertTrue(Files.exists(reset.backupFile()), reset.backupFile().toString());
    }

    private static List<AuthEvent.Type> types(List<AuthEvent> events) {
        return events.stream().map(AuthEvent::type).toList();
    }

    private static List<String> appIds(List<AuthEvent> events) {
        return events.stream().map(AuthEvent::appId).toList();
    }

    /** Observes the events; one instance per container, read through getters (its proxy hides its fields). */
    @ApplicationScoped
    static class Recorder {

        private final List<AuthEvent> orders = new CopyOnWriteArrayList<>();
        private final List<AuthEvent> billing = new CopyOnWriteArrayList<>();
        private final List<AuthEvent> all = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();
        private final BlockingQueue<AuthEvent> asyncOrders = new LinkedBlockingQueue<>();
        private final List<MetadataResetEvent> resets = new CopyOnWriteArrayList<>();

        void onOrders(@Observes @AppServices(id = "orders") AuthEvent event) {
            orders.add(event);
            threads.add(Thread.currentThread().getName());
        }

        void onBilling(@Observes @AppServices(id = "billing") AuthEvent event) {
            billing.add(event);
        }

        void onAny(@Observes AuthEvent event) {
            all.add(event);
        }

        void onOrdersAsync(@ObservesAsync @AppServices(id = "orders") AuthEvent event) {
            asyncOrders.add(event);
        }

        void onReset(@Observes @AppServices(id = "billing") MetadataResetEvent event) {
            resets.add(event);
        }

        List<AuthEvent> orders() {
            return new ArrayList<>(orders);
        }

        List<AuthEvent> billing() {
            return new ArrayList<>(billing);
        }

        List<AuthEvent> all() {
            return new ArrayList<>(all);
        }

        List<String> threads() {
            return new ArrayList<>(threads);
        }

        BlockingQueue<AuthEvent> asyncOrders() {
            return asyncOrders;
        }

        MetadataResetEvent reset() {
            return resets.isEmpty() ? null : resets.get(0);
        }
    }
}
