package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;
import dev.appservices.extension.internal.client.FunctionTestTypes.Customer;
import dev.appservices.extension.internal.client.FunctionTestTypes.Line;
import dev.appservices.extension.internal.client.FunctionTestTypes.Order;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ExtendedJsonCodecTest {

    private static final Instant INSTANT = Instant.parse("2024-05-06T07:08:09.123Z");

    private final ExtendedJsonCodec codec = new ExtendedJsonCodec(ExtendedJsonCodec.DEFAULT_REGISTRY);

    /** The arguments as the request body writer sends them. */
    private String wire(Object... args) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new ExtendedJsonBodyWriter()
                .writeTo(
                        new BsonDocument("arguments", codec.encodeArguments(args)),
                        BsonDocument.class,
                        BsonDocument.class,
                        new Annotation[0],
                        MediaType.APPLICATION_JSON_TYPE,
                        null,
                        body);
        return body.toString(StandardCharsets.UTF_8);
    }

    @Test
    void encodesScalarsAsCanonicalExtendedJson() throws IOException {
        assertEquals(
                "{\"arguments\": [{\"$numberInt\": \"5\"}, {\"$numberLong\": \"6\"}, "
                        + "{\"$numberDouble\": \"1.5\"}, {\"$numberDouble\": \"NaN\"}, true, \"text\", null]}",
                wire(5, 6L, 1.5, Double.NaN, true, "text", null));
    }

    @Test
    void encodesNoArgumentsAsEmptyArray() throws IOException {
        assertEquals("{\"arguments\": []}", wire());
    }

    @Test
    void encodesBsonSpecificTypes() throws IOException {
        ObjectId id = new ObjectId("65f0a1b2c3d4e5f60718293a");
        UUID uuid = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        assertEquals(
                "{\"arguments\": [{\"$oid\": \"65f0a1b2c3d4e5f60718293a\"}, "
                        + "{\"$numberDecimal\": \"12.34\"}, {\"$numberDecimal\": \"0.5\"}, "
                        + "{\"$date\": {\"$numberLong\": \"1714979289123\"}}, "
                        + "{\"$date\": {\"$numberLong\": \"1714979289123\"}}, "
                        + "{\"$binary\": {\"base64\": \"AQID\", \"subType\": \"00\"}}, "
                        + "{\"$binary\": {\"base64\": \"AQ==\", \"subType\": \"80\"}}, "
                        + "{\"$binary\": {\"base64\": \"ASNFZ4mrze8BI0VniavN7w==\", \"subType\": \"04\"}}]}",
                wire(
                        id,
                        Decimal128.parse("12.34"),
                        new BigDecimal("0.5"),
                        INSTANT,
                        Date.from(INSTANT),
                        new byte[] {1, 2, 3},
                        new Binary((byte) 0x80, new byte[] {1}),
                        uuid));
    }

    @Test
    void encodesDocumentsListsAndMapsWithNestedValues() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1L);
        map.put("list", List.of(1, "two"));
        assertEquals(
                "{\"arguments\": [{\"a\": {\"$numberInt\": \"1\"}, \"b\": [\"x\"]}, "
                        + "{\"c\": {\"$numberInt\": \"2\"}}, "
                        + "{\"n\": {\"$numberLong\": \"1\"}, \"list\": [{\"$numberInt\": \"1\"}, \"two\"]}, "
                        + "[{\"$oid\": \"65f0a1b2c3d4e5f60718293a\"}]]}",
                wire(
                        new Document("a", 1).append("b", List.of("x")),
                        new BsonDocument("c", new BsonInt32(2)),
                        map,
                        List.of(new ObjectId("65f0a1b2c3d4e5f60718293a"))));
    }

    @Test
    void encodesRecordsAndPojosAsDocuments() throws IOException {
        Order order = new Order("o-1", 2, Decimal128.parse("9.99"), List.of(new Line("sku-1", 3)));
        assertEquals(
                "{\"arguments\": [{\"id\": \"o-1\", \"quantity\": {\"$numberLong\": \"2\"}, "
                        + "\"price\": {\"$numberDecimal\": \"9.99\"}, "
                        + "\"lines\": [{\"sku\": \"sku-1\", \"count\": {\"$numberInt\": \"3\"}}]}, "
                        + "{\"name\": \"Ana\", \"since\": {\"$date\": {\"$numberLong\": \"1714979289123\"}}}]}",
                wire(order, new Customer("Ana", INSTANT)));
    }

    @Test
    void rejectsArgumentsWithoutCodec() {
        assertThrows(CodecConfigurationException.class, () -> codec.encodeArguments(new Object()));
    }

    @Test
    void parsesCanonicalAndRelaxedResultsAlike() {
        assertEquals(new BsonInt64(3), ExtendedJsonCodec.parseResult("f", "{\"$numberLong\":\"3\"}"));
        assertEquals(new BsonInt32(3), ExtendedJsonCodec.parseResult("f", "3"));
        assertEquals(new BsonString("s"), ExtendedJsonCodec.parseResult("f", "\"s\""));
        assertEquals(
                ExtendedJsonCodec.parseResult("f", "{\"d\":{\"$date\":{\"$numberLong\":\"1714979289123\"}}}"),
                ExtendedJsonCodec.parseResult("f", "{\"d\":{\"$date\":\"2024-05-06T07:08:09.123Z\"}}"));
        assertEquals(
                new BsonArray(List.of(new BsonInt32(1), BsonNull.VALUE)),
                ExtendedJsonCodec.parseResult("f", "[1,null]"));
    }

    @Test
    void parsesNullUndefinedAndEmptyBodiesAsNull() {
        assertEquals(BsonNull.VALUE, ExtendedJsonCodec.parseResult("f", "null"));
        assertEquals(BsonNull.VALUE, ExtendedJsonCodec.parseResult("f", "{\"$undefined\":true}"));
        assertEquals(BsonNull.VALUE, ExtendedJsonCodec.parseResult("f", ""));
    }

    @Test
    void rejectsInvalidJsonNamingTheFunction() {
        FunctionException e = assertThrows(
                FunctionException.class, () -> ExtendedJsonCodec.parseResult("report", "{\"secret-ish\": "));
        assertEquals("APPSVC0251: the result of function 'report' is not valid Extended JSON", e.getMessage());
        assertEquals(ErrorCode.BAD_BSON_PARSE, e.errorCode());
        assertEquals("report", e.functionName());
    }

    @Test
    void decodesNumbersAcrossBsonNumberTypesWhenLossless() {
        assertEquals(3L, codec.decodeResult("sum", ExtendedJsonCodec.parseResult("sum", "3"), Long.class));
        assertEquals(3L, codec.decodeResult("sum", new BsonInt64(3), long.class));
        assertEquals(3, codec.decodeResult("sum", new BsonInt64(3), Integer.class));
        assertEquals(
                2.5,
                codec.decodeResult(
                        "sum", ExtendedJsonCodec.parseResult("sum", "{\"$numberDouble\":\"2.5\"}"), Double.class));
    }

    @Test
    void decodesTypedScalars() {
        assertEquals(
                INSTANT,
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult("f", "{\"$date\":\"2024-05-06T07:08:09.123Z\"}"),
                        Instant.class));
        assertEquals(
                Date.from(INSTANT),
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult("f", "{\"$date\":{\"$numberLong\":\"1714979289123\"}}"),
                        Date.class));
        assertEquals(
                new ObjectId("65f0a1b2c3d4e5f60718293a"),
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult("f", "{\"$oid\":\"65f0a1b2c3d4e5f60718293a\"}"),
                        ObjectId.class));
        assertEquals(
                Decimal128.parse("1.10"),
                codec.decodeResult(
                        "f", ExtendedJsonCodec.parseResult("f", "{\"$numberDecimal\":\"1.10\"}"), Decimal128.class));
        assertArrayEquals(
                new byte[] {1, 2, 3},
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult("f", "{\"$binary\":{\"base64\":\"AQID\",\"subType\":\"00\"}}"),
                        byte[].class));
        assertEquals(
                UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"),
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult(
                                "f", "{\"$binary\":{\"base64\":\"ASNFZ4mrze8BI0VniavN7w==\",\"subType\":\"04\"}}"),
                        UUID.class));
    }

    @Test
    void decodesRecordsAndPojosFromRelaxedOrCanonicalDocuments() {
        Order expected = new Order("o-1", 2, Decimal128.parse("9.99"), List.of(new Line("sku-1", 3)));
        assertEquals(
                expected,
                codec.decodeResult(
                        "order",
                        ExtendedJsonCodec.parseResult(
                                "order",
                                "{\"id\":\"o-1\",\"quantity\":2,\"price\":{\"$numberDecimal\":\"9.99\"},"
                                        + "\"lines\":[{\"sku\":\"sku-1\",\"count\":{\"$numberInt\":\"3\"}}]}"),
                        Order.class));
        assertEquals(
                new Customer("Ana", INSTANT),
                codec.decodeResult(
                        "customer",
                        ExtendedJsonCodec.parseResult(
                                "customer", "{\"name\":\"Ana\",\"since\":{\"$date\":\"2024-05-06T07:08:09.123Z\"}}"),
                        Customer.class));
    }

    @Test
    void decodesObjectAsTheNaturalJavaValue() {
        Object document = codec.decodeResult(
                "f",
                ExtendedJsonCodec.parseResult(
                        "f", "{\"a\":{\"$numberLong\":\"1\"},\"b\":[\"x\",{\"$oid\":\"65f0a1b2c3d4e5f60718293a\"}]}"),
                Object.class);
        assertEquals(
                new Document("a", 1L).append("b", List.of("x", new ObjectId("65f0a1b2c3d4e5f60718293a"))), document);
        assertEquals(
                List.of(1, "x"),
                codec.decodeResult("f", ExtendedJsonCodec.parseResult("f", "[1,\"x\"]"), Object.class));
        assertEquals(7, codec.decodeResult("f", new BsonInt32(7), Object.class));
        assertEquals(
                UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"),
                codec.decodeResult(
                        "f",
                        ExtendedJsonCodec.parseResult(
                                "f", "{\"$binary\":{\"base64\":\"ASNFZ4mrze8BI0VniavN7w==\",\"subType\":\"04\"}}"),
                        Object.class));
    }

    @Test
    void decodesDocumentsAndBsonValues() {
        BsonValue result = ExtendedJsonCodec.parseResult("f", "{\"a\":1}");
        assertEquals(new Document("a", 1), codec.decodeResult("f", result, Document.class));
        assertEquals(result, codec.decodeResult("f", result, BsonDocument.class));
        assertEquals(result, codec.decodeResult("f", result, BsonValue.class));
    }

    @Test
    void decodesNullAsNullAndVoidAsNull() {
        assertNull(codec.decodeResult("f", BsonNull.VALUE, Long.class));
        assertNull(codec.decodeResult("f", BsonNull.VALUE, Order.class));
        assertNull(codec.decodeResult("f", new BsonInt32(1), Void.class));
    }

    @Test
    void failsWithCodedMessageWhenResultDoesNotFitTheType() {
        FunctionException e = assertThrows(
                FunctionException.class, () -> codec.decodeResult("sum", new BsonString("three"), Long.class));
        assertEquals(
                "APPSVC0250: the result of function 'sum' (BSON STRING) cannot be decoded into java.lang.Long; "
                        + "call it with a matching result type or a codec registry that has a codec for that type",
                e.getMessage());
        assertEquals(ErrorCode.BAD_BSON_PARSE, e.errorCode());
        assertEquals("sum", e.functionName());
        assertTrue(e.httpStatus().isEmpty());
    }

    @Test
    void failsWhenARecordComponentHasTheWrongType() {
        FunctionException e = assertThrows(
                FunctionException.class,
                () -> codec.decodeResult(
                        "order",
                        ExtendedJsonCodec.parseResult("order", "{\"id\":\"o-1\",\"quantity\":\"many\"}"),
                        Order.class));
        assertTrue(
                e.getMessage()
                        .startsWith("APPSVC0250: the result of function 'order' (BSON DOCUMENT) cannot be "
                                + "decoded into " + Order.class.getName()),
                e.getMessage());
    }

    @Test
    void failsWhenNoCodecExistsForTheType() {
        FunctionException e =
                assertThrows(FunctionException.class, () -> codec.decodeResult("f", new BsonInt32(1), Runnable.class));
        assertInstanceOf(CodecConfigurationException.class, e.getCause());
    }
}
