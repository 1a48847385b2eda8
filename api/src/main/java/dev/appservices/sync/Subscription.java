package dev.appservices.sync;

import java.util.Objects;
import org.bson.BsonDocument;

/**
 * A named query whose results a {@link SyncedDatabase} keeps locally: the documents of one collection that match a
 * filter. Immutable.
 *
 * @param name       the name, unique within a database's subscriptions
 * @param database   the database of the collection
 * @param collection the collection
 * @param filter     a MongoDB query filter (only operators listed in {@link SyncedCollection} run locally)
 * @since 0.1
 */
public record Subscription(String name, String database, String collection, BsonDocument filter) {

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException if a name is blank
     * @throws NullPointerException     if a part is {@code null}
     */
    public Subscription {
        SyncApiMessages.requireName(name, "subscription name");
        SyncApiMessages.requireName(database, "database");
        SyncApiMessages.requireName(collection, "collection");
        filter = Objects.requireNonNull(filter, "filter").clone();
    }

    /** The filter, a copy. */
    @Override
    public BsonDocument filter() {
        return filter.clone();
    }
}
