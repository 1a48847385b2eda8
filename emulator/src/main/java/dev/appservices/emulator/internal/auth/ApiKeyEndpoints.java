package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.state.PasswordHasher;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * The user API key endpoints under {@code /api/client/v2.0/auth/api_keys} (protocol.md §7), authorised with the
 * user's refresh token. The secret key is answered once, at creation, and stored only as a hash. Keys need the
 * app's {@code api-key} provider. Thread-safe.
 */
public final class ApiKeyEndpoints {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final TokenService tokens;

    public ApiKeyEndpoints(TokenService tokens) {
        this.tokens = tokens;
    }

    /** {@code POST}: {@code {name}} → 201 {@code {_id, key, name, disabled}}. */
    public Response create(Request request) {
        TokenService.Verified caller = caller(request);
        String name = Fields.requiredString(request.jsonBody(), "name");
        if (!NAME.matcher(name).matches()) {
            throw ServiceError.invalidParameter("can only contain ASCII letters, numbers, underscores, and hyphens");
        }
        String key = PasswordHasher.randomSecret(48);
        ApiKey created = caller.app()
                .state()
                .addApiKey(caller.user().id(), name, PasswordHasher.keyHash(key))
                .orElseThrow(() -> ServiceError.apiKeyAlreadyExists(name));
        return Response.json(
                201, new AuthBodies.ApiKey(created.id(), key, created.name(), created.disabled()).toDocument());
    }

    /** {@code GET}: all keys of the user. */
    public Response list(Request request) {
        TokenService.Verified caller = caller(request);
        List<BsonDocument> keys = caller.app().state().apiKeys(caller.user().id()).stream()
                .map(key -> body(key).toDocument())
                .toList();
        return Response.json(200, new BsonArray(keys));
    }

    /** {@code GET /{keyId}}. */
    public Response fetch(Request request) {
        TokenService.Verified caller = caller(request);
        return caller.app()
                .state()
                .apiKey(caller.user().id(), request.pathParameter("keyId"))
                .map(key -> Response.json(200, body(key).toDocument()))
                .orElseThrow(() -> ServiceError.apiKeyNotFound("API key not found"));
    }

    /** {@code DELETE /{keyId}}. */
    public Response delete(Request request) {
        TokenService.Verified caller = caller(request);
        if (!caller.app().state().deleteApiKey(caller.user().id(), request.pathParameter("keyId"))) {
            throw ServiceError.apiKeyNotFound("API key not found");
        }
        return Response.noContent();
    }

    /** {@code PUT /{keyId}/enable}. */
    public Response enable(Request request) {
        return setDisabled(request, false);
    }

    /** {@code PUT /{keyId}/disable}. */
    public Response disable(Request request) {
        return setDisabled(request, true);
    }

    private Response setDisabled(Request request, boolean disabled) {
        TokenService.Verified caller = caller(request);
        String keyId = request.pathParameter("keyId");
        if (!caller.app().state().setApiKeyDisabled(caller.user().id(), keyId, disabled)) {
            throw ServiceError.apiKeyNotFound("API key with id '" + keyId + "' doesn't exist");
        }
        return Response.noContent();
    }

    private TokenService.Verified caller(Request request) {
        TokenService.Verified caller = tokens.verify(request, TokenService.REFRESH);
        EmulatedApp app = caller.app();
        if (!app.settings().providers().containsKey(ApiKeyAuthenticator.TYPE)) {
            throw ServiceError.providerNotFound(ApiKeyAuthenticator.TYPE);
        }
        return caller;
    }

    private static AuthBodies.ApiKey body(ApiKey key) {
        return new AuthBodies.ApiKey(key.id(), null, key.name(), key.disabled());
    }
}
