package dev.appservices.sync;

import java.util.List;
import java.util.Optional;
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

    /** Runs the query on the local store and returns the first result. */
    Optional<T> first();
}
