package dev.appservices;

/**
 * A Google OpenID Connect id token, for {@link Credentials#google(GoogleIdToken)} (sent as {@code id_token}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the token.
 *
 * @param token the id token (a JWT) obtained from Google Sign-In
 * @since 0.1
 */
public record GoogleIdToken(String token) {

    /**
     * Creates the value.
     *
     * @param token the id token
     * @throws NullPointerException if {@code token} is null
     */
    public GoogleIdToken {
        ApiMessages.requireNonNull(token, "token");
    }

    /**
     * Returns a redacted description.
     *
     * @return {@code "GoogleIdToken[***]"}
     */
    @Override
    public String toString() {
        return "GoogleIdToken[***]";
    }
}
