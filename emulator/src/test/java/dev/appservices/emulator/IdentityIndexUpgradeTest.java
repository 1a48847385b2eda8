package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * Anonymous users are stored without identity keys, under a sparse identity index; a state database whose index an
 * earlier emulator made (unique, not sparse, which refuses a second document without keys) gets the sparse one when
 * an emulator starts on it, and the identities stay unique.
 */
class IdentityIndexUpgradeTest {

    private static final String APP = "kept";
    private static final BsonDocument IDENTITY_INDEX = new BsonDocument("identityKeys", new BsonInt32(1));

    private static AppServicesEmulator start(StandaloneStore store) {
        return store.emulator(AppDefinition.builder(APP)
                        .anonymousAuth()
                        .emailPasswordAuth(true)
                        .build())
                .start();
    }

    @Test
    void anEmulatorMakesTheIdentityIndexOfAnEarlierOneSparseAndStoresAnonymousUsersWithoutIdentityKeys() {
        try (StandaloneStore store = new StandaloneStore();
                MongoClient driver = MongoClients.create(store.uri())) {
            MongoCollection<BsonDocument> users = driver.getDatabase(AppServicesEmulator.DEFAULT_STATE_DATABASE)
                    .getCollection("users", BsonDocument.class);
            // as the emulators before anonymous users went without identity keys made it
            users.createIndex(IDENTITY_INDEX, new IndexOptions().unique(true));
            try (AppServicesEmulator emulator = start(store)) {
                assertIdentityIndexIsUniqueAndSparse(users);
                WireClient client = new WireClient(emulator.baseUrl());
                String first = client.login(APP, "anon-user", "{}").getString("user_id");
                String second = client.login(APP, "anon-user", "{}").getString("user_id");
                for (String anonymous : new String[] {first, second}) {
                    BsonDocument user = users.find(new BsonDocument("_id", new BsonString(anonymous)))
                            .first();
                    assertFalse(user.containsKey("identityKeys"), user.toJson());
                    assertEquals(
                            "anon-user",
                            user.getArray("identities")
                                    .get(0)
                                    .asDocument()
                                    .getString("providerType")
                                    .getValue());
                }
                client.register(APP, "ana@example.com", "password1");
                String ana = client.login(
                                APP, "local-userpass", "{\"username\":\"ana@example.com\",\"password\":\"password1\"}")
                        .getString("user_id");
                assertEquals(3, users.countDocuments());
                BsonDocument copy = users.find(new BsonDocument("_id", new BsonString(ana)))
                        .first()
                        .clone();
                copy.put("_id", new BsonString("another-user"));
                assertEquals(
                        11000,
                        assertThrows(MongoWriteException.class, () -> users.insertOne(copy))
                                .getCode(),
                        "a second owner of an email identity is refused");
            }
            try (AppServicesEmulator again = start(store)) {
                assertIdentityIndexIsUniqueAndSparse(users);
                assertEquals(3, again.admin().users(APP).size());
            }
        }
    }

    private static void assertIdentityIndexIsUniqueAndSparse(MongoCollection<BsonDocument> users) {
        BsonDocument index = users.listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
                .filter(candidate -> candidate.getDocument("key").equals(IDENTITY_INDEX))
                .findFirst()
                .orElseThrow();
        assertTrue(index.getBoolean("unique").getValue(), index.toJson());
        assertTrue(index.getBoolean("sparse", BsonBoolean.FALSE).getValue(), index.toJson());
    }
}
