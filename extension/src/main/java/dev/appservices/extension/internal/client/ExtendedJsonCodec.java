package dev.appservices.extension.internal.client;

import java.lang.invoke.MethodType;
import java.util.Objects;
import org.bson.BSONException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonNull;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.PojoCodecProvider;
import org.bson.codecs.record.RecordCodecProvider;
import org.bson.conversions.Bson;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/**
 * Turns function arguments into a BSON array (which {@link ExtendedJsonBodyWriter} sends as canonical Extended JSON)
 * and function results (Extended JSON, canonical or relaxed) into Java values, always through the codecs of one
 * {@link CodecRegistry} of {@code org.mongodb:bson}: no Extended JSON is written or parsed by hand. Immutable and
 * thread-safe; each {@code Functions} holds one.
 */
final class ExtendedJsonCodec {

    /**
     * The registry used unless the caller chooses another: the library's defaults (BSON values, boxed primitives,
     * strings, dates, {@code java.time}, collections, maps, documents, enums), then records, then any other class
     * as a POJO. UUIDs use the standard representation (binary subtype 4), as the SDKs send them.
     */
    static final CodecRegistry DEFAULT_REGISTRY = CodecRegistries.withUuidRepresentation(
            CodecRegistries.fromRegistries(
                    Bson.DEFAULT_CODEC_REGISTRY,
                    CodecRegistries.fromProviders(
                            new RecordCodecProvider(),
                            PojoCodecProvider.builder().automatic(true).build())),
            UuidRepresentation.STANDARD);

    private static final EncoderContext ENCODER_CONTEXT =
            EncoderContext.builder().build();
    private static final DecoderContext DECODER_CONTEXT =
            DecoderContext.builder().build();
    private static final BsonValueCodec BSON_VALUE_CODEC = new BsonValueCodec();
    /** Codecs read and write values inside a document; a lone value is carried under this key. */
    private static final String HOLDER_KEY = "value";

    private final CodecRegistry registry;

    ExtendedJsonCodec(CodecRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Encodes {@code args} in order as a BSON array; a null argument becomes BSON null.
     *
     * @throws CodecConfigurationException if the registry has no codec for an argument's class
     */
    BsonArray encodeArguments(Object... args) {
        BsonDocument holder = new BsonDocument();
        BsonWriter writer = new BsonDocumentWriter(holder);
        writer.writeStartDocument();
        writer.writeName(HOLDER_KEY);
        writer.writeStartArray();
        for (Object arg : args) {
            if (arg == null) {
                writer.writeNull();
            } else {
                encode(writer, arg);
            }
        }
        writer.writeEndArray();
        writer.writeEndDocument();
        return holder.getArray(HOLDER_KEY);
    }

    @SuppressWarnings("unchecked") // the codec was looked up by the value's own class
    private <T> void encode(BsonWriter writer, T value) {
        Codec<T> codec = (Codec<T>) registry.get(value.getClass());
        ENCODER_CONTEXT.encodeWithChildContext(codec, writer, value);
    }

    /**
     * Parses the body of a function response. Any JSON value is allowed at the top level, in canonical or relaxed
     * Extended JSON; an empty body and {@code undefined} count as null.
     *
     * @return the result, {@link BsonNull#VALUE} for null or undefined
     * @throws dev.appservices.FunctionException if {@code json} is not valid Extended JSON
     */
    static BsonValue parseResult(String functionName, String json) {
        if (json == null || json.isBlank()) {
            return BsonNull.VALUE;
        }
        try (JsonReader reader = new JsonReader(json)) {
            reader.readBsonType();
            BsonValue value = BSON_VALUE_CODEC.decode(reader, DECODER_CONTEXT);
            return value.getBsonType() == BsonType.UNDEFINED ? BsonNull.VALUE : value;
        } catch (JsonParseException | BSONException e) {
            throw UserOperationMessages.unreadableResult(functionName);
        }
    }

    /**
     * Decodes a function result into {@code type}: {@code Void} gives null, {@code Object} the natural Java value
     * (a {@link Document}, a list, a boxed number…), any other class the value its codec decodes. A primitive class
     * stands for its wrapper.
     *
     * @return the value, null if {@code result} is BSON null
     * @throws dev.appservices.FunctionException if the registry has no codec for {@code type} or the codec cannot
     *         decode {@code result}
     */
    <T> T decodeResult(String functionName, BsonValue result, Class<T> type) {
        @SuppressWarnings("unchecked") // wrap() maps a primitive class to its wrapper, which T also stands for
        Class<T> target = (Class<T>) MethodType.methodType(type).wrap().returnType();
        if (result.isNull() || target == Void.class) {
            return null;
        }
        try {
            if (target == Object.class) {
                // The document codec decodes each field with the registry's rules for nested values; that is
                // exactly the natural Java value wanted here.
                BsonDocument holder = new BsonDocument(HOLDER_KEY, result);
                return target.cast(registry.get(Document.class)
                        .decode(new BsonDocumentReader(holder), DECODER_CONTEXT)
                        .get(HOLDER_KEY));
            }
            return decodeValue(result, registry.get(target));
        } catch (BSONException | CodecConfigurationException | ClassCastException e) {
            throw UserOperationMessages.undecodableResult(functionName, result.getBsonType(), type, e);
        }
    }

    /** Decodes {@code value}, which may be of any BSON type, with {@code codec}. */
    private static <T> T decodeValue(BsonValue value, Codec<T> codec) {
        BsonReader reader = new BsonDocumentReader(new BsonDocument(HOLDER_KEY, value));
        reader.readStartDocument();
        reader.readName(HOLDER_KEY);
        return codec.decode(reader, DECODER_CONTEXT);
    }
}
