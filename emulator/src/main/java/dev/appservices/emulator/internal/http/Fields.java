package dev.appservices.emulator.internal.http;

import dev.appservices.emulator.internal.messages.Messages;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Typed reads of request body fields that answer a wrong type with 400 {@code InvalidParameter} and a missing field
 * with 400 {@code MissingParameter}, both naming the field. Stateless.
 */
public final class Fields {

    private Fields() {}

    public static String requiredString(BsonDocument body, String field) {
        return optionalString(body, field).orElseThrow(() -> missing(field));
    }

    public static Optional<String> optionalString(BsonDocument body, String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw ServiceError.invalidParameter(Messages.wrongType(field, "a string"));
        }
        return Optional.of(value.asString().getValue());
    }

    public static Optional<BsonArray> optionalArray(BsonDocument body, String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw ServiceError.invalidParameter(Messages.wrongType(field, "an array"));
        }
        return Optional.of(value.asArray());
    }

    public static Optional<BsonDocument> optionalDocument(BsonDocument body, String field) {
        BsonValue value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isDocument()) {
            throw ServiceError.invalidParameter(Messages.wrongType(field, "an object"));
        }
        return Optional.of(value.asDocument());
    }

    private static ServiceError missing(String field) {
        return new ServiceError(400, "MissingParameter", Messages.missingField(field));
    }
}
