package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;
import dev.appservices.Functions;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.FunctionTestTypes.Customer;
import dev.appservices.extension.internal.client.FunctionTestTypes.Line;
import dev.appservices.extension.internal.client.FunctionTestTypes.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Function calls against the emulator over HTTP: argument and result types, server errors, token refresh. */
class FunctionsTest {

    private static final String APP_ID = "functions-test";
    private static final Instant INSTANT = Instant.parse("2024-05-06T07:08:09.123Z");

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
                    AppDefinition.builder(APP_ID).anonymousAuth().build())
            .function(
                    APP_ID,
                    "makeOrder",
                    (context, arguments) ->
                            BsonDocument.parse("{\"id\": \"o-7\", \"quantity\": {\"$numberLong\": \"3\"}, "
                                    + "\"price\": {\"$numberDecimal\": \"19.90\"}, "
                                    + "\"lines\": [{\"sku\": \""
                                    + arguments.get(0).asString().getValue()
                                    + "\", \"count\": 3}]}"))
            .function(
                    APP_ID,
                    "types",
                    (context, arguments) -> new BsonArray(arguments.stream()
                            .map(argument -> (BsonValue)
                                    new BsonString(argument.getBsonType().name()))
                            .toList()))
            .function(APP_ID, "lastProblem", (context, arguments) -> BsonDocument.parse("{\"error\": \"x\"}"))
            .function(APP_ID, "fail", (context, arguments) -> {
                throw new IllegalStateException("the order book is closed");
            }));

    private App app;
    private User user;

    /** A type the default codecs do not know: a temperature, sent as a plain double of degrees Celsius. */
    record Celsius(double degrees) {}

    static final class CelsiusCodec implements Codec<Celsius> {
        @Override
        public void encode(BsonWriter writer, Celsius value, EncoderContext context) {
            writer.writeDouble(value.degrees());
        }

        @Override
        public Celsius decode(BsonReader reader, DecoderContext context) {
            return new Celsius(reader.readDouble());
        }

        @Override
        public Class<Celsius> getEncoderClass() {
            return Celsius.class;
        }
    }

    @BeforeEach
    void logIn() {
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl()).build());
        user = app.logIn(Credentials.anonymous());
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    private <T> T echo(T value, Class<T> type) {
        return user.functions().call("echo", type, value);
    }

    @Test
    void roundTripsScalarsThroughEcho() {
        assertEquals(42, echo(42, Integer.class));
        assertEquals(1L << 40, echo(1L << 40, Long.class));
        assertEquals(2.5, echo(2.5, Double.class));
        assertEquals(Boolean.TRUE, echo(true, Boolean.class));
        assertEquals("héllo \"wörld\"", echo("héllo \"wörld\"", String.class));
        assertNull(user.functions().call("echo", String.class, (Object) null));
    }

    @Test
    void roundTripsBsonTypesThroughEcho() {
        ObjectId id = new ObjectId();
        UUID uuid = UUID.randomUUID();
        assertEquals(id, echo(id, ObjectId.class));
        assertEquals(Decimal128.parse("12.345"), echo(Decimal128.parse("12.345"), Decimal128.class));
        assertEquals(new BigDecimal("0.10"), echo(new BigDecimal("0.10"), BigDecimal.class));
        assertEquals(INSTANT, echo(INSTANT, Instant.class));
        assertEquals(Date.from(INSTANT), echo(Date.from(INSTANT), Date.class));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, echo(new byte[] {0, 1, 2, (byte) 0xff}, byte[].class));
        assertEquals(
                new Binary((byte) 0x80, new byte[] {9}), echo(new Binary((byte) 0x80, new byte[] {9}), Binary.class));
        assertEquals(uuid, echo(uuid, UUID.class));
    }

    @Test
    void roundTripsDocumentsListsAndMapsThroughEcho() {
        Document document = new Document("name", "Ana")
                .append("tags", List.of("a", "b"))
                .append("nested", new Document("at", Date.from(INSTANT)));
        assertEquals(document, echo(document, Document.class));
        BsonDocument bson = new BsonDocument("n", new BsonInt64(5)).append("s", new BsonString("x"));
        assertEquals(bson, echo(bson, BsonDocument.class));
        List<Object> list = new ArrayList<>(List.of(1, "two", new Document("three", 3L)));
        assertEquals(list, user.functions().call("echo", List.class, list));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", new ObjectId());
        map.put("amount", Decimal128.parse("1.5"));
        assertEquals(map, user.functions().call("echo", Map.class, map));
    }

    @Test
    void roundTripsRecordsAndPojosThroughEcho() {
        Order order = new Order("o-1", 2, Decimal128.parse("9.99"), List.of(new Line("sku-1", 3)));
        assertEquals(order, echo(order, Order.class));
        Customer customer = new Customer("Ana", INSTANT);
        assertEquals(customer, echo(customer, Customer.class));
    }

    @Test
    void sendsEveryArgumentWithItsBsonType() {
        BsonValue types = user.functions()
                .callRaw(
                        "types",
                        1,
                        1L,
                        1.0,
                        Decimal128.parse("1"),
                        INSTANT,
                        new byte[] {1},
                        new ObjectId(),
                        "s",
                        true,
                        null,
                        List.of(),
                        new Document());
        assertEquals(
                BsonArray.parse("['INT32', 'INT64', 'DOUBLE', 'DECIMAL128', 'DATE_TIME', 'BINARY', 'OBJECT_ID', "
                        + "'STRING', 'BOOLEAN', 'NULL', 'ARRAY', 'DOCUMENT']"),
                types);
    }

    @Test
    void callsWithoutArgumentsAndDecodesNumbersLosslessly() {
        assertEquals(0L, user.functions().call("sum", Long.class));
        assertEquals(3L, user.functions().call("sum", Long.class, 1, 2));
        assertEquals(3, user.functions().call("sum", int.class, 1, 2));
        assertEquals(new BsonInt64(3), user.functions().callRaw("sum", 1, 2));
        assertEquals(BsonNull.VALUE, user.functions().callRaw("echo", (Object) null));
    }

    @Test
    void decodesARecordReturnedByAJavaFunctionOfTheEmulator() {
        Order order = user.functions().call("makeOrder", Order.class, "sku-9");
        assertEquals(new Order("o-7", 3, Decimal128.parse("19.90"), List.of(new Line("sku-9", 3))), order);
    }

    @Test
    void returnsTheCallerAsSeenByTheServer() {
        Document whoami = user.functions().call("whoami", Document.class);
        assertEquals(user.id(), whoami.getString("id"));
    }

    @Test
    void callsAsynchronously() {
        assertEquals(
                10L,
                user.functions()
                        .callAsync("sum", Long.class, 4, 6)
                        .toCompletableFuture()
                        .join());
        assertEquals(
                new BsonInt32(7),
                user.functions().callRawAsync("echo", 7).toCompletableFuture().join());
    }

    @Test
    void returnsADocumentWithATopLevelErrorKeyAsItsResult() {
        // The Realm SDKs take any such JSON body for an error, even with 200 (protocol.md §10); a function may
        // legitimately return one, so only the status tells a failure here.
        assertEquals(new Document("error", "x"), user.functions().call("lastProblem", Document.class));
        BsonDocument coded = BsonDocument.parse("{\"error\": \"x\", \"error_code\": \"FunctionExecutionError\"}");
        assertEquals(coded, user.functions().callRaw("echo", coded));
    }

    @Test
    void reportsAMissingFunction() {
        FunctionException e =
                assertThrows(FunctionException.class, () -> user.functions().call("noSuchFunction", Long.class));
        assertEquals(ErrorCode.FUNCTION_NOT_FOUND, e.errorCode());
        assertEquals("noSuchFunction", e.functionName());
        assertEquals(404, e.httpStatus().orElseThrow());
        assertTrue(
                e.getMessage().startsWith("APPSVC0252: function 'noSuchFunction' failed on the server: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("FunctionNotFound"), e.getMessage());
    }

    @Test
    void reportsAFunctionThatThrowsWithTheServerMessage() {
        FunctionException e =
                assertThrows(FunctionException.class, () -> user.functions().callRaw("fail", 1));
        assertEquals(ErrorCode.FUNCTION_EXECUTION_ERROR, e.errorCode());
        assertEquals("FunctionExecutionError", e.serverErrorCode().orElseThrow());
        assertEquals(400, e.httpStatus().orElseThrow());
        assertTrue(e.getMessage().contains("the order book is closed"), e.getMessage());
    }

    @Test
    void reportsAResultThatDoesNotFitTheRequestedType() {
        FunctionException e =
                assertThrows(FunctionException.class, () -> user.functions().call("echo", Long.class, "not a number"));
        assertEquals(ErrorCode.BAD_BSON_PARSE, e.errorCode());
        assertTrue(
                e.getMessage()
                        .startsWith("APPSVC0250: the result of function 'echo' (BSON STRING) cannot be "
                                + "decoded into java.lang.Long"),
                e.getMessage());
    }

    @Test
    void refusesArgumentsWithoutCodecBeforeAnyRequest() {
        long before = EMULATOR.admin().requestCount(APP_ID, "POST", "/api/client/v2.0/app/{appId}/functions/call");
        assertThrows(
                CodecConfigurationException.class, () -> user.functions().call("echo", Object.class, new Celsius(20)));
        assertEquals(
                before, EMULATOR.admin().requestCount(APP_ID, "POST", "/api/client/v2.0/app/{appId}/functions/call"));
    }

    @Test
    void usesTheCodecRegistryChosenByTheCaller() {
        Functions functions = user.functions()
                .withCodecRegistry(CodecRegistries.fromRegistries(
                        CodecRegistries.fromCodecs(new CelsiusCodec()), ExtendedJsonCodec.DEFAULT_REGISTRY));
        assertEquals(new Celsius(21.5), functions.call("echo", Celsius.class, new Celsius(21.5)));
        assertEquals(43.0, functions.call("sum", Double.class, new Celsius(21.5), new Celsius(21.5)));
    }

    @Test
    void refreshesTheAccessTokenOnceAndRetriesAfter401() {
        long refreshes = EMULATOR.admin().requestCount("POST", "/api/client/v2.0/auth/session");
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        app.addListener(events::add);
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/functions/call")
                        .times(1)
                        .error(401, "InvalidSession", "invalid session"));
        assertEquals(5L, user.functions().call("sum", Long.class, 2, 3));
        assertEquals(refreshes + 1, EMULATOR.admin().requestCount("POST", "/api/client/v2.0/auth/session"));
        assertEquals(
                List.of(AuthEvent.Type.TOKEN_REFRESHED),
                events.stream().map(AuthEvent::type).toList());
    }
}
