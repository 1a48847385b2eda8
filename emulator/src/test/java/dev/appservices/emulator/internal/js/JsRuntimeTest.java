package dev.appservices.emulator.internal.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsRuntimeTest {

    private static JsEngine engine;
    private static JsRuntime runtime;
    private static JsRuntime limited;

    @BeforeAll
    static void start() {
        engine = JsEngine.create();
        Map<String, ScriptFunction> functions = Map.of(
                "sum", function("sum", "exports = function (...args) { return args.reduce((a, b) => a + b, 0); };"),
                "asyncEcho", function("asyncEcho", "exports = async function (x) { await null; return x; };"),
                "types",
                        function(
                                "types",
                                "exports = function () { return { oid: new BSON.ObjectId('5f0c3b2a1d"
                                        + "4e5f6a7b8c9d0e'), long: BSON.Long.fromString('9007199254740993'), int: new BSON.Int32(7),"
                                        + " dbl: new BSON.Double(2), dec: BSON.Decimal128.fromString('1.10'), date: new Date(0),"
                                        + " bin: BSON.Binary.fromText('hé'), re: new BSON.BSONRegExp('^a', 'ix') }; };"),
                "spin", function("spin", "exports = function () { while (true) {} };"),
                "thrower", function("thrower", "exports = function () { throw new Error('no luck'); };"),
                "needs", function("needs", "const axios = require('axios'); exports = function () { return 1; };"),
                "outer",
                        function(
                                "outer",
                                "exports = async function () { return [context.user.id,"
                                        + " await context.functions.execute('inner'), context.values.get('greeting')]; };"),
                "inner",
                        new ScriptFunction(
                                "inner",
                                "functions/inner.js",
                                "exports = function () { return context.user.type + ':' + context.runningAsSystem(); };",
                                true,
                                true),
                "escape",
                        function(
                                "escape",
                                "exports = function () { const tries = [() => Java.type('java.lang.System'),"
                                        + " () => load('/etc/hostname'), () => Polyglot.eval('js', '1'), () => __host('oid', ''),"
                                        + " () => process.exit(1)]; return tries.map(t => { try { t(); return 'reached'; }"
                                        + " catch (e) { return e.name; } }).join(','); };"));
        ScriptApp app = new ScriptApp(
                "test-app",
                new BsonDocument("id", new BsonString("test-app")),
                new BsonDocument("greeting", new BsonString("hello")),
                new BsonDocument("tag", new BsonString("")).append("values", new BsonDocument()),
                List.of(),
                functions);
        ServiceGateway noData = (service, function, argument, system, user) -> {
            throw new IllegalStateException("no data in this test");
        };
        runtime = new JsRuntime(engine, app, noData, new HttpGateway(Set.of()), Duration.ofSeconds(60));
        limited = new JsRuntime(engine, app, noData, new HttpGateway(Set.of()), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        runtime.close();
        limited.close();
        engine.close();
    }

    private static ScriptFunction function(String name, String source) {
        return new ScriptFunction(name, "functions/" + name + ".js", source, false, false);
    }

    private static CallFrame user() {
        return new CallFrame(
                new BsonDocument("id", new BsonString("u1")).append("type", new BsonString("normal")),
                new BsonDocument(),
                false);
    }

    private static BsonValue call(String name, BsonValue... arguments) {
        return runtime.call(name, new BsonArray(List.of(arguments)), user());
    }

    @Test
    void integerResultsKeepTheArgumentsWidth() {
        assertEquals(new BsonInt64(6), call("sum", new BsonInt64(1), new BsonInt64(2), new BsonInt64(3)));
        assertEquals(new BsonInt32(6), call("sum", new BsonInt32(1), new BsonInt32(2), new BsonInt32(3)));
        assertEquals(
                new org.bson.BsonDouble(4), call("sum", new org.bson.BsonDouble(1.5), new org.bson.BsonDouble(2.5)));
    }

    @Test
    void asyncFunctionsAreAwaited() {
        BsonDocument argument = BsonDocument.parse("{\"a\": {\"$numberLong\": \"9007199254740993\"},"
                + " \"at\": {\"$timestamp\": {\"t\": 5, \"i\": 1}}}");
        assertEquals(argument, call("asyncEcho", argument));
    }

    @Test
    void bsonTypesBecomeCanonicalEjson() {
        BsonDocument result = call("types").asDocument();
        assertEquals(
                BsonDocument.parse("{oid: {$oid: '5f0c3b2a1d4e5f6a7b8c9d0e'},"
                        + " long: {$numberLong: '9007199254740993'}, int: {$numberInt: '7'}, dbl: {$numberDouble: '2.0'},"
                        + " dec: {$numberDecimal: '1.10'}, date: {$date: {$numberLong: '0'}},"
                        + " bin: {$binary: {base64: 'aMOp', subType: '00'}},"
                        + " re: {$regularExpression: {pattern: '^a', options: 'ix'}}}"),
                result);
    }

    @Test
    void runawayCodeIsStoppedAndOthersGoOn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FunctionFailure> runaway = pool.submit(
                    () -> assertThrows(FunctionFailure.class, () -> limited.call("spin", new BsonArray(), user())));
            for (int i = 0; i < 20; i++) {
                assertEquals(new BsonInt32(3), limited.call("sum", BsonArray.parse("[1, 2]"), user()));
            }
            assertTrue(
                    runaway.get().getMessage().startsWith("APPSVC0592: execution time limit exceeded"),
                    runaway.get().getMessage());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new BsonInt32(3), limited.call("sum", BsonArray.parse("[1, 2]"), user()));
    }

    @Test
    void errorsCarryTheirMessage() {
        assertEquals(
                "no luck",
                assertThrows(FunctionFailure.class, () -> call("thrower")).getMessage());
        String message =
                assertThrows(FunctionFailure.class, () -> call("needs")).getMessage();
        assertTrue(message.startsWith("APPSVC0582: require('axios') is not supported"), message);
    }

    @Test
    void contextGivesUserValuesAndFunctions() {
        assertEquals(BsonArray.parse("['u1', 'normal:true', 'hello']"), call("outer"));
    }

    @Test
    void noHostAccess() {
        assertEquals(
                new BsonString("ReferenceError,ReferenceError,ReferenceError,ReferenceError,ReferenceError"),
                call("escape"));
    }

    @Test
    void sixteenConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<BsonValue>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long n = i;
                results.add(pool.submit(() -> call("sum", new BsonInt64(n), new BsonInt64(1))));
            }
            for (int i = 0; i < 16; i++) {
                assertEquals(new BsonInt64(i + 1), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
