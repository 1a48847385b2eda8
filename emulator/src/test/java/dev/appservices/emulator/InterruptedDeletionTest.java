package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.JsonObject;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * A user deletion that an emulator began and did not finish (it died after marking the user's document deleted, the
 * first of its steps) leaves no half-written user: the user is gone at once for every emulator, and the next one to
 * start finishes the deletion, so the email can be registered anew.
 */
class InterruptedDeletionTest {

    private static final String APP = "kept";

    private static AppServicesEmulator start(StandaloneStore store) {
        return store.emulator(AppDefinition.builder(APP).emailPasswordAuth(true).build())
                .start();
    }

    @Test
    void theNextEmulatorToStartFinishesADeletionLeftHalfDone() {
        try (StandaloneStore store = new StandaloneStore();
                MongoClient driver = MongoClients.create(store.uri())) {
            String access;
            try (AppServicesEmulator first = start(store)) {
                WireClient client = new WireClient(first.baseUrl());
                client.register(APP, "ana@example.com", "password1");
                JsonObject login = client.login(
                        APP, "local-userpass", "{\"username\":\"ana@example.com\",\"password\":\"password1\"}");
                access = login.getString("access_token");
                MongoDatabase state = driver.getDatabase(AppServicesEmulator.DEFAULT_STATE_DATABASE);
                // what deleteUser's first step writes, and all it wrote before its process died
                assertEquals(
                        1,
                        state.getCollection("users")
                                .updateOne(
                                        new BsonDocument("_id", new BsonString(login.getString("user_id"))),
                                        BsonDocument.parse("{\"$set\": {\"deleted\": true}}"))
                                .getModifiedCount());
                assertEquals(0, first.admin().users(APP).size(), "a user marked deleted is gone at once");
                assertEquals(
                        "InvalidSession",
                        client.get(CLIENT + "/auth/profile", access).errorCode(401));
                assertEquals(1, state.getCollection("accounts").countDocuments(), "its account is still there");
            }
            try (AppServicesEmulator next = start(store)) {
                MongoDatabase state = driver.getDatabase(AppServicesEmulator.DEFAULT_STATE_DATABASE);
                assertEquals(0, state.getCollection("accounts").countDocuments(), "the account went at start");
                assertEquals(0, state.getCollection("sessions").countDocuments(), "and so did the session");
                assertEquals(0, state.getCollection("users").countDocuments(), "and then the user's document");
                new WireClient(next.baseUrl()).register(APP, "ana@example.com", "password1");
            }
        }
    }
}
