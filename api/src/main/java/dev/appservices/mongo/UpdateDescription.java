package dev.appservices.mongo;

import java.util.List;
import org.bson.BsonDocument;

/**
 * What an update changed in a document: the {@code updateDescription} of an {@link OperationType#UPDATE} event.
 *
 * @param updatedFields the changed fields with their new values (dotted paths as keys for nested fields); a copy
 * @param removedFields the names of the removed fields; unmodifiable
 * @since 0.1
 */
public record UpdateDescription(BsonDocument updatedFields, List<String> removedFields) {

    /**
     * Creates a description.
     *
     * @throws NullPointerException if an argument or an element of {@code removedFields} is null
     */
    public UpdateDescription {
        updatedFields = updatedFields.clone();
        removedFields = List.copyOf(removedFields);
    }

    /**
     * Returns the changed fields.
     *
     * @return a copy, which the caller may change
     */
    @Override
    public BsonDocument updatedFields() {
        return updatedFields.clone();
    }
}
