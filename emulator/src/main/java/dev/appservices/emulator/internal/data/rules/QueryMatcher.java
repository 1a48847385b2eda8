package dev.appservices.emulator.internal.data.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Evaluates MongoDB query documents against documents in memory: for rule expressions (whose keys may be
 * expansions, which no server understands) and for the {@code $match} filter of {@code watch} over change events,
 * which must be decided per event as it is written, without a round trip to the store.
 *
 * <p>Supported: field paths with dots (arrays are searched as MongoDB does), equality, {@code $eq $ne $gt $gte $lt
 * $lte $in $nin $exists $not}, and {@code $and $or $nor}. Anything else is an {@link IllegalArgumentException}
 * naming the operator. Stateless.
 */
public final class QueryMatcher {

    private QueryMatcher() {}

    /** Whether the document satisfies the query. */
    public static boolean matches(BsonDocument query, BsonDocument document) {
        for (Map.Entry<String, BsonValue> entry : query.entrySet()) {
            String key = entry.getKey();
            BsonValue condition = entry.getValue();
            boolean holds = switch (key) {
                case "$and" -> clauses(key, condition).stream().allMatch(clause -> matches(clause, document));
                case "$or" -> clauses(key, condition).stream().anyMatch(clause -> matches(clause, document));
                case "$nor" -> clauses(key, condition).stream().noneMatch(clause -> matches(clause, document));
                default -> {
                    if (key.startsWith("$")) {
                        throw new IllegalArgumentException("unsupported query operator '" + key + "'");
                    }
                    yield valuesMatch(values(document, key), condition);
                }
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether values found at a path satisfy a condition: an operator document such as {@code {"$in": [...]}} or a
     * value to equal.
     *
     * @param candidates the values at the path (empty when the path is missing)
     */
    public static boolean valuesMatch(List<BsonValue> candidates, BsonValue condition) {
        if (isOperatorDocument(condition)) {
            for (Map.Entry<String, BsonValue> operator : condition.asDocument().entrySet()) {
                if (!operatorMatches(candidates, operator.getKey(), operator.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return equalsAny(candidates, condition);
    }

    /** The values at a dotted path; an array on the way contributes each element, and an array at the end too. */
    public static List<BsonValue> values(BsonValue root, String path) {
        List<BsonValue> found = new ArrayList<>();
        collect(root, path.split("\\."), 0, found);
        return found;
    }

    private static void collect(BsonValue current, String[] parts, int index, List<BsonValue> found) {
        if (index == parts.length) {
            found.add(current);
            if (current.isArray()) {
                found.addAll(current.asArray().getValues());
            }
            return;
        }
        if (current.isDocument()) {
            BsonValue next = current.asDocument().get(parts[index]);
            if (next != null) {
                collect(next, parts, index + 1, found);
            }
        } else if (current.isArray()) {
            for (BsonValue element : current.asArray()) {
                if (element.isDocument()) {
                    collect(element, parts, index, found);
                }
            }
        }
    }

    private static boolean operatorMatches(List<BsonValue> candidates, String operator, BsonValue argument) {
        return switch (operator) {
            case "$eq" -> equalsAny(candidates, argument);
            case "$ne" -> !equalsAny(candidates, argument);
            case "$gt" -> candidates.stream().anyMatch(value -> compare(value, argument) > 0);
            case "$gte" ->
                candidates.stream()
                        .anyMatch(value ->
                                compare(value, argument) >= 0 && compare(value, argument) != Integer.MIN_VALUE);
            case "$lt" ->
                candidates.stream()
                        .anyMatch(
                                value -> compare(value, argument) < 0 && compare(value, argument) != Integer.MIN_VALUE);
            case "$lte" ->
                candidates.stream()
                        .anyMatch(value ->
                                compare(value, argument) <= 0 && compare(value, argument) != Integer.MIN_VALUE);
            case "$in" -> array(operator, argument).stream().anyMatch(option -> equalsAny(candidates, option));
            case "$nin" -> array(operator, argument).stream().noneMatch(option -> equalsAny(candidates, option));
            case "$exists" -> candidates.isEmpty() != truthy(argument);
            case "$not" -> !valuesMatch(candidates, argument);
            default -> throw new IllegalArgumentException("unsupported query operator '" + operator + "'");
        };
    }

    private static boolean equalsAny(List<BsonValue> candidates, BsonValue expected) {
        if (expected.isNull() && candidates.isEmpty()) {
            return true;
        }
        return candidates.stream().anyMatch(value -> same(value, expected));
    }

    /** BSON equality, with numbers of different types equal when their values are. */
    public static boolean same(BsonValue a, BsonValue b) {
        if (a.isNumber() && b.isNumber() || isDecimal(a) && b.isNumber() || a.isNumber() && isDecimal(b)) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a.isArray() && b.isArray()) {
            List<BsonValue> left = a.asArray().getValues();
            List<BsonValue> right = b.asArray().getValues();
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Orders two values of comparable types; {@link Integer#MIN_VALUE} when they cannot be compared. */
    private static int compare(BsonValue a, BsonValue b) {
        if ((a.isNumber() || isDecimal(a)) && (b.isNumber() || isDecimal(b))) {
            return Integer.signum(decimal(a).compareTo(decimal(b)));
        }
        if (a.isString() && b.isString()) {
            return Integer.signum(a.asString().getValue().compareTo(b.asString().getValue()));
        }
        if (a.isDateTime() && b.isDateTime()) {
            return Long.compare(a.asDateTime().getValue(), b.asDateTime().getValue());
        }
        if (a.isObjectId() && b.isObjectId()) {
            return Integer.signum(
                    a.asObjectId().getValue().compareTo(b.asObjectId().getValue()));
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean().getValue(), b.asBoolean().getValue());
        }
        if (a.isTimestamp() && b.isTimestamp()) {
            return Integer.signum(a.asTimestamp().compareTo(b.asTimestamp()));
        }
        return Integer.MIN_VALUE;
    }

    private static boolean isDecimal(BsonValue value) {
        return value.isDecimal128();
    }

    private static BigDecimal decimal(BsonValue value) {
        if (value.isDecimal128()) {
            return value.asDecimal128().getValue().bigDecimalValue();
        }
        if (value.isDouble()) {
            return BigDecimal.valueOf(value.asDouble().getValue());
        }
        return BigDecimal.valueOf(value.asNumber().longValue());
    }

    private static boolean isOperatorDocument(BsonValue condition) {
        return condition.isDocument()
                && !condition.asDocument().isEmpty()
                && condition.asDocument().getFirstKey().startsWith("$");
    }

    private static List<BsonDocument> clauses(String operator, BsonValue value) {
        List<BsonDocument> clauses = new ArrayList<>();
        for (BsonValue clause : array(operator, value)) {
            if (!clause.isDocument()) {
                throw new IllegalArgumentException(operator + " must be an array of documents");
            }
            clauses.add(clause.asDocument());
        }
        return clauses;
    }

    private static BsonArray array(String operator, BsonValue value) {
        if (!value.isArray()) {
            throw new IllegalArgumentException(operator + " needs an array");
        }
        return value.asArray();
    }

    private static boolean truthy(BsonValue value) {
        if (value.isBoolean()) {
            return value.asBoolean().getValue();
        }
        if (value.isNumber()) {
            return value.asNumber().doubleValue() != 0;
        }
        return !value.isNull();
    }
}
