package dev.appservices.emulator.internal.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Endpoint;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;

/**
 * {@code GET /api/client/v2.0/app/{appId}/location} (protocol.md §1): the app's deployment model and location, and
 * the emulator's own origin as the client reached it as {@code hostname} ({@code ws://…} as {@code ws_hostname}), so
 * that clients keep talking to the address they were configured with. Needs no header. Thread-safe.
 */
public final class LocationEndpoint implements Endpoint {

    private final Apps apps;

    public LocationEndpoint(Apps apps) {
        this.apps = apps;
    }

    /** The location response. */
    @JsonbPropertyOrder({"deploymentModel", "location", "hostname", "wsHostname"})
    public record Location(
            @JsonbProperty("deployment_model") String deploymentModel,
            @JsonbProperty("location") String location,
            @JsonbProperty("hostname") String hostname,
            @JsonbProperty("ws_hostname") String wsHostname) {
    }

    @Override
    public Response handle(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String origin = request.origin();
        return Response.json(200, new Location(app.settings().deploymentModel(), app.settings().location(), origin,
                "ws" + origin.substring("http".length())));
    }
}
