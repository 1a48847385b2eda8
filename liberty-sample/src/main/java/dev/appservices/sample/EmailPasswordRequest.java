package dev.appservices.sample;

/**
 * The body of a registration or an email/password login.
 *
 * @param email    the email address
 * @param password the password; never part of {@link #toString()}
 */
public record EmailPasswordRequest(String email, String password) {

    @Override
    public String toString() {
        return "EmailPasswordRequest[email=" + email + "]";
    }
}
