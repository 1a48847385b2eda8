package dev.appservices.extension.internal.sync;

import dev.appservices.sync.SyncedFindIterable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/** A local query with its refinements; runs when a result is asked for. Immutable. */
final class DefaultSyncedFindIterable<T> implements SyncedFindIterable<T> {

    private final DefaultSyncedCollection<T> collection;
    private final BsonDocument filter;
    private final BsonDocument sort;
    private final BsonDocument projection;
    private final int limit;

    DefaultSyncedFindIterable(
            DefaultSyncedCollection<T> collection,
            BsonDocument filter,
            BsonDocument sort,
            BsonDocument projection,
            int limit) {
        this.collection = collection;
        this.filter = filter;
        this.sort = sort;
        this.projection = projection;
        this.limit = limit;
    }

    @Override
    public SyncedFindIterable<T> sort(Bson sort) {
        return new DefaultSyncedFindIterable<>(collection, filter, collection.bson(sort), projection, limit);
    }

    @Override
    public SyncedFindIterable<T> projection(Bson projection) {
        return new DefaultSyncedFindIterable<>(collection, filter, sort, collection.bson(projection), limit);
    }

    @Override
    public SyncedFindIterable<T> limit(int limit) {
        if (limit < 0) {
            throw SyncMessages.negativeLimit(limit);
        }
        return new DefaultSyncedFindIterable<>(collection, filter, sort, projection, limit);
    }

    @Override
    public List<T> toList() {
        return collection.run(filter, sort, projection, limit);
    }

    @Override
    public CompletionStage<List<T>> toListAsync() {
        return collection.async(this::toList);
    }

    @Override
    public Optional<T> first() {
        return collection.run(filter, sort, projection, 1).stream().findFirst();
    }

    @Override
    public CompletionStage<Optional<T>> firstAsync() {
        return collection.async(this::first);
    }
}
