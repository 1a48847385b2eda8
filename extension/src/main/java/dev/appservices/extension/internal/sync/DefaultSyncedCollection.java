package dev.appservices.extension.internal.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.extension.internal.mongo.CollectionCodec;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.DeleteResult;
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
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A synced collection: encodes and decodes with the remote collections' codec and hands the work to
 * {@link SyncedData}. Immutable and thread-safe.
 */
final class DefaultSyncedCollection<T> implements SyncedCollection<T> {

    private final SyncedData data;
    private final Namespace namespace;
    private final Class<T> documentClass;
    private final CollectionCodec codec;
    private final Runnable requireOpen;

    DefaultSyncedCollection(
            SyncedData data,
            Namespace namespace,
            Class<T> documentClass,
            CodecRegistry registry,
            Runnable requireOpen) {
        this.data = data;
        this.namespace = namespace;
        this.documentClass = documentClass;
        this.codec = new CollectionCodec(namespace, registry);
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
    public long count(Bson filter) {
        requireOpen.run();
        BsonDocument query = codec.bson(Objects.requireNonNull(filter, "filter"));
        return data.store().read(() -> data.store().count(namespace, query));
    }

    @Override
    public SyncedFindIterable<T> find(Bson filter) {
        return new DefaultSyncedFindIterable<>(
                this, codec.bson(Objects.requireNonNull(filter, "filter")), null, null, 0);
    }

    /** Runs a query for {@link DefaultSyncedFindIterable}. */
    List<T> run(BsonDocument filter, BsonDocument sort, BsonDocument projection, int limit) {
        requireOpen.run();
        return data.store().read(() -> data.store().find(namespace, filter, sort, projection, limit)).stream()
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
