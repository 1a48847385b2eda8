package dev.appservices.extension.internal.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.mongo.CollectionCodec;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.DeleteResult;
import dev.appservices.mongo.FindOneAndModifyOptions;
import dev.appservices.mongo.InsertManyResult;
import dev.appservices.mongo.InsertOneResult;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.UpdateDescription;
import dev.appservices.mongo.UpdateResult;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedFindIterable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A synced collection: encodes and decodes with the remote collections' codec and hands the work to
 * {@link SyncedData}; the {@code …Async} twins run on the App's executor, as the remote collections' do. Immutable and
 * thread-safe.
 */
final class DefaultSyncedCollection<T> implements SyncedCollection<T> {

    private final SyncedData data;
    private final Namespace namespace;
    private final Class<T> documentClass;
    private final CollectionCodec codec;
    private final DefaultApp app;
    private final Runnable requireOpen;

    DefaultSyncedCollection(
            SyncedData data,
            Namespace namespace,
            Class<T> documentClass,
            CodecRegistry registry,
            DefaultApp app,
            Runnable requireOpen) {
        this.data = data;
        this.namespace = namespace;
        this.documentClass = documentClass;
        this.codec = new CollectionCodec(namespace, registry);
        this.app = app;
        this.requireOpen = requireOpen;
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public Class<T> documentClass() {
        return documentClass;
    }

    @Override
    public CodecRegistry codecRegistry() {
        return codec.registry();
    }

    @Override
    public long count(Bson filter, long limit) {
        return count(bson(filter), requireLimit(limit));
    }

    private long count(BsonDocument query, long limit) {
        requireOpen.run();
        return data.store().read(() -> data.store().collection(namespace).count(query, limit));
    }

    private static long requireLimit(long limit) {
        if (limit < 0) {
            throw SyncMessages.negativeLimit(limit);
        }
        return limit;
    }

    @Override
    public SyncedFindIterable<T> find(Bson filter) {
        return new DefaultSyncedFindIterable<>(
                this, codec.bson(Objects.requireNonNull(filter, "filter")), null, null, 0);
    }

    /** Runs a query for {@link DefaultSyncedFindIterable}. */
    List<T> run(BsonDocument filter, BsonDocument sort, BsonDocument projection, int limit) {
        requireOpen.run();
        return data
                .store()
                .read(() -> data.store().collection(namespace).find(filter, sort, projection, limit))
                .stream()
                .map(document -> codec.decode(document, documentClass, "find"))
                .toList();
    }

    BsonDocument bson(Bson value) {
        return codec.bson(Objects.requireNonNull(value, "value"));
    }

    @Override
    public InsertOneResult insertOne(T document) {
        requireOpen.run();
        return new InsertOneResult(
                data.insert(namespace, List.of(codec.encode(Objects.requireNonNull(document, "document"))))
                        .get(0));
    }

    @Override
    public InsertManyResult insertMany(List<? extends T> documents) {
        requireOpen.run();
        return new InsertManyResult(data.insert(
                namespace,
                Objects.requireNonNull(documents, "documents").stream()
                        .map(codec::encode)
                        .toList()));
    }

    @Override
    public UpdateResult updateOne(Bson filter, Bson update) {
        return update(filter, update, false);
    }

    @Override
    public UpdateResult updateMany(Bson filter, Bson update) {
        return update(filter, update, true);
    }

    private UpdateResult update(Bson filter, Bson update, boolean many) {
        requireOpen.run();
        long[] counts = data.update(namespace, bson(filter), bson(update), many);
        return new UpdateResult(counts[0], counts[1], Optional.empty());
    }

    @Override
    public DeleteResult deleteOne(Bson filter) {
        requireOpen.run();
        return new DeleteResult(data.delete(namespace, bson(filter), false));
    }

    @Override
    public DeleteResult deleteMany(Bson filter) {
        requireOpen.run();
        return new DeleteResult(data.delete(namespace, bson(filter), true));
    }

    @Override
    public <R> List<R> aggregate(List<? extends Bson> pipeline, Class<R> resultClass) {
        return aggregate(stages(pipeline), Objects.requireNonNull(resultClass, "resultClass"));
    }

    private <R> List<R> aggregate(BsonArray stages, Class<R> resultClass) {
        requireOpen.run();
        return data.store().read(() -> data.store().aggregate(namespace, stages)).stream()
                .map(document -> codec.decode(document, resultClass, "aggregate"))
                .toList();
    }

    /** The stages as BSON; the writing stages are refused, local data changes only with its upload entries. */
    private BsonArray stages(List<? extends Bson> pipeline) {
        BsonArray stages = new BsonArray();
        for (Bson stage : Objects.requireNonNull(pipeline, "pipeline")) {
            BsonDocument bson = codec.bson(Objects.requireNonNull(stage, "pipeline stage"));
            if (bson.containsKey("$out") || bson.containsKey("$merge")) {
                throw SyncMessages.writingStage(namespace, bson.getFirstKey());
            }
            stages.add(bson);
        }
        return stages;
    }

    @Override
    public Optional<T> findOneAndUpdate(Bson filter, Bson update, FindOneAndModifyOptions options) {
        return modify(bson(filter), bson(update), options);
    }

    @Override
    public Optional<T> findOneAndReplace(Bson filter, T replacement, FindOneAndModifyOptions options) {
        return modify(bson(filter), codec.encode(Objects.requireNonNull(replacement, "replacement")), options);
    }

    @Override
    public Optional<T> findOneAndDelete(Bson filter, FindOneAndModifyOptions options) {
        return modify(bson(filter), null, options);
    }

    /** A {@code findOneAnd…}: {@code update} is operators or a replacement, null for a delete. */
    private Optional<T> modify(BsonDocument filter, BsonDocument update, FindOneAndModifyOptions options) {
        Objects.requireNonNull(options, "options");
        requireOpen.run();
        BsonDocument found = data.findOneAndModify(
                namespace,
                filter,
                update,
                options.sort().map(this::bson).orElse(null),
                options.projection().map(this::bson).orElse(null),
                options.isReturnNewDocument(),
                options.isUpsert());
        return Optional.ofNullable(found).map(document -> codec.decode(document, documentClass, "findOneAndModify"));
    }

    // --- asynchronous twins: arguments are checked and encoded on the caller's thread, as the remote ones do -------

    @Override
    public CompletionStage<Long> countAsync(Bson filter, long limit) {
        BsonDocument query = bson(filter);
        long checked = requireLimit(limit);
        return async(() -> count(query, checked));
    }

    @Override
    public <R> CompletionStage<List<R>> aggregateAsync(List<? extends Bson> pipeline, Class<R> resultClass) {
        BsonArray stages = stages(pipeline);
        Objects.requireNonNull(resultClass, "resultClass");
        return async(() -> aggregate(stages, resultClass));
    }

    @Override
    public CompletionStage<InsertOneResult> insertOneAsync(T document) {
        Objects.requireNonNull(document, "document");
        return async(() -> insertOne(document));
    }

    @Override
    public CompletionStage<InsertManyResult> insertManyAsync(List<? extends T> documents) {
        List<? extends T> copy = List.copyOf(Objects.requireNonNull(documents, "documents"));
        return async(() -> insertMany(copy));
    }

    @Override
    public CompletionStage<UpdateResult> updateOneAsync(Bson filter, Bson update) {
        BsonDocument query = bson(filter);
        BsonDocument operators = bson(update);
        return async(() -> updateOne(query, operators));
    }

    @Override
    public CompletionStage<UpdateResult> updateManyAsync(Bson filter, Bson update) {
        BsonDocument query = bson(filter);
        BsonDocument operators = bson(update);
        return async(() -> updateMany(query, operators));
    }

    @Override
    public CompletionStage<DeleteResult> deleteOneAsync(Bson filter) {
        BsonDocument query = bson(filter);
        return async(() -> deleteOne(query));
    }

    @Override
    public CompletionStage<DeleteResult> deleteManyAsync(Bson filter) {
        BsonDocument query = bson(filter);
        return async(() -> deleteMany(query));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndUpdateAsync(
            Bson filter, Bson update, FindOneAndModifyOptions options) {
        BsonDocument query = bson(filter);
        BsonDocument operators = bson(update);
        Objects.requireNonNull(options, "options");
        return async(() -> modify(query, operators, options));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndReplaceAsync(
            Bson filter, T replacement, FindOneAndModifyOptions options) {
        BsonDocument query = bson(filter);
        BsonDocument document = codec.encode(Objects.requireNonNull(replacement, "replacement"));
        Objects.requireNonNull(options, "options");
        return async(() -> modify(query, document, options));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndDeleteAsync(Bson filter, FindOneAndModifyOptions options) {
        BsonDocument query = bson(filter);
        Objects.requireNonNull(options, "options");
        return async(() -> modify(query, null, options));
    }

    <R> CompletionStage<R> async(Supplier<R> operation) {
        return app.async(operation);
    }

    @Override
    public ListenerRegistration addChangeListener(Bson filter, Consumer<ChangeEvent<T>> listener) {
        Objects.requireNonNull(listener, "listener");
        return data.listeners().add(namespace, bson(filter), change -> listener.accept(event(change)));
    }

    private ChangeEvent<T> event(ChangeListeners.Change change) {
        String type = ChangeListeners.operationType(change);
        BsonDocument key =
                new BsonDocument("_id", (change.after() == null ? change.before() : change.after()).get("_id"));
        UpdateDescription description = null;
        if (change.before() != null && change.after() != null) {
            description = new UpdateDescription(
                    SyncedData.changedFields(change.before(), change.after()),
                    SyncedData.removedFields(change.before(), change.after()));
        }
        BsonDocument raw = new BsonDocument("operationType", new BsonString(type))
                .append(
                        "ns",
                        new BsonDocument("db", new BsonString(namespace.database()))
                                .append("coll", new BsonString(namespace.collection())))
                .append("documentKey", key);
        if (change.after() != null) {
            raw.append("fullDocument", change.after());
        }
        T full = change.after() == null ? null : codec.decode(change.after(), documentClass, "changeListener");
        return new ChangeEvent<>(OperationType.fromWireName(type), namespace, key, full, description, null, raw);
    }
}
