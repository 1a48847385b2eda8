package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.messages.Messages;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Applies a projection of 0/1 (or true/false) fields to a document in memory. Projections run here, not in the
 * store, because rules must see whole documents first and the {@code findOneAnd*} answers include documents that no
 * longer exist in the store. Projection operators ({@code $slice}, {@code $elemMatch}, {@code $meta}) are refused.
 * Stateless.
 */
final class Projection {

    private Projection() {}

    static BsonDocument apply(BsonDocument document, BsonDocument projection) {
        if (projection.isEmpty()) {
            return document;
        }
        boolean inclusion = false;
        for (Map.Entry<String, BsonValue> field : projection.entrySet()) {
            if (!field.getKey().equals("_id") && flag(field.getKey(), field.getValue())) {
                inclusion = true;
            }
        }
        boolean keepId = !projection.containsKey("_id") || flag("_id", projection.get("_id"));
        if (projection.size() == 1 && projection.containsKey("_id") && keepId) {
            inclusion = true;
        }
        BsonDocument result;
        if (inclusion) {
            result = new BsonDocument();
            if (keepId && document.containsKey("_id")) {
                result.append("_id", document.get("_id"));
            }
            for (Map.Entry<String, BsonValue> field : projection.entrySet()) {
                if (!field.getKey().equals("_id") && flag(field.getKey(), field.getValue())) {
                    copy(document, result, field.getKey().split("\\."), 0);
                }
            }
        } else {
            result = document.clone();
            for (Map.Entry<String, BsonValue> field : projection.entrySet()) {
                if (!flag(field.getKey(), field.getValue())) {
                    remove(result, field.getKey().split("\\."), 0);
                }
            }
        }
        return result;
    }

    private static boolean flag(String field, BsonValue value) {
        if (value.isBoolean()) {
            return value.asBoolean().getValue();
        }
        if (value.isNumber()) {
            return value.asNumber().doubleValue() != 0;
        }
        throw DataException.invalidParameter(Messages.projectionOperator(
                value.isDocument() && !value.asDocument().isEmpty()
                        ? value.asDocument().getFirstKey()
                        : field));
    }

    private static void copy(BsonDocument from, BsonDocument to, String[] path, int index) {
        BsonValue value = from.get(path[index]);
        if (value == null) {
            return;
        }
        if (index == path.length - 1) {
            to.put(path[index], value);
        } else if (value.isDocument()) {
            BsonValue existing = to.get(path[index]);
            BsonDocument target =
                    existing != null && existing.isDocument() ? existing.asDocument() : new BsonDocument();
            to.put(path[index], target);
            copy(value.asDocument(), target, path, index + 1);
        }
    }

    private static void remove(BsonDocument from, String[] path, int index) {
        if (index == path.length - 1) {
            from.remove(path[index]);
            return;
        }
        BsonValue value = from.get(path[index]);
        if (value != null && value.isDocument()) {
            remove(value.asDocument(), path, index + 1);
        }
    }
}
