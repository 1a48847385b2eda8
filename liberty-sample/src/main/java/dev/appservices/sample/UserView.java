package dev.appservices.sample;

import dev.appservices.User;
import dev.appservices.UserIdentity;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What the page shows of the current user: who it is, whether it is logged in and until when its tokens are valid,
 * its profile and its custom data. The tokens themselves are never part of it.
 *
 * @param id                    the user id of the backend
 * @param state                 {@code LOGGED_IN}, {@code LOGGED_OUT} or {@code REMOVED}
 * @param loggedIn              whether the user has a session
 * @param anonymous             whether its only identity is anonymous
 * @param providers             the providers of its identities, e.g. {@code local-userpass}, {@code api-key}
 * @param accessTokenExpiresAt  when the current access token expires (the App refreshes it by itself), or null
 * @param refreshTokenExpiresAt when the session ends, or null
 * @param profile               the profile of the last profile request
 * @param customData            the custom user data of the current access token
 */
public record UserView(
        String id,
        String state,
        boolean loggedIn,
        boolean anonymous,
        List<String> providers,
        Instant accessTokenExpiresAt,
        Instant refreshTokenExpiresAt,
        JsonObject profile,
        JsonObject customData) {

    static UserView of(User user) {
        return new UserView(
                user.id(),
                user.state().name(),
                user.isLoggedIn(),
                user.isAnonymous(),
                user.identities().stream()
                        .map(UserIdentity::providerType)
                        .distinct()
                        .toList(),
                user.accessTokenExpiresAt().orElse(null),
                user.refreshTokenExpiresAt().orElse(null),
                ExtendedJson.toJson(user.profile().asDocument()),
                ExtendedJson.toJson(user.customData()));
    }
}
