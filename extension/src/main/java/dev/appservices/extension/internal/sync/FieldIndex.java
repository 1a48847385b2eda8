package dev.appservices.extension.internal.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * An equality index on one top-level field of a local collection: the ids of the documents holding a scalar value
 * there, alone or as an element of an array. The local engine (mongo-java-server's memory backend) indexes only
 * {@code _id}, so without it every {@code find({field: value})} scans the whole collection.
 *
 * <p>The index only narrows the candidates; the engine's matcher still decides, so its keys may be coarser than
 * MongoDB's equality (numbers compare as doubles) but never finer: no document that matches can be left out.
 */
final class FieldIndex {

    private final String field;
    private final Map<Object, Set<BsonValue>> idsByKey = new HashMap<>();
    private final Map<BsonValue, List<Object>> keysById = new HashMap<>();

    FieldIndex(String field) {
        this.field = field;
    }

    /** Indexes (again) the document of an id. */
    void put(BsonValue id, BsonDocument document) {
        remove(id);
        List<Object> keys = keysOf(document.get(field));
        if (keys.isEmpty()) {
            return;
        }
        keysById.put(id, keys);
        keys.forEach(key -> idsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(id));
    }

    void remove(BsonValue id) {
        List<Object> keys = keysById.remove(id);
        if (keys == null) {
            return;
        }
        for (Object key : keys) {
            Set<BsonValue> ids = idsByKey.get(key);
            ids.remove(id);
            if (ids.isEmpty()) {
                idsByKey.remove(key);
            }
        }
    }

    /** The ids of the documents whose field may equal {@code value}, one that {@link #equalityOf} returned. */
    Set<BsonValue> candidates(BsonValue value) {
        return Set.copyOf(idsByKey.getOrDefault(key(value).orElseThrow(), Set.of()));
    }

    /**
     * The first condition of a filter that says a top-level field (not {@code _id}, which the engine indexes) equals
     * a scalar: {@code {field: value}} or {@code {field: {$eq: value}}}. The filter's top-level conditions all hold
     * for a match, so the documents holding that value are a superset of the matches. {@code null} is not a usable
     * value: it also matches documents without the field.
     */
    static Optional<Map.Entry<String, BsonValue>> equalityOf(BsonDocument filter) {
        for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
            String name = condition.getKey();
            if (name.startsWith("$") || name.contains(".") || name.equals("_id")) {
                continue;
            }
            BsonValue value = condition.getValue();
            if (value.isDocument()) {
                BsonDocument operators = value.asDocument();
                if (operators.size() != 1 || !operators.containsKey("$eq")) {
                    continue;
                }
                value = operators.get("$eq");
            }
            if (key(value).isPresent()) {
                return Optional.of(Map.entry(name, value));
            }
        }
        return Optional.empty();
    }

    private static List<Object> keysOf(BsonValue value) {
        List<Object> keys = new ArrayList<>();
        if (value == null) {
            return keys;
        }
        if (value.isArray()) {
            value.asArray().forEach(element -> key(element).ifPresent(keys::add));
        } else {
            key(value).ifPresent(keys::add);
        }
        return keys;
    }

    /** The key of a scalar; empty for null, documents, arrays, regular expressions and code, which it cannot serve. */
    private static Optional<Object> key(BsonValue value) {
        return switch (value.getBsonType()) {
            case INT32, INT64, DOUBLE, DECIMAL128 -> {
                double number = value.asNumber().doubleValue();
                // one key for 0 and -0, which are equal
                yield Optional.of(number == 0 ? 0.0 : number);
            }
            case SYMBOL -> Optional.of(new BsonString(value.asSymbol().getSymbol()));
            case STRING, BOOLEAN, OBJECT_ID, DATE_TIME, TIMESTAMP, BINARY, MIN_KEY, MAX_KEY -> Optional.of(value);
            default -> Optional.empty();
        };
    }
}
