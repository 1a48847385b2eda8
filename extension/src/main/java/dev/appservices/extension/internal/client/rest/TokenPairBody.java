package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of a confirmation: the token pair of the confirmation email.
 *
 * @param token   the token
 * @param tokenId the token id
 */
public record TokenPairBody(
        @JsonbProperty("token") String token,
        @JsonbProperty("tokenId") String tokenId) {

    /** Never shows the token. */
    @Override
    public String toString() {
        return "TokenPairBody[***]";
    }
}
