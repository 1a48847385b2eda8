package dev.appservices.it.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import dev.appservices.it.events.AuthEventLog.Seen;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication events reach the application's CDI observers: {@code @Observes @AppServices(id)} on the thread
 * that made the change, {@code @ObservesAsync} later, an observer without qualifier for every App, and no observer
 * of one App hears another.
 */
@ExtendWith(ArquillianExtension.class)
class AuthEventsIT {

    private static final Duration ASYNC_DELIVERY = Duration.ofSeconds(20);

    @Inject
    @AppServices(id = "watched")
    App watched;

    @Inject
    @AppServices(id = "unwatched")
    App unwatched;

    @Inject
    AuthEventLog log;

    @Deployment
    static WebArchive deployment() {
        URI backend = Backends.start("events", Backends.app("watched"), Backends.app("unwatched"));
        WebArchive war = Deployments.appWar(
                "auth-events",
                Map.of(
                        "appservices.watched.base-url", backend.toString(),
                        "appservices.unwatched.base-url", backend.toString()),
                AuthEventLog.class,
                Seen.class);
        return Deployments.withLibrariesOf(war, Awaitility.class, Matcher.class);
    }

    @Test
    void synchronousObserverSeesTheLoginOnTheCallingThread() {
        User user = watched.logIn(Credentials.anonymous(false));

        Seen seen = log.watched().stream()
                .filter(event -> event.is(AuthEvent.Type.LOGGED_IN, user.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no LOGGED_IN of " + user.id() + " in " + log.watched()));
        assertEquals("watched", seen.appId());
        assertEquals(Thread.currentThread(), seen.thread());
    }

    @Test
    void asynchronousObserverSeesLoginAndLogout() {
        User user = watched.logIn(Credentials.anonymous(false));
        user.logOut();

        awaitTrue(
                () -> log.watchedAsync().stream().anyMatch(event -> event.is(AuthEvent.Type.LOGGED_IN, user.id()))
                        && log.watchedAsync().stream()
                                .anyMatch(event -> event.is(AuthEvent.Type.LOGGED_OUT, user.id())),
                log::watchedAsync);
    }

    @Test
    void logoutAndRemovalAreObserved() {
        User loggedOut = watched.logIn(Credentials.anonymous(false));
        loggedOut.logOut();
        String email = "dee+" + System.nanoTime() + "@example.com";
        watched.emailPasswordAuth().registerUser(email, "s3cret-Pa55");
        User removed = watched.logIn(Credentials.emailPassword(email, "s3cret-Pa55"));
        watched.removeUser(removed);

        List<Seen> seen = log.watched();
        assertTrue(
                seen.stream().anyMatch(event -> event.is(AuthEvent.Type.LOGGED_OUT, loggedOut.id())), seen::toString);
        assertTrue(seen.stream().anyMatch(event -> event.is(AuthEvent.Type.REMOVED, removed.id())), seen::toString);
    }

    @Test
    void eventsOfAnotherAppReachOnlyObserversOfEveryApp() {
        User other = unwatched.logIn(Credentials.anonymous(false));

        assertFalse(
                log.watched().stream().anyMatch(event -> event.userId().equals(other.id())), log.watched()::toString);
        assertTrue(
                log.all().stream()
                        .anyMatch(event -> event.is(AuthEvent.Type.LOGGED_IN, other.id())
                                && event.appId().equals("unwatched")),
                log.all()::toString);
    }

    /** Waits, within a bound, until the condition holds; for asynchronous delivery, whose moment is not defined. */
    private static void awaitTrue(Supplier<Boolean> condition, Supplier<?> state) {
        await().atMost(ASYNC_DELIVERY)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertTrue(
                        condition.get(), () -> "not delivered within " + ASYNC_DELIVERY + ": " + state.get()));
    }
}
