package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code functions/call}: built-ins, Extended JSON round trips, errors, registration and concurrency. */
class FunctionConformanceTest {

    private static final int PARALLEL_CALLS = 4;
    private static final CyclicBarrier BARRIER = new CyclicBarrier(PARALLEL_CALLS);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
                    AppDefinition.builder("functions").anonymousAuth().build())
            .app(AppDefinition.builder("restricted")
                    .anonymousAuth()
                    .functions("sum")
                    .build())
            .function("functions", "fail", (context, arguments) -> {
                throw new IllegalStateException("the ledger is closed");
            })
            .function("functions", "barrier", (context, arguments) -> {
                BARRIER.await(10, TimeUnit.SECONDS);
                return BsonBoolean.TRUE;
            })
            .function("restricted", "own", (context, arguments) -> BsonBoolean.TRUE));

    private static WireClient client;
    private static String token;

    @BeforeAll
    static void login() {
        client = new WireClient(EMULATOR.baseUrl());
        token = client.loginAnonymously("functions").getString("access_token");
    }

    private static WireClient.Reply call(String appId, String accessToken, String body) {
        return client.post(CLIENT + "/app/" + appId + "/functions/call", accessToken, body);
    }

    private static JsonValue result(String name, String arguments) {
        WireClient.Reply reply =
                call("functions", token, "{\"arguments\":" + arguments + ",\"name\":\"" + name + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/json", reply.contentType().orElseThrow());
        return reply.jsonValue();
    }

    private static JsonValue json(String text) {
        return WireClient.parse(text);
    }

    @Test
    void sumReturnsInt64OrDouble() {
        assertEquals(json("{\"$numberLong\":\"3\"}"), result("sum", "[{\"$numberInt\":\"1\"},{\"$numberInt\":\"2\"}]"));
        assertEquals(json("{\"$numberLong\":\"5000000000\"}"), result("sum", "[{\"$numberLong\":\"4999999999\"},1]"));
        assertEquals(json("{\"$numberDouble\":\"3.5\"}"), result("sum", "[1,{\"$numberDouble\":\"2.5\"}]"));
        WireClient.Reply text = call("functions", token, "{\"arguments\":[\"x\"],\"name\":\"sum\"}");
        assertEquals("FunctionExecutionError", text.errorCode(400));
        assertTrue(text.json().getString("error").contains("STRING"), text.body());
    }

    @Test
    void echoRoundTripsCanonicalExtendedJson() {
        List<String> values = List.of(
                "{\"$numberInt\":\"42\"}",
                "{\"$numberLong\":\"-9007199254740993\"}",
                "{\"$numberDouble\":\"1.5\"}",
                "{\"$numberDouble\":\"NaN\"}",
                "{\"$numberDecimal\":\"1234.5678901234567890\"}",
                "{\"$oid\":\"65f0a1b2c3d4e5f601234567\"}",
                "{\"$date\":{\"$numberLong\":\"1700000000123\"}}",
                "{\"$binary\":{\"base64\":\"AQIDBA==\",\"subType\":\"00\"}}",
                "{\"$binary\":{\"base64\":\"AAECAwQFBgcICQoLDA0ODw==\",\"subType\":\"04\"}}",
                "{\"$timestamp\":{\"t\":1700000000,\"i\":7}}",
                "{\"name\":\"nested\",\"list\":[{\"$numberInt\":\"1\"},{\"inner\":{\"$numberLong\":\"2\"}}],"
                        + "\"flag\":true,\"none\":null}",
                "\"text\"",
                "null");
        for (String value : values) {
            assertEquals(json(value), result("echo", "[" + value + "]"), value);
        }
        assertEquals(json("[{\"$numberInt\":\"1\"},\"two\"]"), result("echo", "[{\"$numberInt\":\"1\"},\"two\"]"));
        assertEquals(json("[]"), result("echo", "[]"));
    }

    @Test
    void relaxedArgumentsAreAccepted() {
        assertEquals(
                json("[{\"$numberInt\":\"1\"},{\"$numberDouble\":\"2.5\"},{\"a\":{\"$numberLong\":\"3000000000\"}},"
                        + "{\"$date\":{\"$numberLong\":\"0\"}}]"),
                result("echo", "[1,2.5,{\"a\":3000000000},{\"$date\":\"1970-01-01T00:00:00Z\"}]"));
    }

    @Test
    void whoamiDescribesTheCaller() {
        JsonObject caller = result("whoami", "[]").asJsonObject();
        String userId = WireClient.claims(token).getString("sub");
        assertEquals(userId, caller.getString("id"));
        assertEquals(
                "anon-user", caller.getJsonArray("identities").getJsonObject(0).getString("provider_type"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, caller.getJsonObject("custom_data"));
    }

    @Test
    void functionErrors() {
        WireClient.Reply missing = call("functions", token, "{\"arguments\":[],\"name\":\"nope\"}");
        assertEquals("FunctionNotFound", missing.errorCode(404));
        WireClient.Reply thrown = call("functions", token, "{\"arguments\":[],\"name\":\"fail\"}");
        assertEquals("FunctionExecutionError", thrown.errorCode(400));
        assertEquals("the ledger is closed", thrown.json().getString("error"));
        assertEquals(
                "ServiceNotFound",
                call("functions", token, "{\"arguments\":[{}],\"name\":\"find\",\"service\":\"mongodb-atlas\"}")
                        .errorCode(404));
        assertEquals(
                "MissingParameter",
                call("functions", token, "{\"arguments\":[]}").errorCode(400));
        assertEquals(
                "InvalidParameter",
                call("functions", token, "{\"arguments\":{},\"name\":\"echo\"}").errorCode(400));
        assertEquals(
                "MissingAuthReq",
                call("functions", null, "{\"arguments\":[],\"name\":\"echo\"}").errorCode(401));
        assertEquals(
                "InvalidSession",
                call("restricted", token, "{\"arguments\":[],\"name\":\"sum\"}").errorCode(401),
                "a token of another app");
    }

    @Test
    void serviceLoaderAndRestrictedFunctions() {
        assertEquals(json("\"LOUD\""), result("uppercase", "[\"loud\"]"));
        String restricted = client.loginAnonymously("restricted").getString("access_token");
        assertEquals(
                200,
                call("restricted", restricted, "{\"arguments\":[1],\"name\":\"sum\"}")
                        .status());
        assertEquals(
                200,
                call("restricted", restricted, "{\"arguments\":[],\"name\":\"own\"}")
                        .status());
        assertEquals(
                "FunctionNotFound",
                call("restricted", restricted, "{\"arguments\":[],\"name\":\"echo\"}")
                        .errorCode(404));
        assertEquals(
                "FunctionNotFound",
                call("restricted", restricted, "{\"arguments\":[\"a\"],\"name\":\"uppercase\"}")
                        .errorCode(404));
    }

    @Test
    void requestsAreServedConcurrently() {
        ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_CALLS);
        try {
            List<CompletableFuture<WireClient.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL_CALLS; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> call("functions", token, "{\"arguments\":[],\"name\":\"barrier\"}"), callers));
            }
            for (CompletableFuture<WireClient.Reply> call : calls) {
                WireClient.Reply reply = call.join();
                assertEquals(200, reply.status(), "all calls must meet at the barrier: " + reply.body());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
