package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bson.BsonDocument;

/**
 * The function endpoint (protocol.md §8). Part of {@link AppServicesApi}; paths are relative to its
 * {@code /api/client/v2.0}. The body is a BSON document written as canonical Extended JSON; the result comes back as
 * text because a function may return any Extended JSON value (a scalar, an array, {@code null}), which the BSON
 * library then parses.
 */
public interface FunctionsApi {

    /**
     * {@code POST /app/{appId}/functions/call} with the access token.
     *
     * @param appId         the app id
     * @param authorization {@code Bearer <access token>}
     * @param body          {@code {"arguments": [...], "name": ...}}, in that key order
     * @return the function's result as Extended JSON text
     */
    @POST
    @Path("/app/{appId}/functions/call")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String callFunction(
            @PathParam("appId") String appId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            BsonDocument body);

    /**
     * {@code GET /app/{appId}/functions/call?baas_request=...} with the access token: a streaming function call
     * (data-and-sync.md §2), answered with server-sent events. The token travels in the header, as realm-web sends
     * it, so that the usual refresh on 401 applies.
     *
     * @param appId         the app id
     * @param request       the standard base64 of the canonical Extended JSON of
     *                      {@code {"arguments": [...], "name": "watch", "service": ...}}
     * @param authorization {@code Bearer <access token>}
     * @return the open response; its entity is the event stream, which the caller reads and closes
     */
    @GET
    @Path("/app/{appId}/functions/call")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Response watch(
            @PathParam("appId") String appId,
            @QueryParam("baas_request") String request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
