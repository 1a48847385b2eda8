package dev.appservices.sample;

import dev.appservices.App;
import dev.appservices.AppServices;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The backend of App {@code sample}: {@code GET /sample/api/backend} tells which one it uses;
 * {@code PUT /sample/api/backend} with {@code {"baseUrl": "..."}} switches it at run time with
 * {@code App.updateBaseUrl}, which checks the new backend with a location request and then writes the URL into the
 * extension's dynamic config source; {@code DELETE /sample/api/backend} goes back to the configured backend (or the
 * embedded emulator).
 */
@Path("backend")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackendResource {

    @Inject
    @AppServices(id = "sample")
    App app;

    @Inject
    EmbeddedEmulator emulator;

    @GET
    public BackendView backend() {
        URI baseUrl = app.baseUrl();
        return new BackendView(baseUrl, emulator.adminServing(baseUrl).isPresent());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public BackendView switchTo(@NotNull(message = SampleMessages.BODY_REQUIRED) @Valid BackendRequest request) {
        String text = request.baseUrl();
        URI baseUrl;
        try {
            baseUrl = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw SampleMessages.malformedBaseUrl(e.getMessage());
        }
        try {
            app.updateBaseUrl(baseUrl);
        } catch (IllegalArgumentException e) {
            // the App's own check of the URL (absolute http or https, no user info, ...), with its coded message
            throw ErrorView.failure(Status.BAD_REQUEST, e.getMessage());
        }
        return backend();
    }

    @DELETE
    public BackendView reset() {
        app.updateBaseUrl(null);
        return backend();
    }
}
