package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Calls the MongoDB service of an app as clients do: {@code POST …/functions/call} with {@code service}, the
 * operation as {@code name} and one argument document; answers are read with {@code org.mongodb:bson}, which keeps
 * the number types the tests assert.
 */
final class DataClient {

    static final String SERVICE = "mongodb-atlas";

    /** A default rule that lets every user read and write every document. */
    static final BsonDocument ALLOW_ALL = BsonDocument.parse(
            "{\"roles\": [{\"name\": \"all\", \"apply_when\": {}, \"read\": true, \"write\": true}]}");

    private final WireClient client;
    private final String appId;

    DataClient(WireClient client, String appId) {
        this.client = client;
        this.appId = appId;
    }

    WireClient wire() {
        return client;
    }

    String anonymousToken() {
        return client.loginAnonymously(appId).getString("access_token");
    }

    /** Sends the call; {@code argument} is the operation's argument document as JSON. */
    WireClient.Reply send(String token, String operation, String argument) {
        return client.post(
                CLIENT + "/app/" + appId + "/functions/call",
                token,
                "{\"name\":\"" + operation + "\",\"arguments\":[" + argument + "],\"service\":\"" + SERVICE + "\"}");
    }

    /** Sends the call, expects 200 and returns the answer. */
    BsonValue call(String token, String operation, String argument) {
        WireClient.Reply reply = send(token, operation, argument);
        assertEquals(200, reply.status(), operation + " " + argument + " -> " + reply.body());
        assertEquals("application/json", reply.contentType().orElseThrow());
        return value(reply.body());
    }

    /** Any JSON value read as Extended JSON. */
    static BsonValue value(String json) {
        return BsonDocument.parse("{\"v\": " + json + "}").get("v");
    }

    /** The argument document's head: {@code "database":…,"collection":…}. */
    static String ns(String database, String collection) {
        return "\"database\":\"" + database + "\",\"collection\":\"" + collection + "\"";
    }
}
