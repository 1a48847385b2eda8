package dev.appservices.it.events;

import dev.appservices.AppServices;
import dev.appservices.AuthEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's observers of authentication events: of the App {@code watched}, synchronous and asynchronous,
 * and of every App (an observer without the qualifier). Each remembers what it saw and on which thread.
 */
@ApplicationScoped
public class AuthEventLog {

    private final List<Seen> watched = new CopyOnWriteArrayList<>();
    private final List<Seen> watchedAsync = new CopyOnWriteArrayList<>();
    private final List<Seen> all = new CopyOnWriteArrayList<>();

    void onWatched(@Observes @AppServices(id = "watched") AuthEvent event) {
        watched.add(Seen.now(event));
    }

    void onWatchedAsync(@ObservesAsync @AppServices(id = "watched") AuthEvent event) {
        watchedAsync.add(Seen.now(event));
    }

    void onAny(@Observes AuthEvent event) {
        all.add(Seen.now(event));
    }

    /** @return what the synchronous observer of {@code watched} saw */
    public List<Seen> watched() {
        return List.copyOf(watched);
    }

    /** @return what the asynchronous observer of {@code watched} saw */
    public List<Seen> watchedAsync() {
        return List.copyOf(watchedAsync);
    }

    /** @return what the observer of every App saw */
    public List<Seen> all() {
        return List.copyOf(all);
    }

    /**
     * One event as an observer saw it.
     *
     * @param type   the event type
     * @param appId  the App
     * @param userId the user
     * @param thread the thread the observer ran on
     */
    public record Seen(AuthEvent.Type type, String appId, String userId, Thread thread) {

        static Seen now(AuthEvent event) {
            return new Seen(event.type(), event.appId(), event.user().id(), Thread.currentThread());
        }

        /**
         * Tells whether this is an event of a type about a user.
         *
         * @param expectedType   the type
         * @param expectedUserId the user id
         * @return {@code true} if it is
         */
        public boolean is(AuthEvent.Type expectedType, String expectedUserId) {
            return type == expectedType && userId.equals(expectedUserId);
        }
    }
}
