package dev.appservices.emulator.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The stored form of users: the values a reader knows are left out, and every user reads back as it was written. */
class StateDocumentsTest {

    private static final String APP = "documents";

    private static Identity identity(String id, String providerType, Map<String, String> data) {
        return new Identity(id, providerType, Identity.providerIdOf(APP, providerType), data);
    }

    @Test
    void anAnonymousUserIsStoredWithoutWhatTheReaderKnows() {
        User user = new User(
                "6500000000000000000000a1",
                AppState.NORMAL_USER,
                false,
                List.of(identity("6500000000000000000000b1", Identity.ANONYMOUS, Map.of())),
                null,
                1_700_000_000_000L);

        BsonDocument stored = StateDocuments.write(APP, user);

        assertFalse(stored.containsKey("type"), stored.toJson());
        assertFalse(stored.containsKey("disabled"), stored.toJson());
        assertFalse(stored.containsKey(StateDocuments.IDENTITY_KEYS), stored.toJson());
        BsonDocument storedIdentity = stored.getArray("identities").get(0).asDocument();
        assertFalse(storedIdentity.containsKey("providerId"), storedIdentity.toJson());
        assertFalse(storedIdentity.containsKey("data"), storedIdentity.toJson());
        assertEquals(user, StateDocuments.user(stored));
    }

    @Test
    void whatDiffersFromTheDefaultsIsKept() {
        Identity foreign = new Identity("key-1", "api-key", "5f00000000000000000000c1", Map.of("name", "ci"));
        User user = new User(
                "6500000000000000000000a2",
                AppState.SERVER_USER,
                true,
                List.of(foreign, identity("6500000000000000000000b2", "local-userpass", Map.of("email", "a@b.c"))),
                "{\"plan\": \"gold\"}",
                1_700_000_000_000L);

        BsonDocument stored = StateDocuments.write(APP, user);

        assertEquals(AppState.SERVER_USER, stored.getString("type").getValue());
        assertEquals(
                foreign.providerId(),
                stored.getArray("identities")
                        .get(0)
                        .asDocument()
                        .getString("providerId")
                        .getValue());
        assertEquals(user, StateDocuments.user(stored));
    }

    @Test
    void aUserOfAnEarlierDataFileNamesItsProviderIds() {
        // the data file of an earlier version has no app field: its identities must name their provider
        BsonDocument written = BsonDocument.parse("{_id: '6500000000000000000000a3', type: 'normal', createdAt: 1,"
                + " identities: [{id: 'x', providerType: 'anon-user', providerId: '5f00000000000000000000c2'}]}");
        assertEquals(
                "5f00000000000000000000c2",
                StateDocuments.user(written).identities().get(0).providerId());

        written.getArray("identities").get(0).asDocument().remove("providerId");
        assertThrows(IllegalArgumentException.class, () -> StateDocuments.user(written));
    }
}
