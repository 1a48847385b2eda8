package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.RemoteFindIterable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * A prepared find: {@link #toList()} sends {@code find}, {@link #first()} sends {@code findOne} (with the sort and
 * projection, as the SDKs' {@code findOne} does). The filter, sort and projection are rendered when set, with the
 * collection's registry. Immutable.
 */
final class DefaultFindIterable<T> implements RemoteFindIterable<T> {

    private final DefaultRemoteMongoCollection<?> collection;
    private final Class<T> type;
    private final BsonDocument query;
    private final BsonDocument sort;
    private final BsonDocument projection;
    private final int limit;

    DefaultFindIterable(
            DefaultRemoteMongoCollection<?> collection,
            Class<T> type,
            BsonDocument query,
            BsonDocument sort,
            BsonDocument projection,
            int limit) {
        this.collection = collection;
        this.type = type;
        this.query = query;
        this.sort = sort;
        this.projection = projection;
        this.limit = limit;
    }

    @Override
    public RemoteFindIterable<T> sort(Bson sort) {
        return new DefaultFindIterable<>(
                collection, type, query, render(Objects.requireNonNull(sort, "sort")), projection, limit);
    }

    @Override
    public RemoteFindIterable<T> projection(Bson projection) {
        return new DefaultFindIterable<>(
                collection, type, query, sort, render(Objects.requireNonNull(projection, "projection")), limit);
    }

    @Override
    public RemoteFindIterable<T> limit(int limit) {
        if (limit < 0) {
            throw MongoMessages.negative("the find limit", limit);
        }
        return new DefaultFindIterable<>(collection, type, query, sort, projection, limit);
    }

    @Override
    public List<T> toList() {
        return collection.find(query, sort, projection, limit, type);
    }

    @Override
    public CompletionStage<List<T>> toListAsync() {
        return collection.async(this::toList);
    }

    @Override
    public Optional<T> first() {
        return collection.findOne(query, sort, projection, type);
    }

    @Override
    public CompletionStage<Optional<T>> firstAsync() {
        return collection.async(this::first);
    }

    private BsonDocument render(Bson value) {
        return value.toBsonDocument(BsonDocument.class, collection.codecRegistry());
    }
}
