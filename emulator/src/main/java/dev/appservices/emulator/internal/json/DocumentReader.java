package dev.appservices.emulator.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Typed reads of JSON the emulator wrote itself or receives from its own admin client (the data file, admin API
 * bodies). A value of the wrong type fails with {@link IllegalArgumentException} naming the field, which the caller
 * turns into its coded message. Absent and {@code null} fields read as {@code null}. Stateless.
 */
public final class DocumentReader {

    private DocumentReader() {}

    public static String string(BsonDocument document, String key) {
        BsonValue value = present(document, key);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(key, "a string");
        }
        return value.asString().getValue();
    }

    public static String requiredString(BsonDocument document, String key) {
        String value = string(document, key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    /** An integral number (int32, int64, or a double without fraction). */
    public static Long integer(BsonDocument document, String key) {
        BsonValue value = present(document, key);
        if (value == null) {
            return null;
        }
        if (value.isInt32() || value.isInt64()) {
            return value.asNumber().longValue();
        }
        if (value.isDouble()
                && value.asDouble().getValue() == Math.rint(value.asDouble().getValue())
                && Math.abs(value.asDouble().getValue()) < 0x1p53) {
            return (long) value.asDouble().getValue();
        }
        throw wrongType(key, "an integer");
    }

    public static long requiredInteger(BsonDocument document, String key) {
        Long value = integer(document, key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    /** An integral number within the range of {@code int}. */
    public static Integer smallInteger(BsonDocument document, String key) {
        Long value = integer(document, key);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw wrongType(key, "an integer of at most 10 digits");
        }
        return value.intValue();
    }

    public static boolean bool(BsonDocument document, String key) {
        BsonValue value = present(document, key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(key, "true or false");
        }
        return value.asBoolean().getValue();
    }

    /** The objects of an array; empty if absent. */
    public static List<BsonDocument> documents(BsonDocument document, String key) {
        BsonValue value = present(document, key);
        List<BsonDocument> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            throw wrongType(key, "an array");
        }
        for (BsonValue element : value.asArray()) {
            if (!element.isDocument()) {
                throw wrongType(key + "[]", "an object");
            }
            result.add(element.asDocument());
        }
        return result;
    }

    /** An object; empty if absent. */
    public static BsonDocument document(BsonDocument document, String key) {
        BsonValue value = present(document, key);
        if (value == null) {
            return new BsonDocument();
        }
        if (!value.isDocument()) {
            throw wrongType(key, "an object");
        }
        return value.asDocument();
    }

    /** An object of strings; empty if absent. */
    public static Map<String, String> strings(BsonDocument document, String key) {
        BsonDocument object = document(document, key);
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : object.keySet()) {
            result.put(name, requiredString(object, name));
        }
        return result;
    }

    private static BsonValue present(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private static IllegalArgumentException wrongType(String key, String expected) {
        return new IllegalArgumentException("'" + key + "' must be " + expected);
    }
}
