package dev.appservices.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.DeleteResult;
import dev.appservices.mongo.FindOneAndModifyOptions;
import dev.appservices.mongo.InsertManyResult;
import dev.appservices.mongo.InsertOneResult;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.UpdateResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
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
 * memory backend over documents kept in an H2 MVStore file), so the query methods take the same {@link Bson} values as
 * {@link dev.appservices.mongo.RemoteMongoCollection}: comparison ({@code $eq $ne $gt $gte $lt $lte $in $nin}),
 * logical ({@code $and $or $nor $not}), element ({@code $exists $type}), evaluation ({@code $regex $mod $expr}),
 * array ({@code $all $elemMatch $size}) operators and dotted paths; the update operators {@code $set $unset $inc $mul
 * $min $max $rename $push $pull $addToSet}. A filter that says a top-level field equals a value ({@code eq("status",
 * "open")}, alone or with other conditions) is answered through an index on that field, built on the first such
 * query.
 *
 * <p>Aggregation pipelines run locally too, on the local documents of this collection: {@code $match $project
 * $addFields $unset $group $sort $limit $skip $unwind $count $sortByCount $bucket $facet $replaceRoot $sample
 * $redact}, and {@code $lookup $graphLookup} over the local documents of other collections. The stages that write,
 * {@code $out} and {@code $merge}, are refused: local data changes only through the write methods. Other stages
 * ({@code $set}, {@code $replaceWith}, {@code $geoNear}, …) fail with an {@link IllegalArgumentException} that names
 * them.
 *
 * <h2>Asynchronous twins</h2>
 *
 * <p>Every query and write has an {@code …Async} twin that runs it on the App's executor (the one of the remote
 * collections' twins) and completes with its result or, exceptionally, with its exception.
 *
 * <h2>Writes</h2>
 *
 * <p>Inserts get a client-generated {@code ObjectId} when they have no {@code _id}. Updates are uploaded as
 * {@code $set}/{@code $unset} of the top-level fields they changed, never as whole documents, and never upsert. A
 * write whose document no subscription of this collection matches fails at once with an
 * {@link IllegalArgumentException}; a write the server later refuses is undone and reported as a
 * {@link CompensatingWriteException}. The {@code findOneAnd…} methods are writes like the others: the change and its
 * upload entry are committed in one local transaction, and an upsert is uploaded as an insert.
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
    default long count(Bson filter) {
        return count(filter, 0);
    }

    /**
     * Counts the local documents that match, up to {@code limit}.
     *
     * @param filter the filter
     * @param limit  the most to count; 0 means no limit
     * @return the count, at most {@code limit} if it is positive
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    long count(Bson filter, long limit);

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
     * A local document, if there is any.
     *
     * @return it, if any
     */
    default Optional<T> findOne() {
        return find().first();
    }

    /**
     * Runs an aggregation pipeline on the local documents and decodes its results into the document class.
     *
     * @param pipeline the stages, for example {@code List.of(match(filter), group("$status", sum("n", 1)))}
     * @return the results; unmodifiable
     * @throws NullPointerException if {@code pipeline} or a stage is null
     * @throws IllegalArgumentException if a stage is {@code $out} or {@code $merge}, or the local engine refuses one
     */
    default List<T> aggregate(List<? extends Bson> pipeline) {
        return aggregate(pipeline, documentClass());
    }

    /**
     * Runs an aggregation pipeline on the local documents and decodes its results into {@code resultClass}.
     *
     * @param <R>         the result class
     * @param pipeline    the stages
     * @param resultClass the class of the results (often {@link org.bson.Document})
     * @return the results; unmodifiable
     * @throws NullPointerException if an argument or a stage is null
     * @throws IllegalArgumentException if a stage is {@code $out} or {@code $merge}, or the local engine refuses one
     */
    <R> List<R> aggregate(List<? extends Bson> pipeline, Class<R> resultClass);

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
     * Updates the first local document that matches and returns it as it was before the update.
     *
     * @param filter the filter
     * @param update the update operators
     * @return the document before the update, empty if none matched
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the updated document would leave every subscription
     */
    default Optional<T> findOneAndUpdate(Bson filter, Bson update) {
        return findOneAndUpdate(filter, update, new FindOneAndModifyOptions());
    }

    /**
     * Updates the first local document that matches (in the options' sort order) and returns it.
     *
     * @param filter  the filter
     * @param update  the update operators
     * @param options which document to return, upsert, sort and projection
     * @return the document before the update, or after it with {@code returnNewDocument(true)}; empty if none
     *         matched and none was upserted
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the updated or upserted document would be outside every subscription
     */
    Optional<T> findOneAndUpdate(Bson filter, Bson update, FindOneAndModifyOptions options);

    /**
     * Replaces the first local document that matches and returns it as it was before.
     *
     * @param filter      the filter
     * @param replacement the new document; its {@code _id}, if any, must be the replaced document's
     * @return the document before the replacement, empty if none matched
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the new document would be outside every subscription
     */
    default Optional<T> findOneAndReplace(Bson filter, T replacement) {
        return findOneAndReplace(filter, replacement, new FindOneAndModifyOptions());
    }

    /**
     * Replaces the first local document that matches (in the options' sort order) and returns it. The upload is the
     * fields the replacement set and removed, as for updates.
     *
     * @param filter      the filter
     * @param replacement the new document; its {@code _id}, if any, must be the replaced document's
     * @param options     which document to return, upsert, sort and projection
     * @return the document before the replacement, or after it with {@code returnNewDocument(true)}; empty if none
     *         matched and none was upserted
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the new document would be outside every subscription
     */
    Optional<T> findOneAndReplace(Bson filter, T replacement, FindOneAndModifyOptions options);

    /**
     * Deletes the first local document that matches and returns it.
     *
     * @param filter the filter
     * @return the deleted document, empty if none matched
     * @throws NullPointerException if {@code filter} is null
     */
    default Optional<T> findOneAndDelete(Bson filter) {
        return findOneAndDelete(filter, new FindOneAndModifyOptions());
    }

    /**
     * Deletes the first local document that matches in the options' sort order and returns it.
     *
     * @param filter  the filter
     * @param options the sort and the projection; the other options do not apply
     * @return the deleted document, empty if none matched
     * @throws NullPointerException if an argument is null
     */
    Optional<T> findOneAndDelete(Bson filter, FindOneAndModifyOptions options);

    // --- asynchronous twins -----------------------------------------------------------------------------------

    /**
     * Asynchronous twin of {@link #count()}.
     *
     * @return a stage completed with the count
     */
    default CompletionStage<Long> countAsync() {
        return countAsync(new BsonDocument());
    }

    /**
     * Asynchronous twin of {@link #count(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the count
     */
    default CompletionStage<Long> countAsync(Bson filter) {
        return countAsync(filter, 0);
    }

    /**
     * Asynchronous twin of {@link #count(Bson, long)}.
     *
     * @param filter the filter
     * @param limit  the most to count; 0 means no limit
     * @return a stage completed with the count
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    CompletionStage<Long> countAsync(Bson filter, long limit);

    /**
     * Asynchronous twin of {@link #findOne(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the document, if any
     */
    default CompletionStage<Optional<T>> findOneAsync(Bson filter) {
        return find(filter).firstAsync();
    }

    /**
     * Asynchronous twin of {@link #aggregate(List)}.
     *
     * @param pipeline the stages
     * @return a stage completed with the results
     */
    default CompletionStage<List<T>> aggregateAsync(List<? extends Bson> pipeline) {
        return aggregateAsync(pipeline, documentClass());
    }

    /**
     * Asynchronous twin of {@link #aggregate(List, Class)}.
     *
     * @param <R>         the result class
     * @param pipeline    the stages
     * @param resultClass the class of the results
     * @return a stage completed with the results
     */
    <R> CompletionStage<List<R>> aggregateAsync(List<? extends Bson> pipeline, Class<R> resultClass);

    /**
     * Asynchronous twin of {@link #insertOne(Object)}.
     *
     * @param document the document
     * @return a stage completed with the inserted id
     */
    CompletionStage<InsertOneResult> insertOneAsync(T document);

    /**
     * Asynchronous twin of {@link #insertMany(List)}.
     *
     * @param documents the documents
     * @return a stage completed with the inserted ids
     */
    CompletionStage<InsertManyResult> insertManyAsync(List<? extends T> documents);

    /**
     * Asynchronous twin of {@link #updateOne(Bson, Bson)}.
     *
     * @param filter the filter
     * @param update the update operators
     * @return a stage completed with the counts
     */
    CompletionStage<UpdateResult> updateOneAsync(Bson filter, Bson update);

    /**
     * Asynchronous twin of {@link #updateMany(Bson, Bson)}.
     *
     * @param filter the filter
     * @param update the update operators
     * @return a stage completed with the counts
     */
    CompletionStage<UpdateResult> updateManyAsync(Bson filter, Bson update);

    /**
     * Asynchronous twin of {@link #deleteOne(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the deleted count
     */
    CompletionStage<DeleteResult> deleteOneAsync(Bson filter);

    /**
     * Asynchronous twin of {@link #deleteMany(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the deleted count
     */
    CompletionStage<DeleteResult> deleteManyAsync(Bson filter);

    /**
     * Asynchronous twin of {@link #findOneAndUpdate(Bson, Bson, FindOneAndModifyOptions)}.
     *
     * @param filter  the filter
     * @param update  the update operators
     * @param options the options
     * @return a stage completed with the document
     */
    CompletionStage<Optional<T>> findOneAndUpdateAsync(Bson filter, Bson update, FindOneAndModifyOptions options);

    /**
     * Asynchronous twin of {@link #findOneAndReplace(Bson, Object, FindOneAndModifyOptions)}.
     *
     * @param filter      the filter
     * @param replacement the new document
     * @param options     the options
     * @return a stage completed with the document
     */
    CompletionStage<Optional<T>> findOneAndReplaceAsync(Bson filter, T replacement, FindOneAndModifyOptions options);

    /**
     * Asynchronous twin of {@link #findOneAndDelete(Bson, FindOneAndModifyOptions)}.
     *
     * @param filter  the filter
     * @param options the sort and the projection
     * @return a stage completed with the deleted document
     */
    CompletionStage<Optional<T>> findOneAndDeleteAsync(Bson filter, FindOneAndModifyOptions options);

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
