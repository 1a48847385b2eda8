package dev.appservices.sync;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.conversions.Bson;

/**
 * A local query, refined before it runs. Immutable: every refinement returns a new iterable.
 *
 * @param <T> the document type
 * @since 0.1
 */
public interface SyncedFindIterable<T> {

    /**
     * Orders the results.
     *
     * @param sort for example {@code Sorts.descending("ts")}
     * @return the refined query
     */
    SyncedFindIterable<T> sort(Bson sort);

    /**
     * Limits the fields of the results.
     *
     * @param projection for example {@code Projections.include("status")}
     * @return the refined query
     */
    SyncedFindIterable<T> projection(Bson projection);

    /**
     * Limits the number of results.
     *
     * @param limit the maximum, 0 for none
     * @return the refined query
     */
    SyncedFindIterable<T> limit(int limit);

    /** Runs the query on the local store. */
    List<T> toList();

    /**
     * Asynchronous twin of {@link #toList()}: runs the query on the App's executor.
     *
     * @return a stage completed with the results
     */
    CompletionStage<List<T>> toListAsync();

    /** Runs the query on the local store and returns the first result. */
    Optional<T> first();

    /**
     * Asynchronous twin of {@link #first()}: runs the query on the App's executor.
     *
     * @return a stage completed with the first result, if any
     */
    CompletionStage<Optional<T>> firstAsync();
}
