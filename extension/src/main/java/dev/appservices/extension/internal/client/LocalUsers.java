package dev.appservices.extension.internal.client;

import dev.appservices.Credentials;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import dev.appservices.extension.internal.metadata.MetadataSnapshot;
import dev.appservices.extension.internal.metadata.MetadataStore;
import dev.appservices.extension.internal.metadata.StoredUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * The users of one App as its metadata store holds them, and the one {@link DefaultUser} object per user id that
 * callers get (so that a user object stays valid, and equal to itself, across logins and logouts). Every change goes
 * through {@link MetadataStore#update}, atomically; the store is the source of truth, user objects read it.
 *
 * <p>The current user follows the SDKs (protocol.md §12): a user becomes current when it logs in or is switched to;
 * when the current user logs out or is removed, the first other logged-in user becomes current, or none.
 * Anonymous users are removed instead of logged out, as they could never log in again. Thread-safe.
 */
final class LocalUsers {

    private final DefaultApp app;
    private final MetadataStore store;
    private final Map<String, DefaultUser> objects = new ConcurrentHashMap<>();

    LocalUsers(DefaultApp app, MetadataStore store) {
        this.app = app;
        this.store = store;
    }

    /** The object of a user id (whether or not the store knows the id). */
    DefaultUser object(String userId) {
        return objects.computeIfAbsent(userId, id -> new DefaultUser(app, id));
    }

    Optional<StoredUser> stored(String userId) {
        return snapshot().user(userId);
    }

    List<StoredUser> all() {
        return snapshot().users();
    }

    /** The current user, if it is logged in. */
    Optional<StoredUser> current() {
        MetadataSnapshot snapshot = snapshot();
        return snapshot.currentUserId().flatMap(snapshot::user).filter(user -> user.state() == UserState.LOGGED_IN);
    }

    /** A logged-in anonymous user, for {@code Credentials.anonymous()} with reuse. */
    Optional<StoredUser> loggedInAnonymous() {
        return all().stream()
                .filter(user -> user.state() == UserState.LOGGED_IN && isAnonymous(user.identities()))
                .findFirst();
    }

    /**
     * Stores a login in one update: a new user is added, a known one logged in again. With the profile fetched at
     * login, the user also gets it and becomes current; without (its request failed), it keeps what it had.
     */
    void loggedIn(
            String userId,
            String accessToken,
            String refreshToken,
            Optional<String> deviceId,
            Optional<FetchedProfile> profile) {
        update(snapshot -> {
            Optional<StoredUser> known = snapshot.user(userId);
            StoredUser user = new StoredUser(
                    userId,
                    UserState.LOGGED_IN,
                    Optional.of(accessToken),
                    Optional.of(refreshToken),
                    deviceId.or(() -> known.flatMap(StoredUser::deviceId)),
                    profile.map(FetchedProfile::data)
                            .or(() -> known.map(StoredUser::profile))
                            .orElseGet(Document::new),
                    profile.map(FetchedProfile::identities)
                            .or(() -> known.map(StoredUser::identities))
                            .orElse(List.of()));
            MetadataSnapshot changed = snapshot.withUser(user);
            return profile.isPresent() ? changed.withCurrentUser(userId) : changed;
        });
    }

    /** Stores a fetched profile, if the user is still known. */
    void profileFetched(String userId, FetchedProfile profile) {
        update(snapshot -> snapshot.user(userId)
                .map(user -> snapshot.withUser(user.withProfile(profile.data(), profile.identities())))
                .orElse(snapshot));
    }

    /**
     * Stores a refreshed access token, unless the user logged out meanwhile (a logout must not be undone).
     *
     * @return whether it was stored
     */
    boolean accessTokenRefreshed(String userId, String accessToken) {
        AtomicBoolean stored = new AtomicBoolean();
        update(snapshot -> snapshot.user(userId)
                .filter(user -> user.state() == UserState.LOGGED_IN)
                .map(user -> {
                    stored.set(true);
                    return snapshot.withUser(user.withAccessToken(accessToken));
                })
                .orElse(snapshot));
        return stored.get();
    }

    void makeCurrent(String userId) {
        update(snapshot -> snapshot.withCurrentUser(userId));
    }

    /**
     * Logs a user out locally: tokens dropped, state {@code LOGGED_OUT}, or removed if anonymous.
     *
     * @return the user as it was, if it was logged in (its refresh token is needed to end the server session)
     */
    Optional<StoredUser> logOut(String userId) {
        AtomicReference<Optional<StoredUser>> before = new AtomicReference<>(Optional.empty());
        update(snapshot -> {
            Optional<StoredUser> user = snapshot.user(userId).filter(u -> u.state() == UserState.LOGGED_IN);
            before.set(user);
            if (user.isEmpty()) {
                return snapshot;
            }
            MetadataSnapshot changed = isAnonymous(user.get().identities())
                    ? snapshot.withoutUser(userId)
                    : snapshot.withUser(user.get().withoutTokens(UserState.LOGGED_OUT));
            return reselectCurrent(changed, userId);
        });
        return before.get();
    }

    /** Forgets a user; returns it as it was, if it was known. */
    Optional<StoredUser> remove(String userId) {
        AtomicReference<Optional<StoredUser>> before = new AtomicReference<>(Optional.empty());
        update(snapshot -> {
            before.set(snapshot.user(userId));
            return before.get().isEmpty() ? snapshot : reselectCurrent(snapshot.withoutUser(userId), userId);
        });
        return before.get();
    }

    static boolean isAnonymous(List<UserIdentity> identities) {
        return identities.size() == 1
                && Credentials.ANONYMOUS.equals(identities.get(0).providerType());
    }

    private MetadataSnapshot snapshot() {
        app.requireOpen();
        return store.read();
    }

    private void update(UnaryOperator<MetadataSnapshot> change) {
        app.requireOpen();
        long start = System.nanoTime();
        store.update(change);
        app.telemetry().metadataWritten(app.id(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** If the user that left was current, the first logged-in user becomes current (or none). */
    private static MetadataSnapshot reselectCurrent(MetadataSnapshot snapshot, String leftUserId) {
        boolean wasCurrent = snapshot.currentUserId().map(leftUserId::equals).orElse(true);
        if (!wasCurrent) {
            return snapshot;
        }
        return snapshot.withCurrentUser(snapshot.users().stream()
                .filter(user ->
                        user.state() == UserState.LOGGED_IN && !user.id().equals(leftUserId))
                .map(StoredUser::id)
                .findFirst()
                .orElse(null));
    }
}
