package dev.appservices.sample;

/**
 * The body of an email confirmation: the two values of the confirmation link.
 *
 * @param token   the token; never part of {@link #toString()}
 * @param tokenId the token id
 */
public record ConfirmationRequest(String token, String tokenId) {

    @Override
    public String toString() {
        return "ConfirmationRequest[tokenId=" + tokenId + "]";
    }
}
