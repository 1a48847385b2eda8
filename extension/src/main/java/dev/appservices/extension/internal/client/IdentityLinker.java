package dev.appservices.extension.internal.client;

import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ServiceException;
import dev.appservices.UserState;
import dev.appservices.extension.internal.client.rest.LoginResponse;
import dev.appservices.extension.internal.metadata.StoredUser;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * Links another identity to a logged-in user (protocol.md §2, "Linking identities"): a login request with
 * {@code ?link=true} and the user's access token, whose answer replaces that access token; then the profile is
 * fetched again, so the new identity appears in {@code identities()}, and {@link AuthEvent.Type#LINKED} is fired.
 *
 * <p>The link request itself is never retried after a 401 (realm-js#6586: retrying hid the refusal behind endless
 * refreshes); an access token about to expire is refreshed before it is sent instead. Anonymous credentials are
 * refused locally, as in the SDKs. Stateless apart from its App; thread-safe.
 */
final class IdentityLinker {

    private final DefaultApp app;

    IdentityLinker(DefaultApp app) {
        this.app = app;
    }

    /**
     * Links {@code credentials} to the user.
     *
     * @throws dev.appservices.AppServicesException {@code CLIENT_USER_NOT_FOUND}, {@code CLIENT_USER_NOT_LOGGED_IN}
     *         or {@code CLIENT_USER_ALREADY_NAMED} before any request
     * @throws dev.appservices.CredentialsCannotBeLinkedException if the server refuses the link
     */
    void link(String userId, Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        String provider = credentials.provider();
        Request endpoint = Endpoint.LINK.request(app.id(), provider);
        StoredUser user = app.users().stored(userId).orElseThrow(() -> ClientMessages.userNotFound(app.id(), userId));
        if (user.state() != UserState.LOGGED_IN) {
            throw ClientMessages.userNotLoggedIn(app.id(), userId, "linkCredentials");
        }
        if (Credentials.ANONYMOUS.equals(provider)) {
            throw UserOperationMessages.anonymousCredentialsNotLinkable(app.id(), userId);
        }
        String accessToken = freshAccessToken(user);
        BsonDocument body = LoginBodies.of(credentials, DeviceInfo.of(app.configuration()));
        LoginResponse response;
        try {
            response = app.requests()
                    .send(endpoint, api -> api.link(app.id(), provider, true, "Bearer " + accessToken, body));
        } catch (ServiceException e) {
            if (e.httpStatus().isPresent()) {
                throw UserOperationMessages.linkRefused(app.id(), userId, provider, e);
            }
            throw e;
        }
        if (response == null || response.accessToken() == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint.description(), "access_token");
        }
        if (Jwt.parse(response.accessToken()).isEmpty()) {
            throw ClientMessages.badToken(app.id(), endpoint.description(), "access token");
        }
        if (!app.users().accessTokenRefreshed(userId, response.accessToken())) {
            throw ClientMessages.userNotLoggedIn(app.id(), userId, "linkCredentials");
        }
        app.fetchProfile(userId);
        app.events().fire(AuthEvent.Type.LINKED, app.users().object(userId));
    }

    /** The user's access token, refreshed first if it is about to expire (the link request is not retried). */
    private String freshAccessToken(StoredUser user) {
        String token = user.accessToken()
                .orElseThrow(() -> ClientMessages.userNotLoggedIn(app.id(), user.id(), "linkCredentials"));
        boolean expiring = Jwt.parse(token).map(app.sessions()::expiresSoon).orElse(false);
        return expiring ? app.sessions().refresh(user.id()) : token;
    }
}
