package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.BSONException;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonNull;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/**
 * Converts between Java values and BSON for one collection, always with the codecs of one {@link CodecRegistry}:
 * filters and updates ({@link Bson#toBsonDocument}), documents to write, answers (Extended JSON, canonical or
 * relaxed, parsed by the BSON library) and documents to return. Immutable and thread-safe.
 */
public final class CollectionCodec {

    private static final EncoderContext ENCODER_CONTEXT =
            EncoderContext.builder().build();
    private static final DecoderContext DECODER_CONTEXT =
            DecoderContext.builder().build();
    private static final BsonValueCodec BSON_VALUE_CODEC = new BsonValueCodec();

    private final Namespace namespace;
    private final CodecRegistry registry;

    public CollectionCodec(Namespace namespace, CodecRegistry registry) {
        this.namespace = namespace;
        this.registry = registry;
    }

    public CodecRegistry registry() {
        return registry;
    }

    /** A filter, update, sort, projection or stage as a document; the driver's builders render themselves here. */
    public BsonDocument bson(Bson value) {
        return value.toBsonDocument(BsonDocument.class, registry);
    }

    /**
     * A document to write, encoded by the codec of its class.
     *
     * @throws CodecConfigurationException if the registry has no codec for it
     */
    @SuppressWarnings("unchecked") // the codec was looked up by the value's own class
    public <D> BsonDocument encode(D document) {
        if (document instanceof Bson bson) {
            return bson(bson);
        }
        Codec<D> codec = (Codec<D>) registry.get(document.getClass());
        BsonDocument encoded = new BsonDocument();
        codec.encode(new BsonDocumentWriter(encoded), document, ENCODER_CONTEXT);
        return encoded;
    }

    /** Decodes a document of an answer or an event into {@code type}. */
    public <R> R decode(BsonValue document, Class<R> type, String operation) {
        if (!document.isDocument()) {
            throw MongoMessages.undecodable(namespace, operation, document.getBsonType(), type, null);
        }
        if (type == BsonDocument.class) {
            // the parsed answer is the caller's alone: no copy
            return type.cast(document);
        }
        try {
            return registry.get(type).decode(new BsonDocumentReader(document.asDocument()), DECODER_CONTEXT);
        } catch (BSONException | CodecConfigurationException | ClassCastException e) {
            throw MongoMessages.undecodable(namespace, operation, document.getBsonType(), type, e);
        }
    }

    /**
     * Reads an answer that is an array of documents straight into BSON, without building each document's tree first
     * (a synced database stores these bytes as they are).
     */
    List<RawBsonDocument> parseRawDocuments(String answer, String operation) {
        List<RawBsonDocument> documents = new ArrayList<>();
        parseRawDocuments(answer, operation, Integer.MAX_VALUE, documents::addAll);
        return List.copyOf(documents);
    }

    /**
     * {@link #parseRawDocuments(String, String)} handing the documents on in chunks of up to {@code chunk}, each as
     * soon as it is read.
     *
     * @return how many documents there were
     */
    int parseRawDocuments(String answer, String operation, int chunk, Consumer<List<RawBsonDocument>> sink) {
        if (answer == null || answer.isBlank()) {
            throw MongoMessages.unreadableAnswer(namespace, operation, "an array was expected");
        }
        int count = 0;
        List<RawBsonDocument> documents = new ArrayList<>();
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (JsonReader reader = new JsonReader(answer)) {
            if (reader.readBsonType() != BsonType.ARRAY) {
                throw MongoMessages.unreadableAnswer(namespace, operation, "an array was expected");
            }
            reader.readStartArray();
            BsonType type;
            while ((type = reader.readBsonType()) != BsonType.END_OF_DOCUMENT) {
                if (type != BsonType.DOCUMENT) {
                    throw MongoMessages.undecodable(namespace, operation, type, RawBsonDocument.class, null);
                }
                // one buffer for all: each document is copied out of it
                buffer.truncateToPosition(0);
                new BsonBinaryWriter(buffer).pipe(reader);
                documents.add(new RawBsonDocument(buffer.toByteArray()));
                count++;
                if (documents.size() == chunk) {
                    sink.accept(documents);
                    documents = new ArrayList<>();
                }
            }
            reader.readEndArray();
        } catch (JsonParseException | BSONException e) {
            // no cause: the parser's message quotes the text, which holds documents
            throw MongoMessages.unreadableAnswer(namespace, operation, "not valid Extended JSON");
        }
        if (!documents.isEmpty()) {
            sink.accept(documents);
        }
        return count;
    }

    /** Parses the answer of an operation: any Extended JSON value; an empty answer is BSON null. */
    BsonValue parse(String answer, String operation) {
        if (answer == null || answer.isBlank()) {
            return BsonNull.VALUE;
        }
        try (JsonReader reader = new JsonReader(answer)) {
            reader.readBsonType();
            return BSON_VALUE_CODEC.decode(reader, DECODER_CONTEXT);
        } catch (JsonParseException | BSONException e) {
            // no cause: the parser's message quotes the text, which holds documents
            throw MongoMessages.unreadableAnswer(namespace, operation, "not valid Extended JSON");
        }
    }
}
