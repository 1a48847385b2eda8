package dev.appservices.sample;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.appservices.App;
import dev.appservices.AppServices;

/** Tells which backend App {@code sample} uses: {@code GET /sample/api/backend}. */
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
}
