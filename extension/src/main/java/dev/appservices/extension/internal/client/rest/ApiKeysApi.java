package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The user API-key endpoints (protocol.md §7), always with the user's refresh token. They carry no app id: the token
 * identifies the app. Part of {@link AppServicesApi}; paths are relative to its {@code /api/client/v2.0}. Key ids are
 * 24-digit hex strings.
 */
public interface ApiKeysApi {

    /**
     * {@code POST /auth/api_keys}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @param body          the key name
     * @return the new key, with its secret value
     */
    @POST
    @Path("/auth/api_keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ApiKeyResponse createApiKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ApiKeyNameBody body);

    /**
     * {@code GET /auth/api_keys/{id}}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @param id            the key id
     * @return the key, without its secret value
     */
    @GET
    @Path("/auth/api_keys/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ApiKeyResponse fetchApiKey(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    /**
     * {@code GET /auth/api_keys}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @return every key of the user, without secret values
     */
    @GET
    @Path("/auth/api_keys")
    @Produces(MediaType.APPLICATION_JSON)
    List<ApiKeyResponse> fetchApiKeys(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * {@code DELETE /auth/api_keys/{id}}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @param id            the key id
     */
    @DELETE
    @Path("/auth/api_keys/{id}")
    void deleteApiKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    /**
     * {@code PUT /auth/api_keys/{id}/enable}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @param id            the key id
     */
    @PUT
    @Path("/auth/api_keys/{id}/enable")
    void enableApiKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);

    /**
     * {@code PUT /auth/api_keys/{id}/disable}.
     *
     * @param authorization {@code Bearer <refresh token>}
     * @param id            the key id
     */
    @PUT
    @Path("/auth/api_keys/{id}/disable")
    void disableApiKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}
