package dev.appservices.extension.internal.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bson.BSONException;
import org.bson.Document;
import org.bson.json.JsonParseException;

/**
 * The claims this client reads from an access or refresh token (protocol.md §4): {@code exp}, {@code iat} and
 * {@code user_data}. The signature is never checked (only the server can, and does); the payload is decoded so that
 * expiry and custom user data are known without a request. Immutable.
 *
 * @param expiresAt the {@code exp} claim
 * @param issuedAt  the {@code iat} claim
 * @param userData  the {@code user_data} claim, empty when absent
 */
record Jwt(Optional<Instant> expiresAt, Optional<Instant> issuedAt, Document userData) {

    Jwt {
        userData = new Document(userData);
    }

    @Override
    public Document userData() {
        return new Document(userData);
    }

    /**
     * Reads a token: three dot-separated parts, the middle one a base64 (standard or URL-safe alphabet, padding
     * optional) JSON object. The payload is parsed by the BSON library, so Extended JSON in {@code user_data}
     * (dates, object ids…) keeps its type.
     *
     * @return the claims, or empty if the token is not a readable JWT
     */
    static Optional<Jwt> parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            String payload = parts[1].replace('+', '-').replace('/', '_').replace("=", "");
            Document claims =
                    Document.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            Object userData = claims.get("user_data");
            return Optional.of(new Jwt(
                    instant(claims.get("exp")),
                    instant(claims.get("iat")),
                    userData instanceof Document ? (Document) userData : new Document()));
        } catch (IllegalArgumentException | JsonParseException | BSONException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object seconds) {
        return seconds instanceof Number
                ? Optional.of(Instant.ofEpochSecond(((Number) seconds).longValue()))
                : Optional.empty();
    }

    /** Never shows the claims: custom user data may be personal. */
    @Override
    public String toString() {
        return "Jwt[expiresAt=" + expiresAt.map(Instant::toString).orElse("(none)") + "]";
    }
}
