package dev.appservices.emulator.internal.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The emulator's two JSON dialects in one place: plain protocol JSON through JSON-B (Yasson), and Extended JSON
 * through {@code org.mongodb:bson} (request bodies, function arguments and results, custom user data).
 *
 * <p>Request bodies are always read with the BSON reader because it accepts plain JSON, relaxed and canonical EJSON
 * alike (realm-web sends {@code deviceId} as {@code {"$oid":…}}; function arguments come in either EJSON mode).
 * Stateless and thread-safe ({@link Jsonb} instances are).
 */
public final class JsonSupport {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    /** The key of the wrapper document used to write a bare value as EJSON. */
    private static final String VALUE_KEY = "v";

    private JsonSupport() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    /** Writes any BSON value (document, array or scalar) as canonical Extended JSON. */
    public static String toCanonicalEjson(BsonValue value) {
        return writeBare(value, CANONICAL);
    }

    /** Writes a document as relaxed Extended JSON (used for the {@code user_data} claim). */
    public static String toRelaxedEjson(BsonDocument document) {
        return document.toJson(RELAXED);
    }

    /** Parses a relaxed or canonical EJSON document that the emulator itself wrote or validated. */
    public static BsonDocument parseDocument(String json) {
        return BsonDocument.parse(json);
    }

    private static String writeBare(BsonValue value, JsonWriterSettings settings) {
        if (value.isDocument()) {
            return value.asDocument().toJson(settings);
        }
        // The BSON JSON writer only writes documents. A bare value is written inside a one-key wrapper and read
        // back out through JSON-P, so the library still produces every byte of the value's EJSON form.
        String wrapped = new BsonDocument(VALUE_KEY, value).toJson(settings);
        jakarta.json.JsonObject object = JSONB.fromJson(wrapped, jakarta.json.JsonObject.class);
        return object.get(VALUE_KEY).toString();
    }
}
