package dev.appservices.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of an email confirmation: the two values of the confirmation link.
 *
 * @param token   the token; never part of {@link #toString()}
 * @param tokenId the token id
 */
public record ConfirmationRequest(
        @NotBlank String token, @NotBlank String tokenId) {

    @Override
    public String toString() {
        return "ConfirmationRequest[tokenId=" + tokenId + "]";
    }
}
