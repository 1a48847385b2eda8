package dev.appservices;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a user's authentication state in an {@link App}.
 *
 * <p>Delivered to the listeners of {@link App#addListener(java.util.function.Consumer)} and, under CDI, fired as a
 * CDI event qualified with {@code @AppServices(id)} (synchronously and asynchronously):
 *
 * <pre>{@code
 * void onLogin(@Observes @AppServices(id = "orders") AuthEvent event) {
 *     if (event.type() == AuthEvent.Type.SESSION_EXPIRED) { ... }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #toString()} shows the user id, never a token.
 *
 * @since 0.1
 */
public final class AuthEvent {

    /**
     * What happened.
     *
     * @since 0.1
     */
    public enum Type {

        /**
         * The user logged in and became the current user.
         */
        LOGGED_IN,

        /**
         * The user logged out.
         */
        LOGGED_OUT,

        /**
         * The user was removed from this App (locally): by {@link App#removeUser(User)}, or after
         * {@link #LOGGED_OUT} or {@link #SESSION_EXPIRED} of an anonymous user, whom logging out removes.
         */
        REMOVED,

        /**
         * The user was deleted on the server and removed locally.
         */
        DELETED,

        /**
         * The user became the current user through {@link App#switchUser(User)}.
         */
        SWITCHED,

        /**
         * An identity was linked to the user.
         */
        LINKED,

        /**
         * The user's access token was refreshed (its custom data may have changed).
         */
        TOKEN_REFRESHED,

        /**
         * The server refused the user's refresh token: the session ended and the user is logged out; it must log
         * in again.
         */
        SESSION_EXPIRED
    }

    private final Type type;
    private final String appId;
    private final User user;
    private final Instant timestamp;

    private AuthEvent(Type type, String appId, User user, Instant timestamp) {
        this.type = type;
        this.appId = appId;
        this.user = user;
        this.timestamp = timestamp;
    }

    /**
     * Creates an event stamped with the current time.
     *
     * @param type  what happened
     * @param appId the id of the App
     * @param user  the user concerned
     * @return the event
     * @throws NullPointerException if an argument is null
     */
    public static AuthEvent of(Type type, String appId, User user) {
        return new AuthEvent(
                ApiMessages.requireNonNull(type, "type"),
                ApiMessages.requireNonNull(appId, "appId"),
                ApiMessages.requireNonNull(user, "user"),
                Instant.now());
    }

    /**
     * Returns what happened.
     *
     * @return the event type, never null
     */
    public Type type() {
        return type;
    }

    /**
     * Returns the id of the App the user belongs to.
     *
     * @return the app id, never null
     */
    public String appId() {
        return appId;
    }

    /**
     * Returns the user concerned, in its state after the change.
     *
     * @return the user, never null
     */
    public User user() {
        return user;
    }

    /**
     * Returns when the event was created.
     *
     * @return the timestamp, never null
     */
    public Instant timestamp() {
        return timestamp;
    }

    /**
     * Compares type, app id, user and timestamp.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is an equal event
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AuthEvent)) {
            return false;
        }
        AuthEvent that = (AuthEvent) other;
        return type == that.type
                && appId.equals(that.appId)
                && user.equals(that.user)
                && timestamp.equals(that.timestamp);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(type, appId, user, timestamp);
    }

    /**
     * Describes the event by type, app id, user id and timestamp.
     *
     * @return a description without tokens
     */
    @Override
    public String toString() {
        return "AuthEvent[type=" + type + ", appId=" + appId + ", userId=" + user.id() + ", timestamp=" + timestamp
                + "]";
    }
}
