package dev.appservices.mongo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.conversions.Bson;

/**
 * A {@code find} to run: a filter with an optional sort, projection and limit, then {@link #toList()} or
 * {@link #first()}. Immutable: each setter returns a new instance; nothing is sent before {@code toList} or
 * {@code first}.
 *
 * @param <T> the class of the documents returned
 * @since 0.1
 */
public interface RemoteFindIterable<T> {

    /**
     * Returns this find with an order of the results.
     *
     * @param sort the order, for example {@code Sorts.descending("ts")}
     * @return a new find
     * @throws NullPointerException if {@code sort} is null
     */
    RemoteFindIterable<T> sort(Bson sort);

    /**
     * Returns this find returning only some fields.
     *
     * @param projection the fields, for example {@code Projections.include("total")}
     * @return a new find
     * @throws NullPointerException if {@code projection} is null
     */
    RemoteFindIterable<T> projection(Bson projection);

    /**
     * Returns this find returning at most {@code limit} documents.
     *
     * @param limit the limit; 0 means none
     * @return a new find
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    RemoteFindIterable<T> limit(int limit);

    /**
     * Runs the find.
     *
     * @return the documents, in the sort order if one was set; unmodifiable
     * @throws MongoOperationException if the data service refuses the find
     * @throws dev.appservices.SessionExpiredException if the user's session has ended
     * @throws dev.appservices.ConnectionException if the server cannot be reached in time
     */
    List<T> toList();

    /**
     * Asynchronous twin of {@link #toList()}.
     *
     * @return a stage that completes with the documents, or exceptionally with the exceptions of {@link #toList()}
     */
    CompletionStage<List<T>> toListAsync();

    /**
     * Runs the find for its first document only.
     *
     * @return the first document, empty if none matched
     * @throws MongoOperationException if the data service refuses the find
     * @throws dev.appservices.SessionExpiredException if the user's session has ended
     * @throws dev.appservices.ConnectionException if the server cannot be reached in time
     */
    Optional<T> first();

    /**
     * Asynchronous twin of {@link #first()}.
     *
     * @return a stage that completes with the first document, or exceptionally with the exceptions of
     *         {@link #first()}
     */
    CompletionStage<Optional<T>> firstAsync();
}
