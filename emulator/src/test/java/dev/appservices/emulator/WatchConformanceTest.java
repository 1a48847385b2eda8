package dev.appservices.emulator;

import static dev.appservices.emulator.DataClient.ALLOW_ALL;
import static dev.appservices.emulator.DataClient.ns;
import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code watch} over server-sent events: both token forms, events of every write kind, {@code filter} and
 * {@code ids}, rules, heartbeats, the error event at logout, the end at emulator stop and many idle streams on few
 * threads.
 */
class WatchConformanceTest {

    private static final String APP = "watch";
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final List<BsonDocument> RULES = List.of(BsonDocument.parse("""
            {"database": "db", "collection": "private", "roles": [{"name": "owner", "apply_when": {},
              "document_filters": {"read": {"owner_id": "%%user.id"}, "write": {"owner_id": "%%user.id"}},
              "read": true, "write": true}]}"""));

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.watchHeartbeat(HEARTBEAT)
            .app(AppDefinition.builder(APP)
                    .anonymousAuth()
                    .mongodb("mongodb-atlas", RULES, ALLOW_ALL)
                    .build())
            .function(
                    APP,
                    "insertAsSystem",
                    (context, arguments) -> context.mongoService("mongodb-atlas")
                            .orElseThrow()
                            .asSystem()
                            .call(
                                    "db",
                                    "functions",
                                    "insertOne",
                                    new BsonDocument(
                                            "document", arguments.get(0).asDocument()))));

    private static DataClient data;
    private static WatchClient watch;
    private static String token;
    private static String userId;

    @BeforeAll
    static void login() {
        WireClient wire = new WireClient(EMULATOR.baseUrl());
        data = new DataClient(wire, APP);
        watch = new WatchClient(EMULATOR.baseUrl());
        var login = wire.loginAnonymously(APP);
        token = login.getString("access_token");
        userId = login.getString("user_id");
    }

    private static WatchClient.EventStream open(String collection, String extra, boolean tokenInQuery) {
        URI url = watch.url(APP, "{" + ns("db", collection) + extra + "}", token, tokenInQuery);
        WatchClient.EventStream stream = watch.open(watch.request(url, tokenInQuery ? null : token));
        assertEquals(200, stream.status());
        assertEquals("text/event-stream", stream.contentType());
        return stream;
    }

    @Test
    void everyWriteKindIsAnEventWithNamespaceKeyAndFullDocument() {
        try (WatchClient.EventStream stream = open("kinds", "", true)) {
            data.call(token, "insertOne", "{" + ns("db", "kinds") + ",\"document\":{\"_id\":1,\"n\":1,\"gone\":true}}");
            BsonDocument insert = stream.nextEvent();
            assertEquals("insert", insert.getString("operationType").getValue());
            assertEquals(BsonDocument.parse("{\"db\": \"db\", \"coll\": \"kinds\"}"), insert.getDocument("ns"));
            assertEquals(new BsonDocument("_id", new BsonInt32(1)), insert.getDocument("documentKey"));
            assertEquals(
                    BsonDocument.parse("{\"_id\": 1, \"n\": 1, \"gone\": true}"), insert.getDocument("fullDocument"));
            assertTrue(insert.getDocument("_id").containsKey("_data"));
            assertTrue(insert.get("clusterTime").isTimestamp());

            data.call(
                    token,
                    "updateOne",
                    "{" + ns("db", "kinds")
                            + ",\"query\":{\"_id\":1},\"update\":{\"$set\":{\"n\":2},\"$unset\":{\"gone\":\"\"}}}");
            BsonDocument update = stream.nextEvent();
            assertEquals("update", update.getString("operationType").getValue());
            assertEquals(BsonDocument.parse("{\"_id\": 1, \"n\": 2}"), update.getDocument("fullDocument"));
            assertEquals(
                    BsonDocument.parse("{\"n\": 2}"),
                    update.getDocument("updateDescription").getDocument("updatedFields"));
            assertEquals(
                    List.of(new BsonString("gone")),
                    update.getDocument("updateDescription")
                            .getArray("removedFields")
                            .getValues());

            data.call(
                    token,
                    "findOneAndUpdate",
                    "{" + ns("db", "kinds") + ",\"filter\":{\"_id\":1},\"update\":{\"$inc\":{\"n\":1}}}");
            assertEquals("update", stream.nextEvent().getString("operationType").getValue());
            data.call(
                    token,
                    "findOneAndReplace",
                    "{" + ns("db", "kinds") + ",\"filter\":{\"_id\":1},\"update\":{\"text\":\"replaced\"}}");
            BsonDocument replace = stream.nextEvent();
            assertEquals("replace", replace.getString("operationType").getValue());
            assertEquals(
                    BsonDocument.parse("{\"_id\": 1, \"text\": \"replaced\"}"), replace.getDocument("fullDocument"));
            data.call(token, "findOneAndDelete", "{" + ns("db", "kinds") + ",\"filter\":{\"_id\":1}}");
            BsonDocument delete = stream.nextEvent();
            assertEquals("delete", delete.getString("operationType").getValue());
            assertFalse(delete.containsKey("fullDocument"));

            EMULATOR.admin().insertDocuments(APP, "db", "kinds", List.of(BsonDocument.parse("{\"_id\": 2}")));
            assertEquals(
                    new BsonInt32(2),
                    stream.nextEvent().getDocument("documentKey").get("_id"));
            data.call(token, "insertMany", "{" + ns("db", "kinds") + ",\"documents\":[{\"_id\":3},{\"_id\":4}]}");
            assertEquals(
                    new BsonInt32(3),
                    stream.nextEvent().getDocument("documentKey").get("_id"));
            assertEquals(
                    new BsonInt32(4),
                    stream.nextEvent().getDocument("documentKey").get("_id"));
            data.call(token, "deleteMany", "{" + ns("db", "kinds") + ",\"query\":{}}");
            for (int id = 2; id <= 4; id++) {
                BsonDocument deleted = stream.nextEvent();
                assertEquals("delete", deleted.getString("operationType").getValue());
                assertEquals(
                        new BsonInt32(id), deleted.getDocument("documentKey").get("_id"));
            }
        }
    }

    @Test
    void bearerTokenFilterAndIdsSelectEvents() {
        try (WatchClient.EventStream filtered = open("select", ",\"filter\":{\"fullDocument.kind\":\"b\"}", false);
                WatchClient.EventStream byIds = open("select", ",\"ids\":[{\"$numberInt\":\"3\"}]", false)) {
            data.call(
                    token,
                    "insertMany",
                    "{" + ns("db", "select") + ",\"documents\":["
                            + "{\"_id\":1,\"kind\":\"a\"},{\"_id\":2,\"kind\":\"b\"},{\"_id\":3,\"kind\":\"a\"}]}");
            assertEquals(
                    new BsonInt32(2),
                    filtered.nextEvent().getDocument("documentKey").get("_id"));
            assertEquals(
                    new BsonInt32(3),
                    byIds.nextEvent().getDocument("documentKey").get("_id"));
            data.call(token, "insertOne", "{" + ns("db", "select") + ",\"document\":{\"_id\":4,\"kind\":\"b\"}}");
            assertEquals(
                    new BsonInt32(4),
                    filtered.nextEvent().getDocument("documentKey").get("_id"));
        }
    }

    @Test
    void writesOfFunctionsAreEvents() {
        try (WatchClient.EventStream stream = open("functions", "", true)) {
            data.wire()
                    .post(
                            CLIENT + "/app/" + APP + "/functions/call",
                            token,
                            "{\"name\":\"insertAsSystem\",\"arguments\":[{\"_id\":\"f\"}]}");
            assertEquals(
                    new BsonString("f"),
                    stream.nextEvent().getDocument("documentKey").get("_id"));
        }
    }

    @Test
    void aWatcherGetsNoEventForADocumentItMayNotRead() {
        try (WatchClient.EventStream stream = open("private", "", true)) {
            EMULATOR.admin()
                    .insertDocuments(
                            APP,
                            "db",
                            "private",
                            List.of(
                                    BsonDocument.parse("{\"_id\": \"theirs\", \"owner_id\": \"someone-else\"}"),
                                    BsonDocument.parse("{\"_id\": \"mine\", \"owner_id\": \"" + userId + "\"}")));
            assertEquals(
                    new BsonString("mine"),
                    stream.nextEvent().getDocument("documentKey").get("_id"));
        }
    }

    @Test
    void heartbeatsAreComments() {
        try (WatchClient.EventStream stream = open("heartbeat", "", true)) {
            int comments = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (comments < 3 && System.nanoTime() < deadline) {
                if (stream.nextLine(Duration.ofSeconds(2)).startsWith(":")) {
                    comments++;
                }
            }
            assertEquals(3, comments, "heartbeats every " + HEARTBEAT);
        }
    }

    @Test
    void badRequestsGetErrorBodiesBeforeAnyStream() {
        WireClient wire = data.wire();
        URI invalid = watch.url(APP, "{" + ns("db", "x") + "}", "not-a-token", true);
        assertEquals(
                "InvalidSession",
                wire.get(invalid.getRawPath() + "?" + invalid.getRawQuery(), null)
                        .errorCode(401));
        URI noToken = watch.url(APP, "{" + ns("db", "x") + "}", token, false);
        assertEquals(
                "MissingAuthReq",
                wire.get(noToken.getRawPath() + "?" + noToken.getRawQuery(), null)
                        .errorCode(401));
        assertEquals(
                "MissingParameter",
                wire.get(CLIENT + "/app/" + APP + "/functions/call", token).errorCode(400));
        String otherService = Base64.getEncoder()
                .encodeToString(("{\"arguments\":[{" + ns("db", "x") + "}],\"name\":\"watch\",\"service\":\"other\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "ServiceNotFound",
                wire.get(
                                CLIENT + "/app/" + APP + "/functions/call?baas_request="
                                        + URLEncoder.encode(otherService, StandardCharsets.UTF_8),
                                token)
                        .errorCode(404));
        URI missingCollection = watch.url(APP, "{\"database\":\"db\"}", token, true);
        assertEquals(
                "MissingParameter",
                wire.get(missingCollection.getRawPath() + "?" + missingCollection.getRawQuery(), null)
                        .errorCode(400));
    }

    @Test
    void logoutEndsTheStreamWithAnErrorEvent() {
        var login = data.wire().loginAnonymously(APP);
        String access = login.getString("access_token");
        URI url = watch.url(APP, "{" + ns("db", "logout") + "}", access, true);
        try (WatchClient.EventStream stream = watch.open(watch.request(url, null))) {
            assertEquals(
                    204,
                    data.wire()
                            .delete(CLIENT + "/auth/session", login.getString("refresh_token"))
                            .status());
            WatchClient.Event error = stream.nextRawEvent();
            assertEquals("error", error.type());
            BsonDocument body = BsonDocument.parse(error.data());
            assertEquals("InvalidSession", body.getString("error_code").getValue());
            assertTrue(stream.endsWithin(Duration.ofSeconds(5)), "the stream ends after the error");
        }
    }

    @Test
    void disablingTheUserEndsItsStreams() {
        var disabled = data.wire().loginAnonymously(APP);
        URI url = watch.url(APP, "{" + ns("db", "admin") + "}", disabled.getString("access_token"), true);
        try (WatchClient.EventStream stream = watch.open(watch.request(url, null))) {
            EMULATOR.admin().disableUser(APP, disabled.getString("user_id"));
            assertEquals("error", stream.nextRawEvent().type());
            assertTrue(stream.endsWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void resettingTheAppEndsItsStreams() {
        try (AppServicesEmulator own = AppServicesEmulator.builder()
                .app(AppDefinition.builder("reset")
                        .anonymousAuth()
                        .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                        .build())
                .start()) {
            String ownToken =
                    new WireClient(own.baseUrl()).loginAnonymously("reset").getString("access_token");
            WatchClient ownWatch = new WatchClient(own.baseUrl());
            try (WatchClient.EventStream stream = ownWatch.open(
                    ownWatch.request(ownWatch.url("reset", "{" + ns("db", "c") + "}", ownToken, true), null))) {
                own.admin().resetApp("reset");
                assertEquals("error", stream.nextRawEvent().type());
                assertTrue(stream.endsWithin(Duration.ofSeconds(5)));
            }
        }
    }

    @Test
    void stoppingTheEmulatorEndsItsStreams() {
        try (AppServicesEmulator own = AppServicesEmulator.builder()
                .app(AppDefinition.builder("stop")
                        .anonymousAuth()
                        .mongodb("mongodb-atlas", List.of(), ALLOW_ALL)
                        .build())
                .start()) {
            WireClient wire = new WireClient(own.baseUrl());
            String ownToken = wire.loginAnonymously("stop").getString("access_token");
            WatchClient ownWatch = new WatchClient(own.baseUrl());
            WatchClient.EventStream stream = ownWatch.open(
                    ownWatch.request(ownWatch.url("stop", "{" + ns("db", "c") + "}", ownToken, true), null));
            assertEquals(200, stream.status());
            own.close();
            assertTrue(stream.endsWithin(Duration.ofSeconds(5)), "the stream ends when the emulator stops");
        }
    }

    @Test
    void manyIdleStreamsShareAFewThreads() throws Exception {
        int before = emulatorThreads();
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        URI url = watch.url(APP, "{" + ns("db", "idle") + "}", token, true);
        for (int i = 0; i < 200; i++) {
            streams.add(watch.openIdle(watch.request(url, null)));
        }
        for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
            assertEquals(200, stream.get(30, TimeUnit.SECONDS).statusCode());
        }
        int during = emulatorThreads();
        try (WatchClient.EventStream probe = open("idle", "", true)) {
            data.call(token, "insertOne", "{" + ns("db", "idle") + ",\"document\":{\"_id\":1}}");
            assertEquals(
                    new BsonInt32(1),
                    probe.nextEvent().getDocument("documentKey").get("_id"),
                    "the emulator still serves with 200 streams open");
        }
        assertTrue(
                during <= Math.max(before, 1) + 40,
                "emulator threads before " + before + ", with 200 streams " + during + " ("
                        + ManagementFactory.getThreadMXBean().getThreadCount() + " in the JVM)");
        for (CompletableFuture<HttpResponse<Stream<String>>> stream : streams) {
            stream.get().body().close();
        }
    }

    /** Threads of the emulator (workers, watch scheduler and writers, the HTTP server's dispatcher). */
    private static int emulatorThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("appservices-emulator")
                        || thread.getName().startsWith("HTTP-Dispatcher"))
                .count();
    }
}
