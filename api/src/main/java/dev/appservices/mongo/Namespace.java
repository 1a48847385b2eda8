package dev.appservices.mongo;

import java.util.Objects;

/**
 * A database and a collection: where a {@link RemoteMongoCollection} reads and writes and where a
 * {@link ChangeEvent} happened.
 *
 * @param database   the database name
 * @param collection the collection name
 * @since 0.1
 */
public record Namespace(String database, String collection) {

    /**
     * Creates a namespace.
     *
     * @throws NullPointerException if a name is null
     */
    public Namespace {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collection, "collection");
    }

    /** Returns {@code database.collection}, the usual way of writing a namespace. */
    @Override
    public String toString() {
        return database + "." + collection;
    }
}
