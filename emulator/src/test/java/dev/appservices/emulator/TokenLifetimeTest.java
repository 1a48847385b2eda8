package dev.appservices.emulator;

import java.time.Duration;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token expiry with short lifetimes: a one-second access token and a three-second session. */
class TokenLifetimeTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder
            .app(AppDefinition.builder("short").anonymousAuth()
                    .accessTokenTtl(Duration.ofSeconds(1))
                    .refreshTokenTtl(Duration.ofSeconds(3))
                    .build()));

    @Test
    void expiredTokensGetInvalidSession() throws InterruptedException {
        WireClient client = new WireClient(EMULATOR.baseUrl());
        long loggedInAt = System.currentTimeMillis();
        JsonObject login = client.loginAnonymously("short");
        JsonObject access = WireClient.claims(login.getString("access_token"));
        long lifetime = access.getJsonNumber("exp").longValue() - access.getJsonNumber("iat").longValue();
        assertTrue(lifetime >= 1 && lifetime <= 2, "exp - iat = " + lifetime);
        JsonObject refresh = WireClient.claims(login.getString("refresh_token"));
        assertTrue(refresh.getJsonNumber("exp").longValue() * 1000 >= loggedInAt + 3_000);
        assertEquals(200, client.get(CLIENT + "/auth/profile", login.getString("access_token")).status());

        // exp is rounded up to the next whole second: after two seconds the access token has expired for sure
        sleepUntil(loggedInAt + 2_050);
        WireClient.Reply expired = client.get(CLIENT + "/auth/profile", login.getString("access_token"));
        assertEquals("InvalidSession", expired.errorCode(401));
        assertEquals("invalid session: access token expired", expired.json().getString("error"));
        WireClient.Reply refreshed = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null);
        assertEquals(201, refreshed.status(), refreshed.body());
        assertEquals(200, client.get(CLIENT + "/auth/profile", refreshed.json().getString("access_token")).status());

        sleepUntil(refresh.getJsonNumber("exp").longValue() * 1000 + 50);
        assertEquals("InvalidSession",
                client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null).errorCode(401));
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
