package dev.appservices;

/**
 * The local state of a {@link User}.
 *
 * @since 0.1
 */
public enum UserState {

    /**
     * The user has a session (tokens) and can make requests.
     */
    LOGGED_IN,

    /**
     * The user logged out or its session expired; it is still known to the App and can log in again.
     */
    LOGGED_OUT,

    /**
     * The user was removed or deleted from this App; the object is no longer usable.
     */
    REMOVED
}
