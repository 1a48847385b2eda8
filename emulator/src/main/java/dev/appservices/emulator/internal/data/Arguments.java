package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Typed reads of an operation's argument document. Numbers may come as any numeric type (realm-core sends
 * {@code limit} as Int64, realm-web as Int32); booleans as booleans. A wrong type is 400 {@code InvalidParameter}, a
 * missing required key 400 {@code MissingParameter}, both naming the key.
 */
final class Arguments {

    private final BsonDocument arguments;

    Arguments(BsonDocument arguments) {
        this.arguments = arguments;
    }

    Namespace namespace() {
        return new Namespace(requiredString("database"), requiredString("collection"));
    }

    String requiredString(String key) {
        BsonValue value = present(key).orElseThrow(() -> DataException.missingParameter(key));
        if (!value.isString() || value.asString().getValue().isEmpty()) {
            throw wrongType(key, "a non-empty string");
        }
        return value.asString().getValue();
    }

    BsonDocument document(String key) {
        return optionalDocument(key).orElseThrow(() -> DataException.missingParameter(key));
    }

    Optional<BsonDocument> optionalDocument(String key) {
        Optional<BsonValue> value = present(key);
        if (value.isPresent() && !value.get().isDocument()) {
            throw wrongType(key, "a document");
        }
        return value.map(BsonValue::asDocument);
    }

    /** A query that may be left out ({@code {}}). */
    BsonDocument query(String key) {
        return optionalDocument(key).orElseGet(BsonDocument::new);
    }

    List<BsonDocument> documents(String key) {
        BsonValue value = present(key).orElseThrow(() -> DataException.missingParameter(key));
        if (!value.isArray()) {
            throw wrongType(key, "an array of documents");
        }
        List<BsonDocument> documents = new ArrayList<>();
        for (BsonValue element : value.asArray()) {
            if (!element.isDocument()) {
                throw wrongType(key, "an array of documents");
            }
            documents.add(element.asDocument());
        }
        return documents;
    }

    Optional<List<BsonDocument>> optionalDocuments(String key) {
        return present(key).isPresent() ? Optional.of(documents(key)) : Optional.empty();
    }

    /** An update: a document of operators or an aggregation pipeline (array of stages). */
    BsonValue update(String key) {
        BsonValue value = present(key).orElseThrow(() -> DataException.missingParameter(key));
        if (value.isArray()) {
            documents(key);
            return value;
        }
        if (!value.isDocument()) {
            throw wrongType(key, "an update document or a pipeline");
        }
        BsonDocument update = value.asDocument();
        if (update.isEmpty() || !update.keySet().stream().allMatch(field -> field.startsWith("$"))) {
            throw DataException.invalidParameter(Messages.updateWithoutOperators(key));
        }
        return update;
    }

    /** A replacement: a document without update operators. */
    BsonDocument replacement(String key) {
        BsonDocument replacement = document(key);
        if (replacement.keySet().stream().anyMatch(field -> field.startsWith("$"))) {
            throw DataException.invalidParameter(Messages.replacementWithOperators(key));
        }
        return replacement;
    }

    /** A non-negative count such as {@code limit}; 0 when absent (no limit). */
    long optionalLimit(String key) {
        Optional<BsonValue> value = present(key);
        if (value.isEmpty()) {
            return 0;
        }
        if (!value.get().isNumber()) {
            throw wrongType(key, "a number");
        }
        return Math.abs(value.get().asNumber().longValue());
    }

    boolean optionalBoolean(String key) {
        Optional<BsonValue> value = present(key);
        if (value.isEmpty()) {
            return false;
        }
        if (!value.get().isBoolean()) {
            throw wrongType(key, "a boolean");
        }
        return value.get().asBoolean().getValue();
    }

    private Optional<BsonValue> present(String key) {
        BsonValue value = arguments.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static DataException wrongType(String key, String expected) {
        return DataException.invalidParameter(Messages.wrongType(key, expected));
    }

    static BsonArray array(List<? extends BsonValue> values) {
        return new BsonArray(new ArrayList<>(values));
    }
}
