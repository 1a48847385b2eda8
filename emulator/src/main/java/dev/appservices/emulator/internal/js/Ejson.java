package dev.appservices.emulator.internal.js;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Values crossing into and out of JavaScript, as canonical Extended JSON text of a one-key document {@code {"v":
 * value}} (the BSON writer writes documents only). Stateless.
 */
final class Ejson {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String KEY = "v";

    private Ejson() {}

    static String wrap(BsonValue value) {
        return new BsonDocument(KEY, value).toJson(CANONICAL);
    }

    static BsonValue unwrap(String text) {
        return BsonDocument.parse(text).get(KEY);
    }
}
