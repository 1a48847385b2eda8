package dev.appservices.emulator.internal.api;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Endpoint;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import org.bson.BsonDocument;

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
    record Location(String deploymentModel, String location, String hostname, String wsHostname) {

        BsonDocument toDocument() {
            return document()
                    .put("deployment_model", deploymentModel)
                    .put("location", location)
                    .put("hostname", hostname)
                    .put("ws_hostname", wsHostname)
                    .build();
        }
    }

    @Override
    public Response handle(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String origin = request.origin();
        return Response.json(
                200,
                new Location(
                                app.settings().deploymentModel(),
                                app.settings().location(),
                                origin,
                                "ws" + origin.substring("http".length()))
                        .toDocument());
    }
}
