package dev.appservices.emulator.internal.app;

import dev.appservices.emulator.internal.state.Records.User;

/** Logins that an app's authentication triggers react to. Implementations return quickly (they run on login). */
@FunctionalInterface
public interface UserEvents {

    /** For apps without authentication triggers. */
    UserEvents NONE = (app, user, providerType, created) -> {};

    /**
     * A user logged in.
     *
     * @param providerType the provider of the login
     * @param created whether the login created the user
     */
    void loggedIn(EmulatedApp app, User user, String providerType, boolean created);
}
