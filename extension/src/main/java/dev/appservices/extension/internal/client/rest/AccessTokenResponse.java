package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of a session refresh: the new access token.
 *
 * @param accessToken the access token (a JWT)
 */
public record AccessTokenResponse(
        @JsonbProperty("access_token") String accessToken) {

    /** Never shows the token. */
    @Override
    public String toString() {
        return "AccessTokenResponse[***]";
    }
}
