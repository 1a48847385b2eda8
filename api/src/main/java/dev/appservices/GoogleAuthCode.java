package dev.appservices;

/**
 * A Google server auth code, for {@link Credentials#google(GoogleAuthCode)} (sent as {@code authCode}).
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the code.
 *
 * @param code the auth code obtained from Google Sign-In
 * @since 0.1
 */
public record GoogleAuthCode(String code) {

    /**
     * Creates the value.
     *
     * @param code the auth code
     * @throws NullPointerException if {@code code} is null
     */
    public GoogleAuthCode {
        ApiMessages.requireNonNull(code, "code");
    }

    /**
     * Returns a redacted description.
     *
     * @return {@code "GoogleAuthCode[***]"}
     */
    @Override
    public String toString() {
        return "GoogleAuthCode[***]";
    }
}
