package dev.appservices.sample;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Logs in to App {@code sample}, which makes the user its current user: {@code POST /sample/api/login/...}. Every
 * login answers the user as {@link UserView}.
 */
@Path("login")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @Inject
    CreatedApiKeys createdKeys;

    @POST
    @Path("email-password")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView emailPassword(
            @NotNull(message = SampleMessages.BODY_REQUIRED) @Valid EmailPasswordRequest request) {
        return UserView.of(app.logIn(Credentials.emailPassword(request.email(), request.password())));
    }

    @POST
    @Path("anonymous")
    public UserView anonymous() {
        return UserView.of(app.logIn(Credentials.anonymous()));
    }

    /** Logs in with an API key the sample created (see {@link ApiKeyResource}); the page never sees its secret. */
    @POST
    @Path("api-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView apiKey(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid ApiKeyLoginRequest request) {
        String keyId = request.keyId();
        String secret = createdKeys.secret(keyId).orElseThrow(() -> SampleMessages.unknownApiKey(keyId));
        return UserView.of(app.logIn(Credentials.apiKey(secret)));
    }
}
