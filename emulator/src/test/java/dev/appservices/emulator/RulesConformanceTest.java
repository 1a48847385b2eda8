package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rules in App Services' format over HTTP: role order, document filters, field visibility, filters, expansions,
 * refused writes that change nothing, denied namespaces.
 */
class RulesConformanceTest {

    private static final String APP = "rules";

    private static final String OWNER_WRITES = """
            "roles": [{"name": "ownerWrites", "apply_when": {},
              "document_filters": {"read": true, "write": {"owner_id": "%%user.id"}},
              "read": true, "write": {"owner_id": "%%user.id"}, "insert": true, "delete": true}]}""";

    private static final List<BsonDocument> RULES = List.of(
            BsonDocument.parse("{\"database\": \"db\", \"collection\": \"notes\"," + OWNER_WRITES),
            BsonDocument.parse("{\"database\": \"db\", \"collection\": \"ordered\"," + OWNER_WRITES),
            BsonDocument.parse("""
                {"database": "db", "collection": "profiles", "roles": [
                  {"name": "admin", "apply_when": {"%%user.custom_data.admin": true}, "read": true, "write": true},
                  {"name": "public", "apply_when": {}, "fields": {"name": {"read": true}, "bio": {"write": true}},
                   "additional_fields": {}}]}"""),
            BsonDocument.parse("""
                {"database": "db", "collection": "teams", "roles": [{"name": "member", "apply_when": {},
                  "document_filters": {"read": {"team": "%%user.custom_data.team"},
                                       "write": {"team": "%%user.custom_data.team"}},
                  "read": true, "write": true, "insert": false}]}"""),
            BsonDocument.parse("""
                {"database": "db", "collection": "filtered",
                 "roles": [{"name": "all", "apply_when": {"%%user.type": "normal"}, "read": true}],
                 "filters": [{"name": "region", "apply_when": {}, "query": {"region": "%%values.region"},
                              "projection": {"secret": 0}}]}"""),
            BsonDocument.parse("""
                {"database": "db", "collection": "oids", "roles": [{"name": "owner",
                  "apply_when": {"owner": {"%stringToOid": "%%user.id"}}, "read": true, "write": true}]}"""),
            BsonDocument.parse("""
                {"database": "db", "collection": "locks", "roles": [{"name": "unlocked",
                  "apply_when": {"%%user.id": {"%oidToString": "%%root.owner"}}, "read": true,
                  "write": {"%%prevRoot.locked": {"$ne": true}}}]}"""));

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP)
                    .anonymousAuth()
                    .mongodb("mongodb-atlas", RULES, null, BsonDocument.parse("{\"region\": \"eu\"}"))
                    .build())
            .function(
                    APP,
                    "readAsCaller",
                    (context, arguments) -> context.mongoService("mongodb-atlas")
                            .orElseThrow()
                            .call("db", arguments.get(0).asString().getValue(), "count", new BsonDocument())));

    private static DataClient data;
    private static EmulatorAdmin admin;
    private static String ana;
    private static String anaId;
    private static String bob;
    private static String bobId;

    @BeforeAll
    static void login() {
        WireClient wire = new WireClient(EMULATOR.baseUrl());
        data = new DataClient(wire, APP);
        admin = EMULATOR.admin();
        var anaLogin = wire.loginAnonymously(APP);
        ana = anaLogin.getString("access_token");
        anaId = anaLogin.getString("user_id");
        var bobLogin = wire.loginAnonymously(APP);
        bob = bobLogin.getString("access_token");
        bobId = bobLogin.getString("user_id");
    }

    @Test
    void usersReadEveryNoteAndWriteOnlyTheirOwn() {
        data.call(
                ana,
                "insertOne",
                "{" + ns("db", "notes") + ",\"document\":{\"_id\":\"ana-1\",\"owner_id\":\"" + anaId
                        + "\",\"text\":\"mine\"}}");
        WireClient.Reply forged = data.send(
                ana,
                "insertOne",
                "{" + ns("db", "notes") + ",\"document\":{\"_id\":\"forged\",\"owner_id\":\"" + bobId + "\"}}");
        assertEquals("NoMatchingRuleFound", forged.errorCode(403));
        assertTrue(forged.body().contains("insert not permitted for namespace 'db.notes'"), forged.body());
        data.call(
                bob,
                "insertOne",
                "{" + ns("db", "notes") + ",\"document\":{\"_id\":\"bob-1\",\"owner_id\":\"" + bobId
                        + "\",\"text\":\"his\"}}");
        assertEquals(
                2,
                data.call(bob, "find", "{" + ns("db", "notes") + ",\"query\":{}}")
                        .asArray()
                        .size());

        List<BsonDocument> before = admin.documents(APP, "db", "notes");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                bob,
                                "updateOne",
                                "{" + ns("db", "notes")
                                        + ",\"query\":{\"_id\":\"ana-1\"},\"update\":{\"$set\":{\"text\":\"hacked\"}}}")
                        .errorCode(403));
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                bob,
                                "updateMany",
                                "{" + ns("db", "notes") + ",\"query\":{},\"update\":{\"$set\":{\"text\":\"all\"}}}")
                        .errorCode(403));
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                bob,
                                "findOneAndUpdate",
                                "{" + ns("db", "notes")
                                        + ",\"filter\":{},\"sort\":{\"_id\":1},\"update\":{\"$set\":{\"text\":\"x\"}}}")
                        .errorCode(403));
        assertEquals(
                "NoMatchingRuleFound",
                data.send(bob, "deleteOne", "{" + ns("db", "notes") + ",\"query\":{\"_id\":\"ana-1\"}}")
                        .errorCode(403));
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                bob,
                                "updateOne",
                                "{" + ns("db", "notes")
                                        + ",\"query\":{\"_id\":\"bob-1\"},\"update\":{\"$set\":{\"owner_id\":\"" + anaId
                                        + "\"}}}")
                        .errorCode(403),
                "giving a note away is a write to a note that is not one's own");
        assertEquals(before, admin.documents(APP, "db", "notes"), "refused writes change nothing");

        data.call(
                bob,
                "updateOne",
                "{" + ns("db", "notes")
                        + ",\"query\":{\"_id\":\"bob-1\"},\"update\":{\"$set\":{\"text\":\"edited\"}}}");
        assertEquals(
                BsonDocument.parse("{\"deletedCount\": 1}"),
                data.call(bob, "deleteOne", "{" + ns("db", "notes") + ",\"query\":{\"_id\":\"bob-1\"}}"));
    }

    @Test
    void aWriteRefusedHalfWayRestoresWhatItChanged() {
        admin.insertDocuments(
                APP,
                "db",
                "ordered",
                List.of(
                        BsonDocument.parse("{\"_id\": 1, \"owner_id\": \"" + bobId + "\", \"n\": 1}"),
                        BsonDocument.parse("{\"_id\": 2, \"owner_id\": \"" + anaId + "\", \"n\": 2}")));
        List<BsonDocument> before = admin.documents(APP, "db", "ordered");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                bob,
                                "updateMany",
                                "{" + ns("db", "ordered") + ",\"query\":{},\"update\":{\"$inc\":{\"n\":10}}}")
                        .errorCode(403));
        assertEquals(before, admin.documents(APP, "db", "ordered"), "bob's own document, changed first, is restored");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(bob, "deleteMany", "{" + ns("db", "ordered") + ",\"query\":{}}")
                        .errorCode(403));
        assertEquals(before, admin.documents(APP, "db", "ordered"), "a refused delete deletes nothing");
    }

    @Test
    void theFirstRoleThatAppliesDecidesWhichFieldsAreVisible() {
        admin.insertDocuments(
                APP,
                "db",
                "profiles",
                List.of(BsonDocument.parse(
                        "{\"_id\": \"p1\", \"name\": \"Ana\", \"email\": \"ana@example.com\", \"bio\": \"hi\"}")));
        assertEquals(
                BsonDocument.parse("{\"_id\": \"p1\", \"name\": \"Ana\", \"bio\": \"hi\"}"),
                data.call(ana, "findOne", "{" + ns("db", "profiles") + ",\"query\":{}}"),
                "write implies read");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                ana,
                                "updateOne",
                                "{" + ns("db", "profiles")
                                        + ",\"query\":{},\"update\":{\"$set\":{\"email\":\"x@example.com\"}}}")
                        .errorCode(403));
        data.call(
                ana,
                "updateOne",
                "{" + ns("db", "profiles") + ",\"query\":{},\"update\":{\"$set\":{\"bio\":\"field-level write\"}}}");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(ana, "aggregate", "{" + ns("db", "profiles") + ",\"pipeline\":[]}")
                        .errorCode(403));

        // %%user.custom_data is the user's custom data at the time of the request
        admin.setCustomData(APP, anaId, BsonDocument.parse("{\"admin\": true}"));
        BsonDocument whole = data.call(ana, "findOne", "{" + ns("db", "profiles") + ",\"query\":{}}")
                .asDocument();
        assertEquals("ana@example.com", whole.getString("email").getValue());
        assertEquals("field-level write", whole.getString("bio").getValue());
        assertEquals(
                BsonDocument.parse("{\"_id\": \"p1\", \"name\": \"Ana\", \"bio\": \"field-level write\"}"),
                data.call(bob, "findOne", "{" + ns("db", "profiles") + ",\"query\":{}}"),
                "another user without the custom data still gets the public role");
    }

    @Test
    void documentFiltersUseCustomDataExpansions() {
        admin.insertDocuments(
                APP,
                "db",
                "teams",
                List.of(
                        BsonDocument.parse("{\"_id\": \"t1\", \"team\": \"red\"}"),
                        BsonDocument.parse("{\"_id\": \"t2\", \"team\": \"blue\"}"),
                        BsonDocument.parse("{\"_id\": \"t3\", \"team\": \"red\"}")));
        admin.setCustomData(APP, bobId, BsonDocument.parse("{\"team\": \"red\"}"));
        String red = bob;
        assertEquals(new BsonInt64(2), data.call(red, "count", "{" + ns("db", "teams") + ",\"query\":{}}"));
        assertEquals(new BsonInt64(1), data.call(red, "count", "{" + ns("db", "teams") + ",\"query\":{},\"limit\":1}"));
        assertEquals(
                1,
                data.call(red, "find", "{" + ns("db", "teams") + ",\"limit\":1}")
                        .asArray()
                        .size());
        assertEquals(
                2,
                data.call(red, "aggregate", "{" + ns("db", "teams") + ",\"pipeline\":[]}")
                        .asArray()
                        .size());
        assertEquals(
                BsonDocument.parse("{\"matchedCount\": 0, \"modifiedCount\": 0}"),
                data.call(
                        red,
                        "updateOne",
                        "{" + ns("db", "teams") + ",\"query\":{\"_id\":\"t2\"},\"update\":{\"$set\":{\"x\":1}}}"),
                "a document the user may not read is not there for its writes");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(red, "insertOne", "{" + ns("db", "teams") + ",\"document\":{\"team\":\"red\"}}")
                        .errorCode(403),
                "insert: false");
    }

    @Test
    void filtersRestrictQueriesAndProjectResults() {
        admin.insertDocuments(
                APP,
                "db",
                "filtered",
                List.of(
                        BsonDocument.parse("{\"_id\": 1, \"region\": \"eu\", \"secret\": \"s\", \"v\": 1}"),
                        BsonDocument.parse("{\"_id\": 2, \"region\": \"us\", \"secret\": \"s\", \"v\": 2}")));
        BsonValue found = data.call(ana, "find", "{" + ns("db", "filtered") + ",\"query\":{}}");
        assertEquals(
                List.of(BsonDocument.parse("{\"_id\": 1, \"region\": \"eu\", \"v\": 1}")),
                found.asArray().getValues());
        assertEquals(
                "NoMatchingRuleFound",
                data.send(ana, "insertOne", "{" + ns("db", "filtered") + ",\"document\":{\"region\":\"eu\"}}")
                        .errorCode(403),
                "a role without write refuses writes");
    }

    @Test
    void stringToOidComparesTheUserIdAsObjectId() {
        admin.insertDocuments(
                APP,
                "db",
                "oids",
                List.of(
                        BsonDocument.parse("{\"_id\": 1, \"owner\": {\"$oid\": \"" + anaId + "\"}}"),
                        BsonDocument.parse("{\"_id\": 2, \"owner\": {\"$oid\": \"" + bobId + "\"}}")));
        BsonValue mine = data.call(ana, "find", "{" + ns("db", "oids") + "}");
        assertEquals(1, mine.asArray().size());
        assertEquals(1, mine.asArray().get(0).asDocument().getInt32("_id").getValue());
    }

    @Test
    void prevRootAndOidToStringDecideWrites() {
        admin.insertDocuments(
                APP,
                "db",
                "locks",
                List.of(
                        BsonDocument.parse("{\"_id\": \"open\", \"owner\": {\"$oid\": \"" + anaId + "\"}}"),
                        BsonDocument.parse(
                                "{\"_id\": \"locked\", \"owner\": {\"$oid\": \"" + anaId + "\"}, \"locked\": true}")));
        data.call(
                ana,
                "updateOne",
                "{" + ns("db", "locks") + ",\"query\":{\"_id\":\"open\"},\"update\":{\"$set\":{\"locked\":true}}}");
        assertEquals(
                "NoMatchingRuleFound",
                data.send(
                                ana,
                                "updateOne",
                                "{" + ns("db", "locks")
                                        + ",\"query\":{\"_id\":\"locked\"},\"update\":{\"$set\":{\"locked\":false}}}")
                        .errorCode(403),
                "%%prevRoot is the document before the update");
        assertEquals(
                new BsonInt64(0),
                data.call(bob, "count", "{" + ns("db", "locks") + "}"),
                "%oidToString compares the owner's ObjectId with another user's id");
    }

    @Test
    void functionsActAsTheCallingUser() {
        WireClient.Reply denied = data.wire()
                .post(
                        WireClient.CLIENT + "/app/" + APP + "/functions/call",
                        ana,
                        "{\"name\":\"readAsCaller\",\"arguments\":[\"unruled\"]}");
        assertEquals("FunctionExecutionError", denied.errorCode(400));
        assertTrue(denied.body().contains("no rule exists for namespace 'db.unruled'"), denied.body());
    }

    @Test
    void aNamespaceWithoutRulesIsDenied() {
        WireClient.Reply denied = data.send(ana, "find", "{" + ns("db", "unruled") + "}");
        assertEquals("NoMatchingRuleFound", denied.errorCode(403));
        assertTrue(denied.body().contains("no rule exists for namespace 'db.unruled'"), denied.body());
    }
}
