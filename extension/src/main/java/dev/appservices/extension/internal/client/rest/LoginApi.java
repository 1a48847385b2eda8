package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.bson.BsonDocument;

/**
 * The login endpoints (protocol.md §2). Part of {@link AppServicesApi}; paths are relative to its
 * {@code /api/client/v2.0}. The bodies are BSON documents because a custom-function payload is arbitrary Extended
 * JSON, written as canonical Extended JSON by the client wiring.
 */
public interface LoginApi {

    /**
     * {@code POST /app/{appId}/auth/providers/{provider}/login}.
     *
     * @param appId    the app id
     * @param provider the provider type, such as {@code local-userpass}
     * @param body     the credentials and {@code options.device}
     * @return the tokens, user id and device id
     */
    @POST
    @Path("/app/{appId}/auth/providers/{provider}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    LoginResponse logIn(@PathParam("appId") String appId, @PathParam("provider") String provider, BsonDocument body);

    /**
     * {@code POST /app/{appId}/auth/providers/{provider}/login?link=true}: adds the identity of the credentials to
     * the user of the access token.
     *
     * @param appId         the app id
     * @param provider      the provider type
     * @param link          always {@code true}
     * @param authorization {@code Bearer <access token>} of the user to link to
     * @param body          the credentials and {@code options.device}
     * @return the new access token (the other fields may be absent)
     */
    @POST
    @Path("/app/{appId}/auth/providers/{provider}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    LoginResponse link(
            @PathParam("appId") String appId,
            @PathParam("provider") String provider,
            @QueryParam("link") boolean link,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            BsonDocument body);
}
