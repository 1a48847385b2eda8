package dev.appservices.mongo;

import java.util.List;
import org.bson.BsonValue;

/**
 * The result of {@link RemoteMongoCollection#insertMany(java.util.List)}.
 *
 * @param insertedIds the {@code _id}s of the inserted documents, in the order of the documents; unmodifiable
 * @since 0.1
 */
public record InsertManyResult(List<BsonValue> insertedIds) {

    /**
     * Creates a result.
     *
     * @throws NullPointerException if {@code insertedIds} or one of its elements is null
     */
    public InsertManyResult {
        insertedIds = List.copyOf(insertedIds);
    }
}
