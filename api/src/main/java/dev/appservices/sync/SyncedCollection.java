package dev.appservices.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.DeleteResult;
import dev.appservices.mongo.InsertManyResult;
import dev.appservices.mongo.InsertOneResult;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A collection of a {@link SyncedDatabase}: the local copy of the documents its subscriptions match. Every call works
 * on the local store, offline too, and returns at once; writes are committed locally together with their entry in
 * the upload queue, and the {@link SyncSession} uploads them in order.
 *
 * <h2>Queries and updates that run locally</h2>
 *
 * <p>Filters, sorts, projections and updates run in an embedded MongoDB-compatible engine (mongo-java-server's
 * query matcher on an H2 MVStore), so the query methods take the same {@link Bson} values as
 * {@link dev.appservices.mongo.RemoteMongoCollection}: comparison ({@code $eq $ne $gt $gte $lt $lte $in $nin}),
 * logical ({@code $and $or $nor $not}), element ({@code $exists $type}), evaluation ({@code $regex $mod $expr}),
 * array ({@code $all $elemMatch $size}) operators and dotted paths; the update operators {@code $set $unset $inc $mul
 * $min $max $rename $push $pull $addToSet}.
 *
 * <h2>Writes</h2>
 *
 * <p>Inserts get a client-generated {@code ObjectId} when they have no {@code _id}. Updates are uploaded as
 * {@code $set}/{@code $unset} of the top-level fields they changed, never as whole documents, and never upsert. A
 * write whose document no subscription of this collection matches fails at once with an
 * {@link IllegalArgumentException}; a write the server later refuses is undone and reported as a
 * {@link CompensatingWriteException}.
 *
 * @param <T> the document type
 * @since 0.1
 */
public interface SyncedCollection<T> {

    /** The database and collection name. */
    Namespace namespace();

    /** The class documents are decoded to. */
    Class<T> documentClass();

    /** The registry that encodes and decodes documents. */
    CodecRegistry codecRegistry();

    /**
     * Counts the local documents that match.
     *
     * @param filter the filter
     * @return the count
     */
    long count(Bson filter);

    /** Counts the local documents. */
    default long count() {
        return count(new BsonDocument());
    }

    /**
     * A local query.
     *
     * @param filter the filter
     * @return the query, to refine and run
     */
    SyncedFindIterable<T> find(Bson filter);

    /** A local query for every document. */
    default SyncedFindIterable<T> find() {
        return find(new BsonDocument());
    }

    /**
     * The first local document that matches.
     *
     * @param filter the filter
     * @return it, if any
     */
    default Optional<T> findOne(Bson filter) {
        return find(filter).first();
    }

    /**
     * Inserts a document locally.
     *
     * @param document the document; an {@code _id} is generated when it has none
     * @return the inserted id
     * @throws IllegalArgumentException if no subscription matches it, or the id exists
     */
    InsertOneResult insertOne(T document);

    /**
     * Inserts documents locally, in one local transaction.
     *
     * @param documents the documents
     * @return the inserted ids by index
     * @throws IllegalArgumentException if no subscription matches one of them, or an id exists
     */
    InsertManyResult insertMany(List<? extends T> documents);

    /**
     * Updates the first local document that matches.
     *
     * @param filter the filter
     * @param update the update operators
     * @return the matched and modified counts
     * @throws IllegalArgumentException if the updated document would leave every subscription
     */
    UpdateResult updateOne(Bson filter, Bson update);

    /**
     * Updates every local document that matches, in one local transaction.
     *
     * @param filter the filter
     * @param update the update operators
     * @return the matched and modified counts
     * @throws IllegalArgumentException if an updated document would leave every subscription
     */
    UpdateResult updateMany(Bson filter, Bson update);

    /**
     * Deletes the first local document that matches.
     *
     * @param filter the filter
     * @return the deleted count
     */
    DeleteResult deleteOne(Bson filter);

    /**
     * Deletes every local document that matches, in one local transaction.
     *
     * @param filter the filter
     * @return the deleted count
     */
    DeleteResult deleteMany(Bson filter);

    /**
     * Listens to local changes of documents that match a filter: own writes and downloaded ones. A document that
     * stops matching is reported as a delete. Events carry the full document (except deletes) and, for updates, the
     * changed fields.
     *
     * @param filter   which documents to follow (before or after the change)
     * @param listener told after the change is committed locally, on the thread that committed it
     * @return the registration that removes it
     */
    ListenerRegistration addChangeListener(Bson filter, Consumer<ChangeEvent<T>> listener);
}
