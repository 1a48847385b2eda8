package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's own state database is out of the MongoDB service's reach, for users and for the admin API. */
class StateDatabaseTest {

    @Test
    void theMongoServiceCannotReachTheStateDatabase() {
        try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                .app(AppDefinition.builder("kept")
                        .anonymousAuth()
                        .mongodb(DataClient.SERVICE, List.of(), DataClient.ALLOW_ALL)
                        .build())
                .stateDatabase("emulator_state")
                .start()) {
            DataClient data = new DataClient(new WireClient(emulator.baseUrl()), "kept");
            WireClient.Reply reply =
                    data.send(data.anonymousToken(), "find", "{" + ns("emulator_state", "users") + "}");
            assertEquals("NoMatchingRuleFound", reply.errorCode(403));
            assertTrue(reply.json().getString("error").startsWith("APPSVC0537: "), reply.body());
            WireClient.Reply admin = data.wire().get("/emulator/v1/apps/kept/data/emulator_state/users", null);
            assertEquals("NoMatchingRuleFound", admin.errorCode(403));
            assertEquals(
                    204,
                    data.wire()
                            .delete("/emulator/v1/apps/kept/data/__appservices", null)
                            .status(),
                    "the default name is an ordinary database when another one holds the state");
        }
    }
}
