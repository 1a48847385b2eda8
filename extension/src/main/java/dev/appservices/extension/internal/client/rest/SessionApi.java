package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The endpoints addressed by a user's token (protocol.md §3, §4): profile, session refresh, logout and user
 * deletion. They carry no app id: the token identifies the app. Part of {@link AppServicesApi}; paths are relative
 * to its {@code /api/client/v2.0}. Each takes the whole {@code Authorization} value ({@code Bearer <token>}).
 */
public interface SessionApi {

    /**
     * {@code GET /auth/profile} with the access token.
     *
     * @param authorization {@code Bearer <access token>}
     * @return the profile
     */
    @GET
    @Path("/auth/profile")
    @Produces(MediaType.APPLICATION_JSON)
    ProfileResponse profile(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * {@code POST /auth/session} with the refresh token: a new access token (the refresh token stays).
     *
     * @param authorization {@code Bearer <refresh token>}
     * @return the new access token
     */
    @POST
    @Path("/auth/session")
    @Produces(MediaType.APPLICATION_JSON)
    AccessTokenResponse refreshSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * {@code DELETE /auth/session} with the refresh token: ends the session on the server.
     *
     * @param authorization {@code Bearer <refresh token>}
     */
    @DELETE
    @Path("/auth/session")
    void logOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * {@code DELETE /auth/delete} with the access token: deletes the user on the server.
     *
     * @param authorization {@code Bearer <access token>}
     */
    @DELETE
    @Path("/auth/delete")
    void deleteUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
