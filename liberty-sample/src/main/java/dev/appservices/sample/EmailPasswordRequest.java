package dev.appservices.sample;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of a registration or an email/password login; Bean Validation checks it before the resource runs
 * ({@link ConstraintViolationMapper} answers a violation).
 *
 * @param email    the email address
 * @param password the password; never part of {@link #toString()}
 */
public record EmailPasswordRequest(
        @NotBlank @Email String email, @NotBlank String password) {

    @Override
    public String toString() {
        return "EmailPasswordRequest[email=" + email + "]";
    }
}
