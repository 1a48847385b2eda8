package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Endpoint;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.User;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * {@code POST /api/client/v2.0/app/{appId}/auth/providers/{provider}/login[?link=true]} (protocol.md §2).
 *
 * <p>A login finds or creates the user of the proven identity, opens a session and answers 200 with both tokens,
 * the user id and the device id. With {@code ?link=true} and the access token of a user, the identity is added to
 * that user (an identity of another user is refused with 401 {@code AuthError}) and a new access token of the same
 * session is answered. Thread-safe.
 */
public final class LoginEndpoint implements Endpoint {

    private static final String ZERO_DEVICE_ID = "000000000000000000000000";

    private final Apps apps;
    private final TokenService tokens;
    private final Map<String, Authenticators> authenticators = new HashMap<>();

    /** The {@code clock} decides whether custom JWTs have expired. */
    public LoginEndpoint(Apps apps, TokenService tokens, Clock clock) {
        this.apps = apps;
        this.tokens = tokens;
        apps.all().forEach(app -> authenticators.put(app.id(), Authenticators.forApp(app, clock)));
    }

    @Override
    public Response handle(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String provider = request.pathParameter("provider");
        Authenticator authenticator =
                authenticators.get(app.id()).find(provider).orElseThrow(() -> ServiceError.providerNotFound(provider));
        if ("true".equals(request.queryParameter("link").orElse(null))) {
            return link(request, app, authenticator);
        }
        BsonDocument body = request.jsonBody();
        Credential credential = authenticator.authenticate(app, body);
        AppState.IdentityLogin login = credential
                .owner()
                .flatMap(owner -> app.state().user(owner))
                .map(owner -> new AppState.IdentityLogin(owner, false))
                .orElseGet(() -> credential.created()
                        ? app.state().createUser(credential.identity(), credential.userType())
                        : app.state().loginIdentity(credential.identity(), credential.userType()));
        User user = login.user();
        if (user.disabled()) {
            throw ServiceError.userDisabled();
        }
        app.loggedIn(user, provider, login.created());
        Session session = app.state()
                .createSession(user.id(), deviceId(body), app.settings().refreshTokenTtl());
        return Response.json(
                200,
                new AuthBodies.Login(
                                tokens.accessToken(app, user, session),
                                tokens.refreshToken(app, user, session),
                                user.id(),
                                session.deviceId())
                        .toDocument());
    }

    private Response link(Request request, EmulatedApp app, Authenticator authenticator) {
        TokenService.Verified caller = tokens.verify(request, TokenService.ACCESS);
        if (caller.app() != app) {
            throw ServiceError.invalidSession("the token belongs to another app");
        }
        Credential credential = authenticator.authenticate(app, request.jsonBody());
        User user;
        if (credential.owner().isPresent()) {
            if (!credential.owner().get().equals(caller.user().id())) {
                throw ServiceError.unauthorized();
            }
            user = caller.user();
        } else {
            user = app.state()
                    .linkIdentity(caller.user().id(), credential.identity())
                    .orElseThrow(ServiceError::unauthorized);
        }
        return Response.json(
                200,
                new AuthBodies.Login(
                                tokens.accessToken(app, user, caller.session()),
                                null,
                                user.id(),
                                caller.session().deviceId())
                        .toDocument());
    }

    /**
     * The device id a client sent back ({@code options.device.deviceId}, as realm-web does), or a new one. Core
     * SDKs never send one.
     */
    private static String deviceId(BsonDocument body) {
        return Optional.ofNullable(body.get("options"))
                .filter(BsonValue::isDocument)
                .map(options -> options.asDocument().get("device"))
                .filter(BsonValue::isDocument)
                .map(device -> device.asDocument().get("deviceId"))
                .flatMap(LoginEndpoint::hexId)
                .filter(id -> !ZERO_DEVICE_ID.equals(id))
                .orElseGet(() -> new ObjectId().toHexString());
    }

    private static Optional<String> hexId(BsonValue value) {
        if (value.isObjectId()) {
            return Optional.of(value.asObjectId().getValue().toHexString());
        }
        if (value.isString() && ObjectId.isValid(value.asString().getValue())) {
            return Optional.of(value.asString().getValue().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
