package dev.appservices.emulator.internal.data;

import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Custom user data read from a collection, as App Services did it ({@code custom_user_data.json}): the document
 * whose {@code userIdField} equals the user's id, read as system at every login and refresh. Thread-safe.
 *
 * @param namespace the collection
 * @param userIdField the field that holds the user id (a string)
 */
public record CustomUserDataSource(MongoStore store, Namespace namespace, String userIdField) {

    /** The user's document, or empty if there is none. */
    public Optional<BsonDocument> lookup(String userId) {
        return Optional.ofNullable(store.collection(namespace)
                .find(Filters.eq(userIdField, new BsonString(userId)))
                .first());
    }
}
