package dev.appservices.emulator.internal.data.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * App Services rule expressions: expansions ({@code %%user.*}, {@code %%root.*}, {@code %%prevRoot.*},
 * {@code %%values.*}, {@code %%true}, {@code %%false}), the operators {@code %stringToOid} and {@code %oidToString},
 * and query operators. A key that is an expansion compares the expansion's value; any other key is a field of
 * {@code %%root}. Stateless.
 */
public final class Expressions {

    private Expressions() {}

    /**
     * What expansions refer to.
     *
     * @param user the {@code %%user} document
     * @param values the app's values ({@code %%values})
     * @param root the document after the operation, or {@code null}
     * @param prevRoot the document before the operation, or {@code null}
     */
    public record Scope(BsonDocument user, BsonDocument values, BsonDocument root, BsonDocument prevRoot) {

        public Scope withDocuments(BsonDocument newRoot, BsonDocument newPrevRoot) {
            return new Scope(user, values, newRoot, newPrevRoot);
        }
    }

    /**
     * Whether an expression holds: {@code true}/{@code false}, an expansion, or a document of conditions that must
     * all hold ({@code {}} holds).
     *
     * @throws IllegalArgumentException for an unsupported operator
     */
    public static boolean holds(BsonValue expression, Scope scope) {
        BsonValue expanded = expression.isString() ? expand(expression, scope) : expression;
        if (expanded == null) {
            return false;
        }
        if (expanded.isBoolean()) {
            return expanded.asBoolean().getValue();
        }
        if (!expanded.isDocument()) {
            return false;
        }
        for (Map.Entry<String, BsonValue> entry : expanded.asDocument().entrySet()) {
            if (!entryHolds(entry.getKey(), entry.getValue(), scope)) {
                return false;
            }
        }
        return true;
    }

    private static boolean entryHolds(String key, BsonValue condition, Scope scope) {
        switch (key) {
            case "$and", "%and":
                return clauses(key, condition).stream().allMatch(clause -> holds(clause, scope));
            case "$or", "%or":
                return clauses(key, condition).stream().anyMatch(clause -> holds(clause, scope));
            case "$nor", "%nor":
                return clauses(key, condition).stream().noneMatch(clause -> holds(clause, scope));
            default:
                break;
        }
        List<BsonValue> candidates;
        if (key.startsWith("%%")) {
            BsonValue value = resolve(key, scope);
            candidates = new ArrayList<>();
            if (value != null) {
                candidates.add(value);
                if (value.isArray()) {
                    candidates.addAll(value.asArray().getValues());
                }
            }
        } else {
            candidates = scope.root() == null ? List.of() : QueryMatcher.values(scope.root(), key);
        }
        BsonValue expected = expand(condition, scope);
        return QueryMatcher.valuesMatch(candidates, expected == null ? org.bson.BsonNull.VALUE : expected);
    }

    /**
     * Replaces expansions and {@code %stringToOid}/{@code %oidToString} in a value, e.g. a document filter that is
     * then sent to the store as a query. An expansion of something missing yields {@code null} at the top and is
     * left out of documents and arrays.
     */
    public static BsonValue expand(BsonValue value, Scope scope) {
        if (value.isString() && value.asString().getValue().startsWith("%%")) {
            return resolve(value.asString().getValue(), scope);
        }
        if (value.isDocument()) {
            BsonDocument document = value.asDocument();
            if (document.size() == 1 && document.containsKey("%stringToOid")) {
                BsonValue text = expand(document.get("%stringToOid"), scope);
                return text != null
                                && text.isString()
                                && ObjectId.isValid(text.asString().getValue())
                        ? new BsonObjectId(new ObjectId(text.asString().getValue()))
                        : null;
            }
            if (document.size() == 1 && document.containsKey("%oidToString")) {
                BsonValue id = expand(document.get("%oidToString"), scope);
                return id != null && id.isObjectId()
                        ? new BsonString(id.asObjectId().getValue().toHexString())
                        : null;
            }
            BsonDocument expanded = new BsonDocument();
            for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
                BsonValue inner = expand(entry.getValue(), scope);
                if (inner != null) {
                    expanded.append(entry.getKey(), inner);
                }
            }
            return expanded;
        }
        if (value.isArray()) {
            BsonArray expanded = new BsonArray();
            for (BsonValue element : value.asArray()) {
                BsonValue inner = expand(element, scope);
                if (inner != null) {
                    expanded.add(inner);
                }
            }
            return expanded;
        }
        return value;
    }

    /** The value of an expansion such as {@code %%user.custom_data.team}, or {@code null} if it names nothing. */
    static BsonValue resolve(String expansion, Scope scope) {
        String[] parts = expansion.substring(2).split("\\.", 2);
        BsonValue base = switch (parts[0]) {
            case "true" -> BsonBoolean.TRUE;
            case "false" -> BsonBoolean.FALSE;
            case "user" -> scope.user();
            case "values" -> scope.values();
            case "root" -> scope.root();
            case "prevRoot" -> scope.prevRoot();
            default -> throw new IllegalArgumentException("unsupported expansion '" + expansion + "'");
        };
        if (base == null || parts.length == 1) {
            return base;
        }
        List<BsonValue> found = QueryMatcher.values(base, parts[1]);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<BsonValue> clauses(String operator, BsonValue value) {
        if (!value.isArray()) {
            throw new IllegalArgumentException(operator + " needs an array");
        }
        return value.asArray().getValues();
    }
}
