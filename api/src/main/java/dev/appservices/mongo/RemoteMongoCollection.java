package dev.appservices.mongo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A collection of the data service, read and written as one user: the operations of the MongoDB Java driver's
 * collection that the data service offers. Filters, updates, sorts, projections and pipeline stages are
 * {@link Bson} values, so the driver's {@code Filters}, {@code Updates}, {@code Sorts}, {@code Projections} and
 * {@code Aggregates} work, and so does a {@link org.bson.Document}.
 *
 * <p>Every operation is one request, a call of the data service's function of the same name as the Realm SDKs make
 * it; an expired access token is refreshed once and the request retried. Failures: a
 * {@link MongoOperationException} (or its subtypes {@link DuplicateKeyException} and
 * {@link OperationNotPermittedException}) when the data service refuses the operation,
 * {@link dev.appservices.SessionExpiredException} when the user's session has ended,
 * {@link dev.appservices.ConnectionException} when the server cannot be reached within the App timeout, and an
 * {@link dev.appservices.AppServicesException} with {@link dev.appservices.ErrorCode#CLIENT_USER_NOT_LOGGED_IN} when
 * the user is logged out. Every {@code …Async} twin completes exceptionally with the same exceptions. Immutable and
 * thread-safe.
 *
 * @param <T> the class of the documents
 * @since 0.1
 */
public interface RemoteMongoCollection<T> {

    /**
     * Returns the database and collection name.
     *
     * @return the namespace
     */
    Namespace namespace();

    /**
     * Returns the class documents are decoded into.
     *
     * @return the document class
     */
    Class<T> documentClass();

    /**
     * Returns the codec registry documents are encoded and decoded with.
     *
     * @return the registry
     */
    CodecRegistry codecRegistry();

    /**
     * Returns the same collection with another document class.
     *
     * @param <N>           the new document class
     * @param documentClass the new document class
     * @return a new collection object; this one is unchanged
     * @throws NullPointerException if {@code documentClass} is null
     */
    <N> RemoteMongoCollection<N> withDocumentClass(Class<N> documentClass);

    /**
     * Returns the same collection with another codec registry.
     *
     * @param registry the registry
     * @return a new collection object; this one is unchanged
     * @throws NullPointerException if {@code registry} is null
     */
    RemoteMongoCollection<T> withCodecRegistry(CodecRegistry registry);

    // --- count ------------------------------------------------------------------------------------------------

    /**
     * Counts all documents.
     *
     * @return the number of documents the user may read
     */
    default long count() {
        return count(new BsonDocument(), 0);
    }

    /**
     * Counts the documents matching {@code filter}.
     *
     * @param filter the filter
     * @return the number of matching documents
     * @throws NullPointerException if {@code filter} is null
     */
    default long count(Bson filter) {
        return count(filter, 0);
    }

    /**
     * Counts the documents matching {@code filter}, up to {@code limit}.
     *
     * @param filter the filter
     * @param limit  the most to count; 0 means no limit
     * @return the number of matching documents, at most {@code limit} if it is positive
     * @throws NullPointerException if {@code filter} is null
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    long count(Bson filter, long limit);

    /**
     * Asynchronous twin of {@link #count()}.
     *
     * @return a stage completed with the count
     */
    default CompletionStage<Long> countAsync() {
        return countAsync(new BsonDocument(), 0);
    }

    /**
     * Asynchronous twin of {@link #count(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the count
     * @throws NullPointerException if {@code filter} is null
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
     * @throws NullPointerException if {@code filter} is null
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    CompletionStage<Long> countAsync(Bson filter, long limit);

    // --- find -------------------------------------------------------------------------------------------------

    /**
     * Prepares a find of all documents.
     *
     * @return the find, to refine and run
     */
    default RemoteFindIterable<T> find() {
        return find(new BsonDocument());
    }

    /**
     * Prepares a find of the documents matching {@code filter}; {@link RemoteFindIterable#toList()} or
     * {@link RemoteFindIterable#first()} runs it.
     *
     * @param filter the filter
     * @return the find, to refine and run
     * @throws NullPointerException if {@code filter} is null
     */
    RemoteFindIterable<T> find(Bson filter);

    /**
     * Finds one document matching {@code filter}; the same as {@code find(filter).first()}.
     *
     * @param filter the filter
     * @return the document, empty if none matched
     * @throws NullPointerException if {@code filter} is null
     */
    default Optional<T> findOne(Bson filter) {
        return find(filter).first();
    }

    /**
     * Finds one document.
     *
     * @return a document, empty if the collection has none the user may read
     */
    default Optional<T> findOne() {
        return find().first();
    }

    /**
     * Asynchronous twin of {@link #findOne(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the document
     * @throws NullPointerException if {@code filter} is null
     */
    default CompletionStage<Optional<T>> findOneAsync(Bson filter) {
        return find(filter).firstAsync();
    }

    // --- aggregate --------------------------------------------------------------------------------------------

    /**
     * Runs an aggregation pipeline and decodes its results into the document class.
     *
     * @param pipeline the stages, for example {@code List.of(match(filter), group("$status", sum("n", 1)))}
     * @return the results; unmodifiable
     * @throws NullPointerException if {@code pipeline} or a stage is null
     */
    default List<T> aggregate(List<? extends Bson> pipeline) {
        return aggregate(pipeline, documentClass());
    }

    /**
     * Runs an aggregation pipeline and decodes its results into {@code resultClass}.
     *
     * @param <R>         the result class
     * @param pipeline    the stages
     * @param resultClass the class of the results (often {@link org.bson.Document})
     * @return the results; unmodifiable
     * @throws NullPointerException if an argument or a stage is null
     */
    <R> List<R> aggregate(List<? extends Bson> pipeline, Class<R> resultClass);

    /**
     * Asynchronous twin of {@link #aggregate(List)}.
     *
     * @param pipeline the stages
     * @return a stage completed with the results
     * @throws NullPointerException if {@code pipeline} or a stage is null
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
     * @throws NullPointerException if an argument or a stage is null
     */
    <R> CompletionStage<List<R>> aggregateAsync(List<? extends Bson> pipeline, Class<R> resultClass);

    // --- insert -----------------------------------------------------------------------------------------------

    /**
     * Inserts a document. A document without {@code _id} gets a new {@link org.bson.types.ObjectId} from the
     * server.
     *
     * @param document the document
     * @return the result with the inserted {@code _id}
     * @throws NullPointerException if {@code document} is null
     * @throws DuplicateKeyException if a document with its {@code _id} exists
     * @throws OperationNotPermittedException if the rules do not let the user insert it
     */
    InsertOneResult insertOne(T document);

    /**
     * Asynchronous twin of {@link #insertOne(Object)}.
     *
     * @param document the document
     * @return a stage completed with the result
     * @throws NullPointerException if {@code document} is null
     */
    CompletionStage<InsertOneResult> insertOneAsync(T document);

    /**
     * Inserts documents, in order. The insert is not atomic: a failure may leave the documents before it inserted.
     *
     * @param documents the documents; at least one
     * @return the result with the inserted {@code _id}s
     * @throws NullPointerException if {@code documents} or one of them is null
     * @throws IllegalArgumentException if {@code documents} is empty
     */
    InsertManyResult insertMany(List<? extends T> documents);

    /**
     * Asynchronous twin of {@link #insertMany(List)}.
     *
     * @param documents the documents
     * @return a stage completed with the result
     * @throws NullPointerException if {@code documents} or one of them is null
     * @throws IllegalArgumentException if {@code documents} is empty
     */
    CompletionStage<InsertManyResult> insertManyAsync(List<? extends T> documents);

    // --- update -----------------------------------------------------------------------------------------------

    /**
     * Updates the first document matching {@code filter}.
     *
     * @param filter the filter
     * @param update the update, for example {@code Updates.set("status", "done")}
     * @return the counts
     * @throws NullPointerException if an argument is null
     */
    default UpdateResult updateOne(Bson filter, Bson update) {
        return updateOne(filter, update, new UpdateOptions());
    }

    /**
     * Updates the first document matching {@code filter}, with options.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options upsert and array filters
     * @return the counts and the upserted id
     * @throws NullPointerException if an argument is null
     */
    UpdateResult updateOne(Bson filter, Bson update, UpdateOptions options);

    /**
     * Asynchronous twin of {@link #updateOne(Bson, Bson, UpdateOptions)}.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options upsert and array filters
     * @return a stage completed with the result
     * @throws NullPointerException if an argument is null
     */
    CompletionStage<UpdateResult> updateOneAsync(Bson filter, Bson update, UpdateOptions options);

    /**
     * Updates every document matching {@code filter}.
     *
     * @param filter the filter
     * @param update the update
     * @return the counts
     * @throws NullPointerException if an argument is null
     */
    default UpdateResult updateMany(Bson filter, Bson update) {
        return updateMany(filter, update, new UpdateOptions());
    }

    /**
     * Updates every document matching {@code filter}, with options.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options upsert and array filters
     * @return the counts and the upserted id
     * @throws NullPointerException if an argument is null
     */
    UpdateResult updateMany(Bson filter, Bson update, UpdateOptions options);

    /**
     * Asynchronous twin of {@link #updateMany(Bson, Bson, UpdateOptions)}.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options upsert and array filters
     * @return a stage completed with the result
     * @throws NullPointerException if an argument is null
     */
    CompletionStage<UpdateResult> updateManyAsync(Bson filter, Bson update, UpdateOptions options);

    // --- delete -----------------------------------------------------------------------------------------------

    /**
     * Deletes the first document matching {@code filter}.
     *
     * @param filter the filter
     * @return the count, 0 or 1
     * @throws NullPointerException if {@code filter} is null
     */
    DeleteResult deleteOne(Bson filter);

    /**
     * Asynchronous twin of {@link #deleteOne(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the result
     * @throws NullPointerException if {@code filter} is null
     */
    CompletionStage<DeleteResult> deleteOneAsync(Bson filter);

    /**
     * Deletes every document matching {@code filter}.
     *
     * @param filter the filter
     * @return the count
     * @throws NullPointerException if {@code filter} is null
     */
    DeleteResult deleteMany(Bson filter);

    /**
     * Asynchronous twin of {@link #deleteMany(Bson)}.
     *
     * @param filter the filter
     * @return a stage completed with the result
     * @throws NullPointerException if {@code filter} is null
     */
    CompletionStage<DeleteResult> deleteManyAsync(Bson filter);

    // --- findOneAnd… ------------------------------------------------------------------------------------------

    /**
     * Updates the first document matching {@code filter} and returns it as it was before the update.
     *
     * @param filter the filter
     * @param update the update
     * @return the document before the update, empty if none matched
     * @throws NullPointerException if an argument is null
     */
    default Optional<T> findOneAndUpdate(Bson filter, Bson update) {
        return findOneAndUpdate(filter, update, new FindOneAndModifyOptions());
    }

    /**
     * Updates the first document matching {@code filter} (in the options' sort order) and returns it.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options which document to return, upsert, sort and projection
     * @return the document before the update, or after it with {@code returnNewDocument(true)}; empty if none
     *         matched and none was upserted
     * @throws NullPointerException if an argument is null
     */
    Optional<T> findOneAndUpdate(Bson filter, Bson update, FindOneAndModifyOptions options);

    /**
     * Asynchronous twin of {@link #findOneAndUpdate(Bson, Bson, FindOneAndModifyOptions)}.
     *
     * @param filter  the filter
     * @param update  the update
     * @param options the options
     * @return a stage completed with the document
     * @throws NullPointerException if an argument is null
     */
    CompletionStage<Optional<T>> findOneAndUpdateAsync(Bson filter, Bson update, FindOneAndModifyOptions options);

    /**
     * Replaces the first document matching {@code filter} and returns it as it was before.
     *
     * @param filter      the filter
     * @param replacement the new document; its {@code _id}, if any, must be the replaced document's
     * @return the document before the replacement, empty if none matched
     * @throws NullPointerException if an argument is null
     */
    default Optional<T> findOneAndReplace(Bson filter, T replacement) {
        return findOneAndReplace(filter, replacement, new FindOneAndModifyOptions());
    }

    /**
     * Replaces the first document matching {@code filter} (in the options' sort order) and returns it.
     *
     * @param filter      the filter
     * @param replacement the new document
     * @param options     which document to return, upsert, sort and projection
     * @return the document before the replacement, or after it with {@code returnNewDocument(true)}; empty if none
     *         matched and none was upserted
     * @throws NullPointerException if an argument is null
     */
    Optional<T> findOneAndReplace(Bson filter, T replacement, FindOneAndModifyOptions options);

    /**
     * Asynchronous twin of {@link #findOneAndReplace(Bson, Object, FindOneAndModifyOptions)}.
     *
     * @param filter      the filter
     * @param replacement the new document
     * @param options     the options
     * @return a stage completed with the document
     * @throws NullPointerException if an argument is null
     */
    CompletionStage<Optional<T>> findOneAndReplaceAsync(Bson filter, T replacement, FindOneAndModifyOptions options);

    /**
     * Deletes the first document matching {@code filter} and returns it.
     *
     * @param filter the filter
     * @return the deleted document, empty if none matched
     * @throws NullPointerException if {@code filter} is null
     */
    default Optional<T> findOneAndDelete(Bson filter) {
        return findOneAndDelete(filter, new FindOneAndModifyOptions());
    }

    /**
     * Deletes the first document matching {@code filter} in the options' sort order and returns it.
     *
     * @param filter  the filter
     * @param options the sort and the projection; the other options do not apply
     * @return the deleted document, empty if none matched
     * @throws NullPointerException if an argument is null
     */
    Optional<T> findOneAndDelete(Bson filter, FindOneAndModifyOptions options);

    /**
     * Asynchronous twin of {@link #findOneAndDelete(Bson, FindOneAndModifyOptions)}.
     *
     * @param filter  the filter
     * @param options the sort and the projection
     * @return a stage completed with the deleted document
     * @throws NullPointerException if an argument is null
     */
    CompletionStage<Optional<T>> findOneAndDeleteAsync(Bson filter, FindOneAndModifyOptions options);

    // --- watch ------------------------------------------------------------------------------------------------

    /**
     * Opens a change stream of every change of the collection the user may read. Returns once the server has
     * answered the request (within the App timeout); the stream itself has no time limit.
     *
     * @return the open stream; close it when done
     * @throws MongoOperationException if the data service refuses the stream
     */
    ChangeStream<T> watch();

    /**
     * Opens a change stream of the changes matching {@code filter}, a {@code $match} over change events (for
     * example {@code Filters.eq("fullDocument.status", "open")} or {@code Filters.eq("operationType", "delete")}).
     *
     * @param filter the filter over change events
     * @return the open stream; close it when done
     * @throws NullPointerException if {@code filter} is null
     */
    ChangeStream<T> watch(Bson filter);

    /**
     * Opens a change stream of the changes of the documents with these {@code _id}s.
     *
     * @param ids the {@code _id} values; at least one
     * @return the open stream; close it when done
     * @throws NullPointerException if {@code ids} or one of them is null
     * @throws IllegalArgumentException if {@code ids} is empty
     */
    ChangeStream<T> watchIds(BsonValue... ids);

    /**
     * Asynchronous twin of {@link #watch()}: completes once the stream is open.
     *
     * @return a stage completed with the open stream
     */
    CompletionStage<ChangeStream<T>> watchAsync();

    /**
     * Asynchronous twin of {@link #watch(Bson)}.
     *
     * @param filter the filter over change events
     * @return a stage completed with the open stream
     * @throws NullPointerException if {@code filter} is null
     */
    CompletionStage<ChangeStream<T>> watchAsync(Bson filter);

    /**
     * Asynchronous twin of {@link #watchIds(BsonValue...)}.
     *
     * @param ids the {@code _id} values
     * @return a stage completed with the open stream
     * @throws NullPointerException if {@code ids} or one of them is null
     * @throws IllegalArgumentException if {@code ids} is empty
     */
    CompletionStage<ChangeStream<T>> watchIdsAsync(BsonValue... ids);

    /**
     * {@link #watch()} as a publisher. Each subscription opens its own stream when it first requests events and
     * delivers no more than it requested: events wait in the connection (no unbounded buffer) until the subscriber
     * asks for them. The end of the stream is signalled: {@code onComplete} when the server ended it,
     * {@code onError} with the failure otherwise ({@link ChangeStreamEndedException} when the user logged out or
     * the App closed); cancelling closes the stream.
     *
     * @return a publisher that may be subscribed to more than once
     */
    Flow.Publisher<ChangeEvent<T>> watchPublisher();

    /**
     * {@link #watch(Bson)} as a publisher, as {@link #watchPublisher()} describes.
     *
     * @param filter the filter over change events
     * @return a publisher that may be subscribed to more than once
     * @throws NullPointerException if {@code filter} is null
     */
    Flow.Publisher<ChangeEvent<T>> watchPublisher(Bson filter);

    /**
     * {@link #watchIds(BsonValue...)} as a publisher, as {@link #watchPublisher()} describes.
     *
     * @param ids the {@code _id} values
     * @return a publisher that may be subscribed to more than once
     * @throws NullPointerException if {@code ids} or one of them is null
     * @throws IllegalArgumentException if {@code ids} is empty
     */
    Flow.Publisher<ChangeEvent<T>> watchIdsPublisher(BsonValue... ids);
}
