package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of a login response; all four fields are required after a login, only the access token after a link.
 *
 * @param accessToken  the access token (a JWT)
 * @param refreshToken the refresh token (a JWT)
 * @param userId       the server's user id
 * @param deviceId     the device id, {@code 000000000000000000000000} when the server assigned none
 */
public record LoginResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("user_id") String userId,
        @JsonbProperty("device_id") String deviceId) {

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "LoginResponse[userId=" + userId + ", deviceId=" + deviceId + "]";
    }
}
