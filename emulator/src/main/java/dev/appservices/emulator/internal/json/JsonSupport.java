package dev.appservices.emulator.internal.json;

import java.io.Writer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

/**
 * The emulator's one JSON library is {@code org.mongodb:bson}: it reads request bodies (plain JSON, relaxed and
 * canonical Extended JSON alike: realm-web sends {@code deviceId} as {@code {"$oid":…}}, function arguments come in
 * either EJSON mode) and writes protocol bodies, token claims, function results, custom user data and the data file.
 *
 * <p>Protocol bodies are written in relaxed mode, which writes strings, booleans, numbers, arrays and documents as
 * plain JSON. Stateless and thread-safe.
 */
public final class JsonSupport {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private static final BsonDocumentCodec DOCUMENTS = new BsonDocumentCodec();
    private static final EncoderContext ENCODING = EncoderContext.builder().build();

    /** The key of the wrapper document used to write a bare value. */
    private static final String VALUE_KEY = "v";

    private JsonSupport() {}

    /** Writes a protocol body (a document or an array of plain values) as JSON. */
    public static String toJson(BsonValue value) {
        return writeBare(value, RELAXED);
    }

    /** Writes any BSON value (document, array or scalar) as canonical Extended JSON. */
    public static String toCanonicalEjson(BsonValue value) {
        return writeBare(value, CANONICAL);
    }

    /**
     * Parses a JSON or EJSON document.
     *
     * @throws org.bson.json.JsonParseException if the text is not JSON
     * @throws org.bson.BsonInvalidOperationException if it is not an object or holds an invalid EJSON value
     */
    public static BsonDocument parseDocument(String json) {
        return BsonDocument.parse(json);
    }

    private static String writeBare(BsonValue value, JsonWriterSettings settings) {
        if (value.isDocument()) {
            return write(value.asDocument(), settings);
        }
        // The BSON JSON writer only writes documents. A bare value is written inside a one-key wrapper, whose
        // fixed frame {"v": …} is then cut off, so the library still produces every byte of the value's form.
        String wrapped = write(new BsonDocument(VALUE_KEY, value), settings);
        String prefix = "{\"" + VALUE_KEY + "\": ";
        if (!wrapped.startsWith(prefix) || !wrapped.endsWith("}")) {
            throw new IllegalStateException("unexpected JSON writer output");
        }
        return wrapped.substring(prefix.length(), wrapped.length() - 1);
    }

    /**
     * What {@link BsonDocument#toJson(JsonWriterSettings)} does, into an unsynchronized writer: the JSON writer writes
     * a string character by character, and the {@link java.io.StringWriter} that {@code toJson} uses takes a lock for
     * each, which made writing a login's tokens four times slower.
     */
    private static String write(BsonDocument document, JsonWriterSettings settings) {
        StringBuilderWriter out = new StringBuilderWriter();
        DOCUMENTS.encode(new JsonWriter(out, settings), document, ENCODING);
        return out.toString();
    }

    /** A writer into a {@link StringBuilder}; the JDK has only the synchronized {@link java.io.StringWriter}. */
    private static final class StringBuilderWriter extends Writer {

        private final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
