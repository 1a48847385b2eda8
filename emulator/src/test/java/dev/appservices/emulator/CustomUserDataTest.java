package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ns;
import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom user data from a collection, as {@code custom_user_data.json} configured it: the access token's
 * {@code user_data} is the user's document at login and at every refresh.
 */
class CustomUserDataTest {

    private static final List<BsonDocument> RULES = List.of(BsonDocument.parse("""
            {"database": "sample", "collection": "users", "roles": [{"name": "self",
              "apply_when": {"user_id": "%%user.id"}, "read": true, "write": true}]}"""));

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder("custom")
                    .anonymousAuth()
                    .mongodb("mongodb-atlas", RULES, null)
                    .customUserDataCollection("mongodb-atlas", "sample", "users", "user_id")
                    .defaultCustomData(BsonDocument.parse("{\"plan\": \"none\"}"))
                    .build()));

    @Test
    void refreshSeesTheUsersUpdateOfTheirOwnDocument() {
        WireClient wire = new WireClient(EMULATOR.baseUrl());
        DataClient data = new DataClient(wire, "custom");
        var login = wire.loginAnonymously("custom");
        String userId = login.getString("user_id");
        String refreshToken = login.getString("refresh_token");
        assertEquals(
                BsonDocument.parse("{\"plan\": \"none\"}"),
                userData(login.getString("access_token")),
                "without a document the configured default applies");

        data.call(
                login.getString("access_token"),
                "insertOne",
                "{" + ns("sample", "users") + ",\"document\":{\"user_id\":\"" + userId + "\",\"plan\":\"gold\"}}");
        String refreshed = refresh(wire, refreshToken);
        assertEquals("gold", userData(refreshed).getString("plan").getValue());

        data.call(
                refreshed,
                "updateOne",
                "{" + ns("sample", "users") + ",\"query\":{\"user_id\":\"" + userId
                        + "\"},\"update\":{\"$set\":{\"plan\":\"platinum\"}}}");
        assertEquals(
                "platinum",
                userData(refresh(wire, refreshToken)).getString("plan").getValue());

        var other = wire.loginAnonymously("custom");
        assertFalse(
                userData(other.getString("access_token")).containsKey("user_id"),
                "another user does not get this document");
    }

    private static String refresh(WireClient wire, String refreshToken) {
        WireClient.Reply reply = wire.post(CLIENT + "/auth/session", refreshToken, null);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    private static BsonDocument userData(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return BsonDocument.parse(payload).getDocument("user_data", new BsonDocument());
    }
}
