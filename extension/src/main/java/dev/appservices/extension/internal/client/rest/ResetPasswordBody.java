package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of a password reset with the token pair of the reset email.
 *
 * @param password the new password
 * @param token    the token
 * @param tokenId  the token id
 */
public record ResetPasswordBody(
        @JsonbProperty("password") String password,
        @JsonbProperty("token") String token,
        @JsonbProperty("tokenId") String tokenId) {

    /** Never shows the password or the token. */
    @Override
    public String toString() {
        return "ResetPasswordBody[***]";
    }
}
