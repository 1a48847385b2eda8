package dev.appservices.extension.internal.client;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

/**
 * Writes {@link BsonDocument} request bodies as canonical Extended JSON with the BSON library's own writer, as the
 * Realm SDKs do (a custom-function payload keeps its types: {@code {"$numberInt": "1"}}). Registered
 * programmatically on every client; stateless and thread-safe.
 */
@Produces(MediaType.APPLICATION_JSON)
final class ExtendedJsonBodyWriter implements MessageBodyWriter<BsonDocument> {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
    private static final EncoderContext ENCODING = EncoderContext.builder().build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return BsonDocument.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            BsonDocument document,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        // written as it is encoded: BsonDocument.toJson would build it in a StringWriter (a StringBuffer that grows by
        // copying) and then copy it again into bytes; a function call's arguments can be thousands of documents
        Writer writer = new UnsynchronizedBufferedWriter(new OutputStreamWriter(entityStream, StandardCharsets.UTF_8));
        CODEC.encode(new JsonWriter(writer, CANONICAL), document, ENCODING);
        writer.flush();
    }
}
