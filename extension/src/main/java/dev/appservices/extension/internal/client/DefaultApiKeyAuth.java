package dev.appservices.extension.internal.client;

import dev.appservices.ApiKey;
import dev.appservices.ApiKeyAuth;
import dev.appservices.extension.internal.client.SessionManager.Bearer;
import dev.appservices.extension.internal.client.rest.ApiKeyNameBody;
import dev.appservices.extension.internal.client.rest.ApiKeyResponse;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.bson.types.ObjectId;

/**
 * The {@link ApiKeyAuth} of one user (protocol.md §7): the {@code /auth/api_keys} endpoints with the user's refresh
 * token, through {@link SessionManager}, which logs the user out when the server answers 401 (as the SDKs do: a
 * refused refresh token means the session is over). Key ids are checked locally to be ObjectIds in hex, so that no
 * other text ends up in a request path. Immutable and thread-safe; created on demand by {@link DefaultUser#apiKeys()}.
 */
final class DefaultApiKeyAuth implements ApiKeyAuth {

    private final DefaultApp app;
    private final String userId;

    DefaultApiKeyAuth(DefaultApp app, String userId) {
        this.app = app;
        this.userId = userId;
    }

    @Override
    public ApiKey create(String name) {
        ApiKeyNameBody body = new ApiKeyNameBody(Objects.requireNonNull(name, "name"));
        Request endpoint = Endpoint.CREATE_API_KEY.request();
        ApiKeyResponse created = send(endpoint, (api, authorization) -> api.createApiKey(authorization, body));
        if (created != null && created.key() == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint.description(), "key");
        }
        return toApiKey(created, endpoint);
    }

    @Override
    public CompletionStage<ApiKey> createAsync(String name) {
        Objects.requireNonNull(name, "name");
        return app.async(() -> create(name));
    }

    @Override
    public ApiKey fetch(String id) {
        String keyId = requireKeyId(id);
        Request endpoint = Endpoint.FETCH_API_KEY.request(keyId);
        return toApiKey(send(endpoint, (api, authorization) -> api.fetchApiKey(authorization, keyId)), endpoint);
    }

    @Override
    public CompletionStage<ApiKey> fetchAsync(String id) {
        requireKeyId(id);
        return app.async(() -> fetch(id));
    }

    @Override
    public List<ApiKey> fetchAll() {
        Request endpoint = Endpoint.FETCH_API_KEYS.request();
        List<ApiKeyResponse> keys = send(endpoint, (api, authorization) -> api.fetchApiKeys(authorization));
        if (keys == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint.description(), "[]");
        }
        return keys.stream().map(key -> toApiKey(key, endpoint)).toList();
    }

    @Override
    public CompletionStage<List<ApiKey>> fetchAllAsync() {
        return app.async(this::fetchAll);
    }

    @Override
    public void delete(String id) {
        String keyId = requireKeyId(id);
        sendWithoutAnswer(Endpoint.DELETE_API_KEY, keyId, AppServicesApi::deleteApiKey);
    }

    @Override
    public CompletionStage<Void> deleteAsync(String id) {
        requireKeyId(id);
        return async(() -> delete(id));
    }

    @Override
    public void enable(String id) {
        String keyId = requireKeyId(id);
        sendWithoutAnswer(Endpoint.ENABLE_API_KEY, keyId, AppServicesApi::enableApiKey);
    }

    @Override
    public CompletionStage<Void> enableAsync(String id) {
        requireKeyId(id);
        return async(() -> enable(id));
    }

    @Override
    public void disable(String id) {
        String keyId = requireKeyId(id);
        sendWithoutAnswer(Endpoint.DISABLE_API_KEY, keyId, AppServicesApi::disableApiKey);
    }

    @Override
    public CompletionStage<Void> disableAsync(String id) {
        requireKeyId(id);
        return async(() -> disable(id));
    }

    @Override
    public String toString() {
        return "ApiKeyAuth[appId=" + app.id() + ", userId=" + userId + "]";
    }

    private CompletionStage<Void> async(Runnable operation) {
        return app.async(() -> {
            operation.run();
            return null;
        });
    }

    private <T> T send(Request endpoint, BiFunction<AppServicesApi, String, T> call) {
        return app.sessions().send(userId, Bearer.REFRESH_TOKEN, endpoint, call);
    }

    /** Calls an endpoint that takes the key id and answers nothing of interest. */
    private void sendWithoutAnswer(Endpoint endpoint, String keyId, TriConsumer call) {
        send(endpoint.request(keyId), (api, authorization) -> {
            call.accept(api, authorization, keyId);
            return null;
        });
    }

    /** A Rest Client method taking the {@code Authorization} value and a key id. */
    @FunctionalInterface
    private interface TriConsumer {
        void accept(AppServicesApi api, String authorization, String keyId);
    }

    /** The API value of a server answer; the fields the protocol requires must be there. */
    private ApiKey toApiKey(ApiKeyResponse response, Request request) {
        String endpoint = request.description();
        if (response == null || response.id() == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint, "_id");
        }
        if (response.name() == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint, "name");
        }
        if (response.disabled() == null) {
            throw ClientMessages.missingJsonKey(app.id(), endpoint, "disabled");
        }
        return new ApiKey(response.id(), response.name(), Optional.ofNullable(response.key()), response.disabled());
    }

    private static String requireKeyId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ObjectId.isValid(id)) {
            throw UserOperationMessages.malformedApiKeyId(id);
        }
        return id;
    }
}
