package dev.appservices.mongo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * Options of {@link RemoteMongoCollection#updateOne(Bson, Bson, UpdateOptions)} and
 * {@link RemoteMongoCollection#updateMany(Bson, Bson, UpdateOptions)}. Immutable: each setter returns a new
 * instance, so {@code new UpdateOptions().upsert(true)} reads as with the driver and can be shared.
 *
 * @since 0.1
 */
public final class UpdateOptions {

    private final boolean upsert;
    private final List<Bson> arrayFilters;

    /** Creates the default options: no upsert, no array filters. */
    public UpdateOptions() {
        this(false, null);
    }

    private UpdateOptions(boolean upsert, List<Bson> arrayFilters) {
        this.upsert = upsert;
        this.arrayFilters = arrayFilters;
    }

    /**
     * Returns options that insert a document when the filter matches none.
     *
     * @param upsert whether to insert when nothing matches
     * @return new options
     */
    public UpdateOptions upsert(boolean upsert) {
        return new UpdateOptions(upsert, arrayFilters);
    }

    /**
     * Returns options with filters that pick the array elements an update with {@code $[identifier]} changes.
     *
     * @param arrayFilters the filters, for example {@code Filters.eq("elem.qty", 0)}
     * @return new options
     * @throws NullPointerException if {@code arrayFilters} or one of its elements is null
     */
    public UpdateOptions arrayFilters(List<? extends Bson> arrayFilters) {
        return new UpdateOptions(upsert, List.copyOf(arrayFilters));
    }

    /**
     * Returns whether a document is inserted when the filter matches none.
     *
     * @return the upsert flag
     */
    public boolean isUpsert() {
        return upsert;
    }

    /**
     * Returns the array filters.
     *
     * @return the filters, empty if none were set
     */
    public Optional<List<Bson>> arrayFilters() {
        return Optional.ofNullable(arrayFilters);
    }

    /** Equal when both flags and filters are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateOptions that
                && upsert == that.upsert
                && Objects.equals(arrayFilters, that.arrayFilters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(upsert, arrayFilters);
    }

    @Override
    public String toString() {
        return "UpdateOptions[upsert=" + upsert + ", arrayFilters=" + (arrayFilters != null) + "]";
    }
}
