package dev.appservices.mongo;

import java.util.Objects;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * The result of {@link RemoteMongoCollection#updateOne} and {@link RemoteMongoCollection#updateMany}.
 *
 * @param matchedCount  the number of documents the filter matched
 * @param modifiedCount the number of documents changed
 * @param upsertedId    the {@code _id} of the document inserted by an upsert; empty if none was inserted
 * @since 0.1
 */
public record UpdateResult(long matchedCount, long modifiedCount, Optional<BsonValue> upsertedId) {

    /**
     * Creates a result.
     *
     * @throws NullPointerException if {@code upsertedId} is null
     */
    public UpdateResult {
        Objects.requireNonNull(upsertedId, "upsertedId");
    }
}
