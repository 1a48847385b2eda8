package dev.appservices.sync;

import org.bson.BsonDocument;
import org.bson.codecs.BsonValueCodecProvider;
import org.bson.codecs.DocumentCodecProvider;
import org.bson.codecs.IterableCodecProvider;
import org.bson.codecs.MapCodecProvider;
import org.bson.codecs.ValueCodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/** Turns a filter given as {@link Bson} (the driver's builders, a {@code Document}) into a {@link BsonDocument}. */
final class BsonFilters {

    private static final CodecRegistry REGISTRY = CodecRegistries.fromProviders(
            new BsonValueCodecProvider(),
            new ValueCodecProvider(),
            new DocumentCodecProvider(),
            new IterableCodecProvider(),
            new MapCodecProvider());

    private BsonFilters() {}

    static BsonDocument toDocument(Bson filter) {
        return filter.toBsonDocument(BsonDocument.class, REGISTRY);
    }
}
