package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Expired sessions leave the state store even when no client presents them again. */
class SessionSweepTest {

    private static final String APP = "sweep";
    private static final Duration SESSION = Duration.ofHours(1);

    private static AppServicesEmulator emulator(StandaloneStore store, Clock clock) {
        return store.emulator(AppDefinition.builder(APP)
                        .anonymousAuth()
                        .refreshTokenTtl(SESSION)
                        .build())
                .clock(clock)
                .start();
    }

    @Test
    void anEmulatorThatStartsRemovesTheExpiredSessionsAndKeepsTheOthers() {
        try (StandaloneStore store = new StandaloneStore();
                MongoClient client = MongoClients.create(store.uri())) {
            String expiring;
            String living;
            try (AppServicesEmulator first = emulator(store, Clock.systemUTC())) {
                WireClient wire = new WireClient(first.baseUrl());
                expiring = wire.loginAnonymously(APP).getString("refresh_token");
                first.admin().advanceClock(Duration.ofMinutes(40));
                living = wire.loginAnonymously(APP).getString("refresh_token");
            }
            var sessions = client.getDatabase("__appservices").getCollection("sessions", BsonDocument.class);
            assertEquals(2, sessions.countDocuments(), "both sessions are stored");

            // the first session ended an hour after it began, the second one ends 40 minutes later
            try (AppServicesEmulator second =
                    emulator(store, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(70)))) {
                assertEquals(1, sessions.countDocuments(), "the expired session is gone, the live one kept");
                WireClient wire = new WireClient(second.baseUrl());
                assertEquals(
                        201, wire.post(CLIENT + "/auth/session", living, null).status());
                assertEquals(
                        "InvalidSession",
                        wire.post(CLIENT + "/auth/session", expiring, null).errorCode(401));
            }
        }
    }
}
