package dev.appservices.extension.internal.sync;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts between the BSON library's values and the value model of mongo-java-server, the engine of the local store.
 * Written by hand because mongo-java-server reads BSON only from Netty buffers of its wire protocol; the mapping is
 * the one its own decoder applies.
 */
final class BsonBridge {

    private BsonBridge() {}

    static Document toEngine(BsonDocument document) {
        Document result = new Document();
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            result.put(entry.getKey(), toEngine(entry.getValue()));
        }
        return result;
    }

    static Object toEngine(BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> toEngine(value.asDocument());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asArray().forEach(item -> list.add(toEngine(item)));
                yield list;
            }
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> value.asDouble().getValue();
            case BOOLEAN -> value.asBoolean().getValue();
            case NULL, UNDEFINED -> null;
            case OBJECT_ID ->
                new de.bwaldvogel.mongo.bson.ObjectId(
                        value.asObjectId().getValue().toByteArray());
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue());
            case DECIMAL128 -> {
                Decimal128 decimal = value.asDecimal128().getValue();
                yield new de.bwaldvogel.mongo.bson.Decimal128(decimal.getLow(), decimal.getHigh());
            }
            case BINARY -> binaryToEngine(value.asBinary());
            case TIMESTAMP ->
                new de.bwaldvogel.mongo.bson.BsonTimestamp(value.asTimestamp().getValue());
            case REGULAR_EXPRESSION ->
                new de.bwaldvogel.mongo.bson.BsonRegularExpression(
                        value.asRegularExpression().getPattern(),
                        value.asRegularExpression().getOptions());
            case JAVASCRIPT ->
                new de.bwaldvogel.mongo.bson.BsonJavaScript(value.asJavaScript().getCode());
            case MIN_KEY -> MinKey.getInstance();
            case MAX_KEY -> MaxKey.getInstance();
            default -> throw SyncMessages.unsupportedType(value.getBsonType().name());
        };
    }

    private static Object binaryToEngine(BsonBinary binary) {
        if (binary.getType() == BsonBinarySubType.UUID_STANDARD.getValue()) {
            return binary.asUuid(UuidRepresentation.STANDARD);
        }
        if (binary.getType() == BsonBinarySubType.UUID_LEGACY.getValue()) {
            return new LegacyUUID(binary.asUuid(UuidRepresentation.JAVA_LEGACY));
        }
        return new BinData(binary.getData());
    }

    static BsonDocument toBson(Document document) {
        BsonDocument result = new BsonDocument();
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            result.append(entry.getKey(), toBson(entry.getValue()));
        }
        return result;
    }

    static BsonValue toBson(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (value instanceof Document document) {
            return toBson(document);
        }
        if (value instanceof List<?> list) {
            BsonArray array = new BsonArray();
            list.forEach(item -> array.add(toBson(item)));
            return array;
        }
        if (value instanceof String text) {
            return new BsonString(text);
        }
        if (value instanceof Integer number) {
            return new BsonInt32(number);
        }
        if (value instanceof Long number) {
            return new BsonInt64(number);
        }
        if (value instanceof Double number) {
            return new BsonDouble(number);
        }
        if (value instanceof Boolean flag) {
            return BsonBoolean.valueOf(flag);
        }
        if (value instanceof de.bwaldvogel.mongo.bson.ObjectId id) {
            return new BsonObjectId(new ObjectId(id.toByteArray()));
        }
        if (value instanceof Instant instant) {
            return new BsonDateTime(instant.toEpochMilli());
        }
        if (value instanceof java.util.Date date) {
            return new BsonDateTime(date.getTime());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.Decimal128 decimal) {
            return new BsonDecimal128(Decimal128.fromIEEE754BIDEncoding(decimal.getHigh(), decimal.getLow()));
        }
        if (value instanceof UUID uuid) {
            return new BsonBinary(uuid, UuidRepresentation.STANDARD);
        }
        if (value instanceof LegacyUUID uuid) {
            return new BsonBinary(uuid.getUuid(), UuidRepresentation.JAVA_LEGACY);
        }
        if (value instanceof BinData binary) {
            return new BsonBinary(binary.getData());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonTimestamp timestamp) {
            return new BsonTimestamp(timestamp.getValue());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression regex) {
            return new BsonRegularExpression(regex.getPattern(), regex.getOptions());
        }
        if (value instanceof de.bwaldvogel.mongo.bson.BsonJavaScript code) {
            return new BsonJavaScript(code.getCode());
        }
        if (value instanceof MinKey) {
            return new BsonMinKey();
        }
        if (value instanceof MaxKey) {
            return new BsonMaxKey();
        }
        if (value instanceof Float number) {
            return new BsonDouble(number);
        }
        if (value instanceof Number number) {
            return new BsonInt64(number.longValue());
        }
        throw SyncMessages.unsupportedType(value.getClass().getSimpleName());
    }
}
