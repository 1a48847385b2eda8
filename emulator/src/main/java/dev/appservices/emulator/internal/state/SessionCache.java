package dev.appservices.emulator.internal.state;

import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.SignedIn;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sessions with their users as this process last read them. Kept only when this process owns its store (the
 * embedded one, which no other process reaches): then every change goes through this process, which forgets what
 * it changes, and the session check of a valid token needs no store round trip. Emulators that share a store
 * ({@link #none()}) read it at every check, so that a change made through any of them counts at the next request.
 *
 * <p>A read that raced with a change is not kept: changes bump a counter, and a value read before the last bump is
 * dropped (check and put happen under the lock that changes take). Thread-safe.
 */
final class SessionCache {

    /** Far more sessions than tests open at once; beyond it the cache starts over rather than grow. */
    private static final int LIMIT = 10_000;

    private final boolean keeps;
    private final Map<String, SignedIn> bySession = new ConcurrentHashMap<>();
    /** Users this emulator just created, until their first session opens: no one else knows their ids yet. */
    private final Map<String, User> created = new ConcurrentHashMap<>();

    private long changes;

    private SessionCache(boolean keeps) {
        this.keeps = keeps;
    }

    /** The cache of an emulator that owns its store. */
    static SessionCache owned() {
        return new SessionCache(true);
    }

    /** No cache: for emulators that share their store. */
    static SessionCache none() {
        return new SessionCache(false);
    }

    /** The cached value, or what {@code load} reads from the store (kept unless a change happened meanwhile). */
    Optional<SignedIn> get(String sessionId, Supplier<Optional<SignedIn>> load) {
        if (!keeps) {
            return load.get();
        }
        SignedIn cached = bySession.get(sessionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = changes();
        Optional<SignedIn> loaded = load.get();
        loaded.ifPresent(value -> keep(before, sessionId, value));
        return loaded;
    }

    /** Notes a user this emulator has just created, so that its first session can be kept without a read. */
    synchronized void created(User user) {
        if (!keeps) {
            return;
        }
        if (created.size() >= LIMIT) {
            created.clear();
        }
        created.put(user.id(), user);
    }

    /** Keeps a session opened for a user created just before, unless a change to the user came in between. */
    synchronized void opened(Session session) {
        User user = created.remove(session.userId());
        if (user != null) {
            put(session.id(), new SignedIn(session, user));
        }
    }

    synchronized void forgetSession(String sessionId) {
        changes++;
        bySession.remove(sessionId);
    }

    synchronized void forgetUser(String userId) {
        changes++;
        created.remove(userId);
        bySession.values().removeIf(entry -> entry.user().id().equals(userId));
    }

    synchronized void forgetAll() {
        changes++;
        created.clear();
        bySession.clear();
    }

    private synchronized long changes() {
        return changes;
    }

    private synchronized void keep(long before, String sessionId, SignedIn value) {
        if (changes == before) {
            put(sessionId, value);
        }
    }

    private void put(String sessionId, SignedIn value) {
        if (bySession.size() >= LIMIT) {
            bySession.clear();
        }
        bySession.put(sessionId, value);
    }
}
