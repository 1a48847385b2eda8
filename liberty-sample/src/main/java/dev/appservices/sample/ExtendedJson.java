package dev.appservices.sample;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * Converts between the BSON values of the App (profiles, custom data, function arguments and results) and the JSON
 * of the sample's REST resources. The {@code org.bson} library reads and writes the Extended JSON; relaxed mode keeps
 * numbers, strings and booleans plain JSON, and types JSON has no form for (dates, 64-bit integers beyond 2^53,
 * ObjectIds) in their {@code $}-form. Stateless.
 */
final class ExtendedJson {

    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** The field that wraps a single value: Extended JSON is written for documents only. */
    private static final String VALUE = "value";

    private ExtendedJson() {}

    /** A document (profile, custom data) as a JSON object. */
    static JsonObject toJson(Document document) {
        return parse(document.toJson(RELAXED));
    }

    /** Any BSON value (a function result) as JSON. */
    static JsonValue toJson(BsonValue value) {
        return parse(new BsonDocument(VALUE, value).toJson(RELAXED)).get(VALUE);
    }

    /**
     * Reads function arguments: a JSON array whose elements may use Extended JSON ({@code {"$date": ...}}).
     *
     * @throws IllegalArgumentException with the parser's explanation if the text is not such an array
     */
    static List<BsonValue> arguments(String json) {
        try {
            return BsonArray.parse(json).getValues();
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
