package dev.appservices.emulator.internal.state;

import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.SignedIn;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the request path reads of one app's state, as this process last read it: sessions with their users (the
 * session check of a token), accounts by email and users by identity (a login). Kept only when this process owns its
 * store (the embedded one, which no other process reaches): then every change goes through this process, which
 * forgets what it changes, and a valid token or a repeated login needs no store round trip. Emulators that share a
 * store ({@link #none()}) read it every time, so that a change made through any of them counts at the next request.
 *
 * <p>Only what exists is kept: a missing account or identity is read again. A read that raced with a change is not
 * kept: changes bump a counter, and a value read before the last bump is dropped (check and put happen under the
 * lock that changes take). Thread-safe.
 */
final class StateCache {

    /** Far more entries than tests make; beyond it a map starts over rather than grow. */
    private static final int LIMIT = 10_000;

    private final boolean keeps;
    private final Map<String, SignedIn> bySession = new ConcurrentHashMap<>();
    /** Users this emulator just created, until their first session opens: no one else knows their ids yet. */
    private final Map<String, User> created = new ConcurrentHashMap<>();

    private final Map<String, Account> accountsByEmail = new ConcurrentHashMap<>();
    private final Map<String, User> ownersByIdentityKey = new ConcurrentHashMap<>();

    private long changes;

    private StateCache(boolean keeps) {
        this.keeps = keeps;
    }

    /** The cache of an emulator that owns its store. */
    static StateCache owned() {
        return new StateCache(true);
    }

    /** No cache: for emulators that share their store. */
    static StateCache none() {
        return new StateCache(false);
    }

    /** The session and its user, cached, or what {@code load} reads from the store. */
    Optional<SignedIn> get(String sessionId, Supplier<Optional<SignedIn>> load) {
        return cached(bySession, sessionId, load);
    }

    /** The account of an email, cached, or what {@code load} reads from the store. */
    Optional<Account> account(String email, Supplier<Optional<Account>> load) {
        return cached(accountsByEmail, email, load);
    }

    /** The live user owning an identity (by its key), cached, or what {@code load} reads from the store. */
    Optional<User> owner(String identityKey, Supplier<Optional<User>> load) {
        return cached(ownersByIdentityKey, identityKey, load);
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
            put(bySession, session.id(), new SignedIn(session, user));
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
        ownersByIdentityKey.values().removeIf(user -> user.id().equals(userId));
    }

    synchronized void forgetAccount(String email) {
        changes++;
        accountsByEmail.remove(email);
    }

    /** Forgets every account: a user's deletion removes its accounts by identity, not by email. */
    synchronized void forgetAccounts() {
        changes++;
        accountsByEmail.clear();
    }

    synchronized void forgetAll() {
        changes++;
        created.clear();
        bySession.clear();
        accountsByEmail.clear();
        ownersByIdentityKey.clear();
    }

    private <V> Optional<V> cached(Map<String, V> map, String key, Supplier<Optional<V>> load) {
        if (!keeps) {
            return load.get();
        }
        V cached = map.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = changes();
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> keep(before, map, key, value));
        return loaded;
    }

    private synchronized long changes() {
        return changes;
    }

    private synchronized <V> void keep(long before, Map<String, V> map, String key, V value) {
        if (changes == before) {
            put(map, key, value);
        }
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (map.size() >= LIMIT) {
            map.clear();
        }
        map.put(key, value);
    }
}
