package dev.appservices.sample;

/**
 * The body of a registration or an email/password login.
 *
 * @param email    the email address
 * @param password the password; never part of {@link #toString()}
 */
public record EmailPasswordRequest(String email, String password) {

    /**
     * Returns a body that has both fields.
     *
     * @param request   the body, null if the request had none
     * @param operation what the request does, for the message
     * @throws jakarta.ws.rs.WebApplicationException (400) naming the first missing field
     */
    static EmailPasswordRequest checked(EmailPasswordRequest request, String operation) {
        Requests.required(request == null ? null : request.email(), "email", operation);
        Requests.required(request.password(), "password", operation);
        return request;
    }

    @Override
    public String toString() {
        return "EmailPasswordRequest[email=" + email + "]";
    }
}
