package dev.appservices.sample;

import dev.appservices.ApiKey;
import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The API keys of the current user: {@code GET /sample/api/api-keys} lists them, {@code POST /sample/api/api-keys}
 * with {@code {"name": "..."}} creates one. The secret of a new key stays on the server ({@link CreatedApiKeys}); the
 * page logs in with it by key id ({@code POST /sample/api/login/api-key}).
 */
@Path("api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @Inject
    CreatedApiKeys createdKeys;

    @GET
    public List<ApiKeyView> list() {
        return currentUser("list API keys").apiKeys().fetchAll().stream()
                .map(key -> ApiKeyView.of(key, createdKeys.knows(key.id())))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiKeyView create(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid ApiKeyRequest request) {
        String name = request.name();
        ApiKey key = currentUser("create an API key").apiKeys().create(name);
        createdKeys.remember(key.id(), key.key().orElseThrow(() -> SampleMessages.apiKeyWithoutSecret(name)));
        return ApiKeyView.of(key, true);
    }

    private User currentUser(String operation) {
        return app.currentUser().orElseThrow(() -> SampleMessages.noCurrentUser(operation));
    }
}
