package dev.appservices.emulator.internal.json;

import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Builds the JSON bodies the emulator writes, with the protocol's field names. A {@code null} value leaves the
 * field out, as the service omits absent fields. Not thread-safe; one builder per body.
 */
public final class DocumentBuilder {

    private final BsonDocument document = new BsonDocument();

    private DocumentBuilder() {}

    public static DocumentBuilder document() {
        return new DocumentBuilder();
    }

    public DocumentBuilder put(String key, String value) {
        return value == null ? this : put(key, new BsonString(value));
    }

    public DocumentBuilder put(String key, boolean value) {
        return put(key, BsonBoolean.valueOf(value));
    }

    /** An integral number; {@code null} leaves the field out. */
    public DocumentBuilder put(String key, Long value) {
        return value == null ? this : put(key, new BsonInt64(value));
    }

    /** A JSON object of strings; {@code null} leaves the field out. */
    public DocumentBuilder put(String key, Map<String, String> values) {
        if (values == null) {
            return this;
        }
        BsonDocument object = new BsonDocument();
        values.forEach((name, value) -> object.append(name, new BsonString(value)));
        return put(key, object);
    }

    /** An array of values. */
    public DocumentBuilder putArray(String key, List<? extends BsonValue> values) {
        return put(key, new BsonArray(values));
    }

    public DocumentBuilder put(String key, BsonValue value) {
        if (value != null) {
            document.append(key, value);
        }
        return this;
    }

    public BsonDocument build() {
        return document;
    }
}
