package dev.appservices.sample;

/**
 * The body of an email confirmation: the two values of the confirmation link.
 *
 * @param token   the token; never part of {@link #toString()}
 * @param tokenId the token id
 */
public record ConfirmationRequest(String token, String tokenId) {

    /**
     * Returns a body that has both fields.
     *
     * @param request the body, null if the request had none
     * @throws jakarta.ws.rs.WebApplicationException (400) naming the first missing field
     */
    static ConfirmationRequest checked(ConfirmationRequest request) {
        String operation = "confirm a user";
        Requests.required(request == null ? null : request.token(), "token", operation);
        Requests.required(request.tokenId(), "tokenId", operation);
        return request;
    }

    @Override
    public String toString() {
        return "ConfirmationRequest[tokenId=" + tokenId + "]";
    }
}
