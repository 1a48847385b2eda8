package dev.appservices;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;

/**
 * Deep copies of {@link Document}s for the immutable value types of this package. A {@code Document} and the
 * documents and lists nested in it are mutable, so a value type keeps a {@link BsonDocument} snapshot and hands
 * out fresh {@code Document}s decoded from it; the BSON library's {@link DocumentCodec} does the work.
 */
final class Documents {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private Documents() {}

    /**
     * Encodes {@code document} with the default codec registry (BSON values, boxed primitives, strings, dates,
     * {@code java.time} values, maps, lists and nested documents).
     *
     * @throws org.bson.codecs.configuration.CodecConfigurationException if a value has no codec
     */
    static BsonDocument snapshot(Document document) {
        BsonDocument snapshot = new BsonDocument();
        CODEC.encode(
                new BsonDocumentWriter(snapshot),
                document,
                EncoderContext.builder().build());
        return snapshot;
    }

    /** Decodes a new, independent {@code Document} from a snapshot. */
    static Document toDocument(BsonDocument snapshot) {
        return CODEC.decode(
                new BsonDocumentReader(snapshot), DecoderContext.builder().build());
    }

    /** Returns an independent deep copy of {@code document}. */
    static Document copy(Document document) {
        return toDocument(snapshot(document));
    }
}
