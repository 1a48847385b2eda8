package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo configuration's data: every user reads every note of {@code sample.notes} and writes only the
 * notes whose {@code owner_id} is theirs; custom user data comes from {@code sample.users} by {@code user_id}.
 */
@AppServicesEmulatorTest
class DemoDataTest {

    @Test
    void notesAreReadByAllAndWrittenByTheirOwner(URI baseUrl) {
        for (String appId : new String[] {"sample", "sample-auto"}) {
            WireClient wire = new WireClient(baseUrl);
            DataClient data = new DataClient(wire, appId);
            var ana = wire.loginAnonymously(appId);
            String anaToken = ana.getString("access_token");
            String bobToken = data.anonymousToken();
            data.call(
                    anaToken,
                    "insertOne",
                    "{" + ns("sample", "notes") + ",\"document\":{\"_id\":\"" + appId + "\",\"owner_id\":\""
                            + ana.getString("user_id") + "\",\"text\":\"hello\"}}");
            assertEquals(
                    new BsonInt64(1),
                    data.call(
                            bobToken,
                            "count",
                            "{" + ns("sample", "notes") + ",\"query\":{\"_id\":\"" + appId + "\"}}"));
            assertEquals(
                    "NoMatchingRuleFound",
                    data.send(
                                    bobToken,
                                    "deleteOne",
                                    "{" + ns("sample", "notes") + ",\"query\":{\"_id\":\"" + appId + "\"}}")
                            .errorCode(403));
            assertEquals(
                    BsonDocument.parse("{\"deletedCount\": 1}"),
                    data.call(
                            anaToken,
                            "deleteOne",
                            "{" + ns("sample", "notes") + ",\"query\":{\"_id\":\"" + appId + "\"}}"));
        }
    }

    @Test
    void customUserDataComesFromSampleUsers(URI baseUrl) {
        WireClient wire = new WireClient(baseUrl);
        DataClient data = new DataClient(wire, "sample");
        var login = wire.loginAnonymously("sample");
        String userId = login.getString("user_id");
        data.call(
                login.getString("access_token"),
                "insertOne",
                "{" + ns("sample", "users") + ",\"document\":{\"user_id\":\"" + userId + "\",\"plan\":\"gold\"}}");
        WireClient.Reply whoami = wire.post(
                WireClient.CLIENT + "/app/sample/functions/call",
                login.getString("access_token"),
                "{\"name\":\"whoami\",\"arguments\":[]}");
        assertEquals(
                "gold",
                BsonDocument.parse(whoami.body())
                        .getDocument("custom_data")
                        .getString("plan")
                        .getValue());
    }
}
