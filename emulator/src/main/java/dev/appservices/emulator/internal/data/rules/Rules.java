package dev.appservices.emulator.internal.data.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The rules of one MongoDB service in App Services' export format: {@code rules.json} documents
 * {@code {database, collection, roles, filters}} and an optional {@code default_rule.json} document
 * {@code {roles, filters}} for the other collections. Immutable.
 */
public final class Rules {

    private final Map<String, CollectionRules> byNamespace;
    private final Optional<CollectionRules> defaultRule;

    private Rules(Map<String, CollectionRules> byNamespace, Optional<CollectionRules> defaultRule) {
        this.byNamespace = byNamespace;
        this.defaultRule = defaultRule;
    }

    /** Rules that allow nothing: every namespace is denied. */
    public static Rules none() {
        return new Rules(Map.of(), Optional.empty());
    }

    /**
     * Reads rules documents.
     *
     * @param key the configuration key they come from, for messages
     * @throws IllegalArgumentException naming the key below {@code key} that is wrong
     */
    public static Rules parse(List<BsonDocument> rules, Optional<BsonDocument> defaultRule, String key) {
        Map<String, CollectionRules> byNamespace = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = key + ".rules[" + i + "]";
            BsonDocument rule = rules.get(i);
            String namespace = string(rule, "database", at) + "." + string(rule, "collection", at);
            if (byNamespace.put(namespace, collectionRules(rule, at)) != null) {
                throw new IllegalArgumentException(at + ": a second rule for namespace '" + namespace + "'");
            }
        }
        return new Rules(Map.copyOf(byNamespace), defaultRule.map(rule -> collectionRules(rule, key + ".defaultRule")));
    }

    /** The rules of a namespace, else the default rule; empty when the namespace is denied. */
    public Optional<CollectionRules> forNamespace(String database, String collection) {
        CollectionRules rules = byNamespace.get(database + "." + collection);
        return rules != null ? Optional.of(rules) : defaultRule;
    }

    /** The roles (in order) and filters of a collection. */
    public record CollectionRules(List<Role> roles, List<Filter> filters) {}

    /**
     * A role. Absent permissions are {@code null}: absent document filters hold, absent {@code insert},
     * {@code delete} and {@code search} are true, absent field permissions are false.
     */
    public record Role(
            String name,
            BsonValue applyWhen,
            BsonValue readFilter,
            BsonValue writeFilter,
            BsonValue read,
            BsonValue write,
            BsonValue insert,
            BsonValue delete,
            BsonValue search,
            Map<String, FieldRule> fields,
            FieldRule additionalFields) {}

    /** Field-level read and write permissions ({@code null} when absent). */
    public record FieldRule(BsonValue read, BsonValue write) {

        static final FieldRule NONE = new FieldRule(null, null);
    }

    /** A filter: when {@code applyWhen} holds, {@code query} restricts and {@code projection} shapes every read. */
    public record Filter(String name, BsonValue applyWhen, BsonDocument query, BsonDocument projection) {}

    private static CollectionRules collectionRules(BsonDocument rule, String at) {
        List<Role> roles = new ArrayList<>();
        List<BsonValue> roleValues = array(rule, "roles", at);
        for (int i = 0; i < roleValues.size(); i++) {
            roles.add(role(document(roleValues.get(i), at + ".roles[" + i + "]"), at + ".roles[" + i + "]"));
        }
        List<Filter> filters = new ArrayList<>();
        List<BsonValue> filterValues = array(rule, "filters", at);
        for (int i = 0; i < filterValues.size(); i++) {
            String filterAt = at + ".filters[" + i + "]";
            BsonDocument filter = document(filterValues.get(i), filterAt);
            filters.add(new Filter(
                    filter.getString("name", new org.bson.BsonString("")).getValue(),
                    filter.get("apply_when"),
                    optionalDocument(filter, "query", filterAt),
                    optionalDocument(filter, "projection", filterAt)));
        }
        return new CollectionRules(List.copyOf(roles), List.copyOf(filters));
    }

    private static Role role(BsonDocument role, String at) {
        BsonDocument documentFilters = optionalDocument(role, "document_filters", at);
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        optionalDocument(role, "fields", at)
                .forEach((field, permissions) -> fields.put(field, fieldRule(permissions, at + ".fields." + field)));
        BsonValue additional = role.get("additional_fields");
        return new Role(
                role.getString("name", new org.bson.BsonString("")).getValue(),
                role.get("apply_when"),
                documentFilters.get("read"),
                documentFilters.get("write"),
                role.get("read"),
                role.get("write"),
                role.get("insert"),
                role.get("delete"),
                role.get("search"),
                Map.copyOf(fields),
                additional == null ? FieldRule.NONE : fieldRule(additional, at + ".additional_fields"));
    }

    private static FieldRule fieldRule(BsonValue value, String at) {
        BsonDocument permissions = document(value, at);
        return new FieldRule(permissions.get("read"), permissions.get("write"));
    }

    private static String string(BsonDocument document, String field, String at) {
        BsonValue value = document.get(field);
        if (value == null || !value.isString() || value.asString().getValue().isEmpty()) {
            throw new IllegalArgumentException(at + "." + field + ": a non-empty string is required");
        }
        return value.asString().getValue();
    }

    private static List<BsonValue> array(BsonDocument document, String field, String at) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(at + "." + field + ": an array is required");
        }
        return value.asArray().getValues();
    }

    private static BsonDocument optionalDocument(BsonDocument document, String field, String at) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return new BsonDocument();
        }
        return document(value, at + "." + field);
    }

    private static BsonDocument document(BsonValue value, String at) {
        if (!value.isDocument()) {
            throw new IllegalArgumentException(at + ": an object is required");
        }
        return value.asDocument();
    }
}
