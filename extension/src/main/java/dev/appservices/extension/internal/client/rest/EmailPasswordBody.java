package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of a registration.
 *
 * @param email    the email address
 * @param password the password
 */
public record EmailPasswordBody(
        @JsonbProperty("email") String email,
        @JsonbProperty("password") String password) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "EmailPasswordBody[email=" + email + "]";
    }
}
