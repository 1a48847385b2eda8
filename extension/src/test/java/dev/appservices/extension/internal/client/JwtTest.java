package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Reading tokens (protocol.md §4) and the proactive refresh skew derived from them. */
class JwtTest {

    private static final String HEADER = encode(Base64.getUrlEncoder().withoutPadding(), "{\"alg\":\"HS256\"}");

    @Test
    void readsExpiryIssueTimeAndCustomDataWithTheirExtendedJsonTypes() {
        ObjectId id = new ObjectId();
        Jwt jwt = Jwt.parse(token("{\"exp\":2000000000,\"iat\":1999998200,\"user_data\":{\"team\":{\"$oid\":\""
                        + id.toHexString() + "\"},\"since\":{\"$date\":\"2024-01-02T03:04:05Z\"}}}"))
                .orElseThrow();

        assertEquals(Optional.of(Instant.ofEpochSecond(2_000_000_000L)), jwt.expiresAt());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_999_998_200L)), jwt.issuedAt());
        assertEquals(id, jwt.userData().get("team"));
        assertEquals(
                Date.from(Instant.parse("2024-01-02T03:04:05Z")), jwt.userData().get("since"));
    }

    @Test
    void acceptsBothBase64AlphabetsWithOrWithoutPadding() {
        String payload = "{\"exp\":1,\"user_data\":{\"s\":\"??>>\"}}";
        String standard = HEADER + "." + encode(Base64.getEncoder(), payload) + ".sig";
        String urlSafe = HEADER + "." + encode(Base64.getUrlEncoder().withoutPadding(), payload) + ".sig";

        assertTrue(standard.contains("/") || standard.contains("+") || standard.contains("="), standard);
        assertEquals("??>>", Jwt.parse(standard).orElseThrow().userData().get("s"));
        assertEquals("??>>", Jwt.parse(urlSafe).orElseThrow().userData().get("s"));
    }

    @Test
    void withoutUserDataTheCustomDataIsEmptyAndWithoutExpiryThereIsNone() {
        Jwt jwt = Jwt.parse(token("{\"sub\":\"u\"}")).orElseThrow();

        assertEquals(new Document(), jwt.userData());
        assertEquals(Optional.empty(), jwt.expiresAt());
        assertFalse(
                SessionManager.expiresSoon(jwt, Instant.now()),
                "no expiry, no proactive refresh: the 401 path remains");
    }

    @Test
    void whatIsNotAJwtIsRefused() {
        assertEquals(Optional.empty(), Jwt.parse("not-a-jwt"));
        assertEquals(Optional.empty(), Jwt.parse("a.b"));
        assertEquals(Optional.empty(), Jwt.parse(".e30.sig"));
        assertEquals(Optional.empty(), Jwt.parse(HEADER + ".e30."));
        assertEquals(Optional.empty(), Jwt.parse(HEADER + ".%%%.sig"));
        assertEquals(Optional.empty(), Jwt.parse(token("[1, 2]")));
        assertEquals(Optional.empty(), Jwt.parse(token("{\"exp\":")));
    }

    @Test
    void theRefreshSkewIsTenSecondsOrAQuarterOfAShortLifetime() {
        Instant now = Instant.now();

        assertEquals(Duration.ofSeconds(10), SessionManager.refreshSkew(lived(now, Duration.ofMinutes(30))));
        assertEquals(Duration.ofMillis(500), SessionManager.refreshSkew(lived(now, Duration.ofSeconds(2))));
        assertEquals(
                Duration.ofSeconds(10),
                SessionManager.refreshSkew(Jwt.parse(token("{\"exp\":" + now.getEpochSecond() + "}"))
                        .orElseThrow()));
    }

    @Test
    void aTokenExpiresSoonWithinItsSkewOfExp() {
        Instant now = Instant.now();

        assertFalse(SessionManager.expiresSoon(lived(now.plusSeconds(1), Duration.ofMinutes(30)), now), "fresh");
        assertTrue(
                SessionManager.expiresSoon(lived(now.minusSeconds(1795), Duration.ofMinutes(30)), now),
                "5 s left, within 10 s");
        assertTrue(SessionManager.expiresSoon(lived(now.minusSeconds(3600), Duration.ofMinutes(30)), now), "expired");
        assertFalse(
                SessionManager.expiresSoon(lived(now.minusMillis(500), Duration.ofSeconds(4)), now),
                "3.5 s of 4 left, more than a quarter");
    }

    private static Jwt lived(Instant issued, Duration lifetime) {
        return Jwt.parse(token("{\"iat\":" + issued.getEpochSecond() + ",\"exp\":"
                        + issued.plus(lifetime).getEpochSecond() + "}"))
                .orElseThrow();
    }

    private static String token(String payload) {
        return HEADER + "." + encode(Base64.getUrlEncoder().withoutPadding(), payload) + ".c2ln";
    }

    private static String encode(Base64.Encoder encoder, String text) {
        return encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
