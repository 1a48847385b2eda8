package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The location endpoint (protocol.md §1): where the app is served. Part of {@link AppServicesApi}; paths are relative
 * to its {@code /api/client/v2.0}.
 */
public interface LocationApi {

    /**
     * {@code GET /app/{appId}/location}, sent to the base URL rather than to the host it answers.
     *
     * @param appId the app id
     * @return the location
     */
    @GET
    @Path("/app/{appId}/location")
    @Produces(MediaType.APPLICATION_JSON)
    LocationResponse location(@PathParam("appId") String appId);
}
