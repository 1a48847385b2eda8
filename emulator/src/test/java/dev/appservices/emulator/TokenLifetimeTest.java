package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token expiry with short lifetimes (a one-second access token and a three-second session), judged by the
 * emulator's clock, which the tests move forward instead of sleeping.
 */
class TokenLifetimeTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder("short")
                    .anonymousAuth()
                    .accessTokenTtl(Duration.ofSeconds(1))
                    .refreshTokenTtl(Duration.ofSeconds(3))
                    .build()));

    @Test
    void expiredTokensGetInvalidSession() {
        WireClient client = new WireClient(EMULATOR.baseUrl());
        JsonObject login = client.loginAnonymously("short");
        JsonObject access = WireClient.claims(login.getString("access_token"));
        long lifetime = access.getJsonNumber("exp").longValue()
                - access.getJsonNumber("iat").longValue();
        assertTrue(lifetime >= 1 && lifetime <= 2, "exp - iat = " + lifetime);
        JsonObject refresh = WireClient.claims(login.getString("refresh_token"));
        long sessionLifetime = refresh.getJsonNumber("exp").longValue()
                - access.getJsonNumber("iat").longValue();
        assertTrue(sessionLifetime >= 3 && sessionLifetime <= 4, "refresh exp - iat = " + sessionLifetime);
        assertEquals(
                200,
                client.get(CLIENT + "/auth/profile", login.getString("access_token"))
                        .status());

        // exp is rounded up to the next whole second: two seconds later the access token has expired for sure
        EMULATOR.admin().advanceClock(Duration.ofMillis(2_050));
        WireClient.Reply expired = client.get(CLIENT + "/auth/profile", login.getString("access_token"));
        assertEquals("InvalidSession", expired.errorCode(401));
        assertEquals("invalid session: access token expired", expired.json().getString("error"));
        WireClient.Reply refreshed = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null);
        assertEquals(201, refreshed.status(), refreshed.body());
        assertEquals(
                200,
                client.get(CLIENT + "/auth/profile", refreshed.json().getString("access_token"))
                        .status());

        EMULATOR.admin().advanceClock(Duration.ofSeconds(2));
        WireClient.Reply ended = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null);
        assertEquals("InvalidSession", ended.errorCode(401));
        assertEquals("invalid session: refresh token expired", ended.json().getString("error"));
    }

    @Test
    void tokensAreIssuedAtTheTimeOfTheGivenClock() {
        Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
        try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                .app(AppDefinition.builder("fixed").anonymousAuth().build())
                .clock(Clock.fixed(fixed, ZoneOffset.UTC))
                .start()) {
            JsonObject login = new WireClient(emulator.baseUrl()).loginAnonymously("fixed");
            JsonObject claims = WireClient.claims(login.getString("access_token"));
            assertEquals(fixed.getEpochSecond(), claims.getJsonNumber("iat").longValue());
            assertEquals(
                    fixed.getEpochSecond() + 1800, claims.getJsonNumber("exp").longValue());
            assertEquals(fixed.plusSeconds(60), emulator.admin().advanceClock(Duration.ofSeconds(60)));
        }
    }

    @Test
    void theClockOnlyMovesForward() {
        WireClient client = new WireClient(EMULATOR.baseUrl());
        for (String body : new String[] {"{\"seconds\":-1}", "{\"seconds\":\"5\"}", "{}"}) {
            WireClient.Reply reply = client.post("/emulator/v1/clock/advance", null, body);
            assertEquals("InvalidParameter", reply.errorCode(400), body);
            assertTrue(reply.json().getString("error").startsWith("APPSVC0547: "), reply.body());
        }
        EmulatorException failure =
                assertThrows(EmulatorException.class, () -> EMULATOR.admin().advanceClock(Duration.ofSeconds(-1)));
        assertTrue(failure.getMessage().startsWith("APPSVC0560: "), failure.getMessage());
    }
}
