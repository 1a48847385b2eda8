package dev.appservices.sample;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.emulator.PendingToken;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Email/password accounts of App {@code sample}: {@code POST /sample/api/accounts} registers one,
 * {@code POST /sample/api/accounts/confirmation} confirms it with the token and token id of the confirmation email.
 * The embedded emulator sends no email, so {@code GET /sample/api/accounts/confirmations} lists the pending
 * confirmations it knows (404 with another backend, which sends real emails).
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @Inject
    EmbeddedEmulator emulator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid EmailPasswordRequest request) {
        app.emailPasswordAuth().registerUser(request.email(), request.password());
        return Response.noContent().build();
    }

    @GET
    @Path("confirmations")
    public List<PendingToken> pendingConfirmations() {
        URI baseUrl = app.baseUrl();
        return emulator.adminServing(baseUrl)
                .orElseThrow(() -> SampleMessages.noEmulatorAdmin(baseUrl))
                .pendingConfirmations(SampleApp.ID);
    }

    @POST
    @Path("confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid ConfirmationRequest request) {
        app.emailPasswordAuth().confirmUser(request.token(), request.tokenId());
        return Response.noContent().build();
    }
}
