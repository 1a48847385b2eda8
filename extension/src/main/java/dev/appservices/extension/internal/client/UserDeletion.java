package dev.appservices.extension.internal.client;

import dev.appservices.AuthEvent;
import dev.appservices.UserState;
import dev.appservices.extension.internal.client.SessionManager.Bearer;
import dev.appservices.extension.internal.metadata.StoredUser;

/**
 * Deletes a user (protocol.md §4): {@code DELETE /auth/delete} with its access token (refreshed and retried once on
 * a 401, as every access-token request), then the user is removed locally and {@link AuthEvent.Type#DELETED} fired.
 * If the server refuses or cannot be reached, the user is kept locally, unchanged. The server deletes the user's
 * identities, not its custom data or documents. Stateless apart from its App; thread-safe.
 */
final class UserDeletion {

    private final DefaultApp app;

    UserDeletion(DefaultApp app) {
        this.app = app;
    }

    /**
     * Deletes a stored user of the App.
     *
     * @throws dev.appservices.AppServicesException {@code CLIENT_USER_NOT_LOGGED_IN} if the user is logged out
     */
    void delete(StoredUser user) {
        if (user.state() != UserState.LOGGED_IN) {
            throw ClientMessages.userNotLoggedIn(app.id(), user.id(), "deleteUser");
        }
        app.sessions().send(user.id(), Bearer.ACCESS_TOKEN, Endpoint.DELETE_USER.request(), (api, authorization) -> {
            api.deleteUser(authorization);
            return null;
        });
        app.users()
                .remove(user.id())
                .ifPresent(deleted ->
                        app.events().fire(AuthEvent.Type.DELETED, app.users().object(deleted.id())));
    }
}
