package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ALLOW_ALL;
import static dev.appservices.emulator.DataClient.ns;
import static dev.appservices.emulator.DataClient.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code mongodb-atlas} operations over HTTP: argument keys in realm-web's and realm-core's forms, answer
 * shapes and number types, errors. The app's default rule lets every user do everything, so only the wire format is
 * under test here.
 */
class MongoServiceConformanceTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder("data")
                            .anonymousAuth()
                            .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                            .build())
                    .app(AppDefinition.builder("no-data").anonymousAuth().build())
                    .function(
                            "data",
                            "notesAsSystem",
                            (context, arguments) -> context.mongoService("mongodb-atlas")
                                    .orElseThrow()
                                    .asSystem()
                                    .call(
                                            "db",
                                            "fromFunction",
                                            "insertOne",
                                            new BsonDocument(
                                                    "document", arguments.get(0).asDocument()))));

    private static DataClient data;
    private static String token;

    @BeforeAll
    static void login() {
        data = new DataClient(new WireClient(EMULATOR.baseUrl()), "data");
        token = data.anonymousToken();
    }

    @Test
    void insertOneAnswersTheIdWithItsType() {
        WireClient.Reply reply = data.send(
                token,
                "insertOne",
                "{" + ns("db", "insert")
                        + ",\"document\":{\"_id\":{\"$numberInt\":\"1\"},\"n\":{\"$numberInt\":\"5\"}}}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(new BsonDocument("insertedId", new BsonInt32(1)), value(reply.body()));
        assertTrue(reply.body().replace(" ", "").contains("{\"$numberInt\":\"1\"}"), reply.body());
        BsonValue generated = data.call(token, "insertOne", "{" + ns("db", "insert") + ",\"document\":{\"n\":2}}");
        assertTrue(generated.asDocument().get("insertedId").isObjectId(), generated.toString());
        BsonDocument stored = data.call(
                        token,
                        "findOne",
                        "{" + ns("db", "insert") + ",\"query\":{\"_id\":"
                                + generated
                                        .asDocument()
                                        .get("insertedId")
                                        .asObjectId()
                                        .getValue()
                                        .toHexString()
                                        .transform(hex -> "{\"$oid\":\"" + hex + "\"}")
                                + "}}")
                .asDocument();
        assertEquals("_id", stored.getFirstKey(), "a generated _id comes first");
    }

    @Test
    void duplicateIdFailsWithDuplicateKeyError() {
        String insert = "{" + ns("db", "duplicate") + ",\"document\":{\"_id\":\"same\"}}";
        data.call(token, "insertOne", insert);
        WireClient.Reply again = data.send(token, "insertOne", insert);
        assertEquals("MongoDBError", again.errorCode(400));
        assertTrue(again.body().contains("Duplicate key error"), again.body());
        assertEquals(new BsonInt64(1), data.call(token, "count", "{" + ns("db", "duplicate") + ",\"query\":{}}"));
    }

    @Test
    void insertManyAnswersTheIdsInOrder() {
        BsonValue answer = data.call(
                token,
                "insertMany",
                "{" + ns("db", "many")
                        + ",\"documents\":[{\"_id\":\"a\"},{\"_id\":{\"$numberLong\":\"2\"}},{\"x\":1}]}");
        BsonArray ids = answer.asDocument().getArray("insertedIds");
        assertEquals(
                List.of(new BsonString("a"), new BsonInt64(2)), ids.getValues().subList(0, 2));
        assertTrue(ids.get(2).isObjectId());
    }

    @Test
    void findTakesQueryProjectSortAndLimitInBothSdkForms() {
        seed("find", 5);
        // realm-web: limit as Int32, canonical numbers
        BsonValue web = data.call(
                token,
                "find",
                "{" + ns("db", "find")
                        + ",\"query\":{\"n\":{\"$gte\":{\"$numberInt\":\"2\"}}},"
                        + "\"project\":{\"n\":{\"$numberInt\":\"1\"},\"_id\":{\"$numberInt\":\"0\"}},"
                        + "\"sort\":{\"n\":{\"$numberInt\":\"-1\"}},\"limit\":{\"$numberInt\":\"2\"}}");
        assertEquals(BsonArray.parse("[{\"n\": {\"$numberInt\": \"4\"}}, {\"n\": {\"$numberInt\": \"3\"}}]"), web);
        // realm-core: limit as Int64, relaxed numbers
        BsonValue core = data.call(
                token,
                "find",
                "{" + ns("db", "find") + ",\"query\":{},\"sort\":{\"n\":1}," + "\"limit\":{\"$numberLong\":\"3\"}}");
        assertEquals(3, core.asArray().size());
        assertEquals(new BsonInt32(0), core.asArray().get(0).asDocument().get("n"));
        assertEquals(BsonNull.VALUE, data.call(token, "findOne", "{" + ns("db", "find") + ",\"query\":{\"n\":99}}"));
        BsonDocument one = data.call(
                        token,
                        "findOne",
                        "{" + ns("db", "find") + ",\"query\":{},\"sort\":{\"n\":-1}," + "\"project\":{\"n\":1}}")
                .asDocument();
        assertEquals(BsonDocument.parse("{\"_id\": \"find-4\", \"n\": {\"$numberInt\": \"4\"}}"), one);
    }

    @Test
    void countIsInt64AndHonoursLimit() {
        seed("count", 4);
        WireClient.Reply reply = data.send(token, "count", "{" + ns("db", "count") + ",\"query\":{}}");
        assertEquals("{\"$numberLong\":\"4\"}", reply.body().replace(" ", ""));
        assertEquals(
                new BsonInt64(2),
                data.call(
                        token, "count", "{" + ns("db", "count") + ",\"query\":{},\"limit\":{\"$numberLong\":\"2\"}}"));
        assertEquals(
                new BsonInt64(1),
                data.call(token, "count", "{" + ns("db", "count") + ",\"query\":{\"n\":{\"$lt\":1}}}"));
    }

    @Test
    void updateCountsAreInt32AndUpsertedIdIsAbsentUnlessUpserted() {
        seed("update", 3);
        WireClient.Reply one = data.send(
                token,
                "updateOne",
                "{" + ns("db", "update")
                        + ",\"query\":{\"n\":1},\"update\":{\"$set\":{\"seen\":true}},\"upsert\":false}");
        assertEquals(200, one.status(), one.body());
        assertEquals(
                BsonDocument.parse(
                        "{\"matchedCount\": {\"$numberInt\": \"1\"}, \"modifiedCount\": {\"$numberInt\": \"1\"}}"),
                value(one.body()));
        assertFalse(one.body().contains("upsertedId"), one.body());
        assertEquals(
                BsonDocument.parse("{\"matchedCount\": 3, \"modifiedCount\": 2}"),
                data.call(
                        token,
                        "updateMany",
                        "{" + ns("db", "update") + ",\"query\":{},\"update\":{\"$set\":{\"seen\":true}}}"));
        BsonDocument upsert = data.call(
                        token,
                        "updateOne",
                        "{" + ns("db", "update")
                                + ",\"query\":{\"_id\":\"new\"},\"update\":{\"$set\":{\"n\":7}},\"upsert\":true}")
                .asDocument();
        assertEquals(
                BsonDocument.parse("{\"matchedCount\": 0, \"modifiedCount\": 0, \"upsertedId\": \"new\"}"), upsert);
        assertEquals(new BsonInt32(0), upsert.get("matchedCount"));
        BsonDocument arrays = data.call(
                        token,
                        "updateOne",
                        "{" + ns("db", "update")
                                + ",\"query\":{\"_id\":\"new\"},\"update\":{\"$set\":{\"list\":[1,5,9]}}}")
                .asDocument();
        assertEquals(new BsonInt32(1), arrays.get("modifiedCount"));
    }

    @Test
    void deleteCountsAreInt32() {
        seed("delete", 3);
        assertEquals(
                BsonDocument.parse("{\"deletedCount\": {\"$numberInt\": \"1\"}}"),
                data.call(token, "deleteOne", "{" + ns("db", "delete") + ",\"query\":{}}"));
        assertEquals(
                BsonDocument.parse("{\"deletedCount\": {\"$numberInt\": \"2\"}}"),
                data.call(token, "deleteMany", "{" + ns("db", "delete") + ",\"query\":{}}"));
        assertEquals(
                BsonDocument.parse("{\"deletedCount\": {\"$numberInt\": \"0\"}}"),
                data.call(token, "deleteMany", "{" + ns("db", "delete") + ",\"query\":{}}"));
    }

    @Test
    void findOneAndUpdateUsesFilterAndProjectionAndAnswersOldOrNew() {
        seed("fau", 3);
        BsonValue old = data.call(
                token,
                "findOneAndUpdate",
                "{" + ns("db", "fau")
                        + ",\"filter\":{},\"update\":{\"$inc\":{\"n\":10}},\"sort\":{\"n\":-1},\"projection\":{\"n\":1}}");
        assertEquals(BsonDocument.parse("{\"_id\": \"fau-2\", \"n\": 2}"), old);
        BsonValue updated = data.call(
                token,
                "findOneAndUpdate",
                "{" + ns("db", "fau")
                        + ",\"filter\":{\"_id\":\"fau-2\"},\"update\":{\"$inc\":{\"n\":1}},\"returnNewDocument\":true}");
        assertEquals(new BsonInt32(13), updated.asDocument().get("n"));
        assertEquals(
                BsonNull.VALUE,
                data.call(
                        token,
                        "findOneAndUpdate",
                        "{" + ns("db", "fau") + ",\"filter\":{\"_id\":\"none\"},\"update\":{\"$set\":{\"n\":1}}}"));
        BsonValue upserted = data.call(
                token,
                "findOneAndUpdate",
                "{" + ns("db", "fau")
                        + ",\"filter\":{\"_id\":\"up\"},\"update\":{\"$set\":{\"n\":1}},\"upsert\":true,"
                        + "\"returnNewDocument\":true}");
        assertEquals(BsonDocument.parse("{\"_id\": \"up\", \"n\": 1}"), upserted);
    }

    @Test
    void findOneAndReplaceAndDelete() {
        seed("far", 2);
        BsonValue replaced = data.call(
                token,
                "findOneAndReplace",
                "{" + ns("db", "far")
                        + ",\"filter\":{\"_id\":\"far-0\"},\"update\":{\"name\":\"replaced\"},\"returnNewDocument\":true}");
        assertEquals(BsonDocument.parse("{\"_id\": \"far-0\", \"name\": \"replaced\"}"), replaced);
        BsonValue deletedByReplace =
                data.call(token, "findOneAndReplace", "{" + ns("db", "far") + ",\"filter\":{\"_id\":\"far-1\"}}");
        assertEquals(
                BsonDocument.parse("{\"_id\": \"far-1\", \"n\": 1}"),
                deletedByReplace,
                "realm-web's findOneAndDelete (findOneAndReplace without update) deletes and answers the document");
        assertEquals(new BsonInt64(1), data.call(token, "count", "{" + ns("db", "far") + "}"));
        data.call(token, "insertOne", "{" + ns("db", "far") + ",\"document\":{\"_id\":\"far-1\",\"n\":1}}");
        WireClient.Reply operators = data.send(
                token, "findOneAndReplace", "{" + ns("db", "far") + ",\"filter\":{},\"update\":{\"$set\":{\"x\":1}}}");
        assertEquals("InvalidParameter", operators.errorCode(400));
        BsonValue deleted = data.call(
                token,
                "findOneAndDelete",
                "{" + ns("db", "far") + ",\"filter\":{},\"sort\":{\"_id\":-1},\"projection\":{\"_id\":1}}");
        assertEquals(BsonDocument.parse("{\"_id\": \"far-1\"}"), deleted);
        assertEquals(
                BsonNull.VALUE,
                data.call(token, "findOneAndDelete", "{" + ns("db", "far") + ",\"filter\":{\"_id\":\"far-1\"}}"));
    }

    @Test
    void aggregateRunsThePipeline() {
        seed("aggregate", 4);
        BsonValue result = data.call(
                token,
                "aggregate",
                "{" + ns("db", "aggregate") + ",\"pipeline\":["
                        + "{\"$match\":{\"n\":{\"$gte\":1}}},{\"$group\":{\"_id\":null,\"total\":{\"$sum\":\"$n\"}}}]}");
        assertEquals(1, result.asArray().size());
        assertEquals(
                6, result.asArray().get(0).asDocument().get("total").asNumber().intValue());
    }

    @Test
    void badInputIs400WithTheErrorBody() {
        assertEquals(
                "MissingParameter",
                data.send(token, "find", "{\"collection\":\"c\"}").errorCode(400));
        assertEquals(
                "InvalidParameter",
                data.send(token, "find", "{" + ns("db", "c") + ",\"query\":5}").errorCode(400));
        assertEquals(
                "InvalidParameter",
                data.send(token, "updateOne", "{" + ns("db", "c") + ",\"query\":{},\"update\":{\"plain\":1}}")
                        .errorCode(400));
        seed("bad", 1);
        WireClient.Reply unknownOperator = data.send(
                token, "updateOne", "{" + ns("db", "bad") + ",\"query\":{},\"update\":{\"$frobnicate\":{\"a\":1}}}");
        assertEquals("MongoDBError", unknownOperator.errorCode(400));
        WireClient.Reply unknownStage =
                data.send(token, "aggregate", "{" + ns("db", "bad") + ",\"pipeline\":[{\"$unionWith\":\"other\"}]}");
        assertEquals("MongoDBError", unknownStage.errorCode(400));
        assertEquals(
                "InvalidParameter",
                data.send(token, "find", "{" + ns("db", "bad") + ",\"project\":{\"list\":{\"$slice\":1}}}")
                        .errorCode(400));
        WireClient.Reply pipeline = data.send(
                token, "updateOne", "{" + ns("db", "bad") + ",\"query\":{},\"update\":[{\"$set\":{\"a\":1}}]}");
        assertEquals("InvalidParameter", pipeline.errorCode(400));
        assertTrue(pipeline.body().contains("APPSVC0522"), pipeline.body());
    }

    @Test
    void unknownOperationAndServiceAre404() {
        assertEquals(
                "FunctionNotFound",
                data.send(token, "frobnicate", "{" + ns("db", "c") + "}").errorCode(404));
        WireClient.Reply service = data.wire()
                .post(
                        WireClient.CLIENT + "/app/data/functions/call",
                        token,
                        "{\"name\":\"find\",\"arguments\":[{" + ns("db", "c") + "}],\"service\":\"other-cluster\"}");
        assertEquals("ServiceNotFound", service.errorCode(404));
        DataClient noData = new DataClient(data.wire(), "no-data");
        assertEquals(
                "ServiceNotFound",
                noData.send(noData.anonymousToken(), "find", "{" + ns("db", "c") + "}")
                        .errorCode(404));
    }

    @Test
    void functionsReachTheService() {
        BsonValue inserted = value(data.wire()
                .post(
                        WireClient.CLIENT + "/app/data/functions/call",
                        token,
                        "{\"name\":\"notesAsSystem\",\"arguments\":[{\"_id\":\"from-function\"}]}")
                .body());
        assertEquals(BsonDocument.parse("{\"insertedId\": \"from-function\"}"), inserted);
        assertEquals(new BsonInt64(1), data.call(token, "count", "{" + ns("db", "fromFunction") + "}"));
    }

    private static void seed(String collection, int count) {
        StringBuilder documents = new StringBuilder();
        for (int i = 0; i < count; i++) {
            documents
                    .append(i == 0 ? "" : ",")
                    .append("{\"_id\":\"")
                    .append(collection)
                    .append('-')
                    .append(i)
                    .append("\",\"n\":")
                    .append(i)
                    .append('}');
        }
        data.call(token, "insertMany", "{" + ns("db", collection) + ",\"documents\":[" + documents + "]}");
    }
}
