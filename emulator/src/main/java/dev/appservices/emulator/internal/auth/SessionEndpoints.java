package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token-addressed user endpoints (protocol.md §3, §4): profile (access token), session refresh and logout
 * (refresh token), user deletion (access token). Thread-safe.
 */
public final class SessionEndpoints {

    private final TokenService tokens;

    public SessionEndpoints(TokenService tokens) {
        this.tokens = tokens;
    }

    /** {@code GET /api/client/v2.0/auth/profile}. */
    public Response profile(Request request) {
        TokenService.Verified caller = tokens.verify(request, TokenService.ACCESS);
        User user = caller.user();
        Map<String, String> data = new LinkedHashMap<>();
        user.identities().forEach(identity -> data.putAll(identity.data()));
        List<AuthBodies.ProfileIdentity> identities =
                user.identities().stream().map(SessionEndpoints::identity).toList();
        return Response.json(
                200,
                new AuthBodies.Profile(
                                user.id(),
                                caller.app().state().domainId(),
                                identities,
                                data,
                                AppState.SERVER_USER.equals(user.type()) ? AppState.SERVER_USER : AppState.NORMAL_USER)
                        .toDocument());
    }

    /** {@code POST /api/client/v2.0/auth/session}: 201 with a new access token; the refresh token stays. */
    public Response refresh(Request request) {
        TokenService.Verified caller = tokens.verify(request, TokenService.REFRESH);
        EmulatedApp app = caller.app();
        return Response.json(
                201, new AuthBodies.AccessToken(tokens.accessToken(app, caller.user(), caller.session())).toDocument());
    }

    /** {@code DELETE /api/client/v2.0/auth/session}: ends the session of the refresh token. */
    public Response logout(Request request) {
        TokenService.Verified caller = tokens.verify(request, TokenService.REFRESH);
        caller.app().state().revokeSession(caller.session().id());
        return Response.noContent();
    }

    /** {@code DELETE /api/client/v2.0/auth/delete}: deletes the user with everything it owns. */
    public Response delete(Request request) {
        TokenService.Verified caller = tokens.verify(request, TokenService.ACCESS);
        caller.app().state().deleteUser(caller.user().id());
        return Response.noContent();
    }

    private static AuthBodies.ProfileIdentity identity(Identity identity) {
        return new AuthBodies.ProfileIdentity(
                identity.id(), identity.providerType(), identity.providerId(), identity.data());
    }
}
