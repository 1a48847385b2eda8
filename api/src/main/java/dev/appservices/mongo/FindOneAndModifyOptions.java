package dev.appservices.mongo;

import java.util.Objects;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * Options of {@link RemoteMongoCollection#findOneAndUpdate}, {@link RemoteMongoCollection#findOneAndReplace} and
 * {@link RemoteMongoCollection#findOneAndDelete} (which uses only the sort and the projection), named as in the
 * Realm SDKs. Immutable: each setter returns a new instance.
 *
 * <pre>{@code
 * new FindOneAndModifyOptions().returnNewDocument(true).upsert(false).sort(ascending("ts")).projection(include("total"))
 * }</pre>
 *
 * @since 0.1
 */
public final class FindOneAndModifyOptions {

    private final boolean returnNewDocument;
    private final boolean upsert;
    private final Bson sort;
    private final Bson projection;

    /** Creates the default options: the document before the change is returned, no upsert, no sort, all fields. */
    public FindOneAndModifyOptions() {
        this(false, false, null, null);
    }

    private FindOneAndModifyOptions(boolean returnNewDocument, boolean upsert, Bson sort, Bson projection) {
        this.returnNewDocument = returnNewDocument;
        this.upsert = upsert;
        this.sort = sort;
        this.projection = projection;
    }

    /**
     * Returns options that return the document after the change instead of before it.
     *
     * @param returnNewDocument whether to return the changed document
     * @return new options
     */
    public FindOneAndModifyOptions returnNewDocument(boolean returnNewDocument) {
        return new FindOneAndModifyOptions(returnNewDocument, upsert, sort, projection);
    }

    /**
     * Returns options that insert a document when the filter matches none (update and replace only).
     *
     * @param upsert whether to insert when nothing matches
     * @return new options
     */
    public FindOneAndModifyOptions upsert(boolean upsert) {
        return new FindOneAndModifyOptions(returnNewDocument, upsert, sort, projection);
    }

    /**
     * Returns options that pick the first matching document in this order.
     *
     * @param sort the order, for example {@code Sorts.descending("ts")}
     * @return new options
     * @throws NullPointerException if {@code sort} is null
     */
    public FindOneAndModifyOptions sort(Bson sort) {
        return new FindOneAndModifyOptions(returnNewDocument, upsert, Objects.requireNonNull(sort, "sort"), projection);
    }

    /**
     * Returns options that return only these fields of the document.
     *
     * @param projection the fields, for example {@code Projections.include("total")}
     * @return new options
     * @throws NullPointerException if {@code projection} is null
     */
    public FindOneAndModifyOptions projection(Bson projection) {
        return new FindOneAndModifyOptions(
                returnNewDocument, upsert, sort, Objects.requireNonNull(projection, "projection"));
    }

    /**
     * Returns whether the document after the change is returned.
     *
     * @return the flag
     */
    public boolean isReturnNewDocument() {
        return returnNewDocument;
    }

    /**
     * Returns whether a document is inserted when the filter matches none.
     *
     * @return the flag
     */
    public boolean isUpsert() {
        return upsert;
    }

    /**
     * Returns the sort.
     *
     * @return the sort, empty if none was set
     */
    public Optional<Bson> sort() {
        return Optional.ofNullable(sort);
    }

    /**
     * Returns the projection.
     *
     * @return the projection, empty if none was set
     */
    public Optional<Bson> projection() {
        return Optional.ofNullable(projection);
    }

    /** Equal when all four options are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FindOneAndModifyOptions that
                && returnNewDocument == that.returnNewDocument
                && upsert == that.upsert
                && Objects.equals(sort, that.sort)
                && Objects.equals(projection, that.projection);
    }

    @Override
    public int hashCode() {
        return Objects.hash(returnNewDocument, upsert, sort, projection);
    }

    @Override
    public String toString() {
        return "FindOneAndModifyOptions[returnNewDocument=" + returnNewDocument + ", upsert=" + upsert + ", sort="
                + (sort != null) + ", projection=" + (projection != null) + "]";
    }
}
