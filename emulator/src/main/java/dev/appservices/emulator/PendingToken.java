package dev.appservices.emulator;

import java.util.Objects;

/**
 * A confirmation or password-reset token that the real service would have sent by email. Clients pass
 * {@code token} and {@code tokenId} to {@code confirm} or {@code reset}. {@link #toString()} omits the token.
 *
 * @param email the account's email
 * @param token the token
 * @param tokenId the token id
 * @since 0.1
 */
public record PendingToken(String email, String token, String tokenId) {

    /**
     * Creates a pending token.
     *
     * @param email the account's email
     * @param token the token
     * @param tokenId the token id
     */
    public PendingToken {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenId, "tokenId");
    }

    @Override
    public String toString() {
        return "PendingToken[email=" + email + "]";
    }
}
