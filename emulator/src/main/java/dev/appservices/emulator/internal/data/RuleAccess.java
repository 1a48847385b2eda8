package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.data.rules.Expressions;
import dev.appservices.emulator.internal.data.rules.Expressions.Scope;
import dev.appservices.emulator.internal.data.rules.Rules.CollectionRules;
import dev.appservices.emulator.internal.data.rules.Rules.FieldRule;
import dev.appservices.emulator.internal.data.rules.Rules.Filter;
import dev.appservices.emulator.internal.data.rules.Rules.Role;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A user's access to one namespace under its rules, as App Services decided it: the first role whose
 * {@code apply_when} holds for the document applies, none means no access; document filters, then document-level
 * {@code read}/{@code write}, then field-level {@code fields}/{@code additional_fields} ({@code write} implies
 * {@code read}; {@code _id} is always readable). Filters whose {@code apply_when} holds restrict every query and
 * project every read. Created per call; not shared between threads.
 */
final class RuleAccess implements Access {

    private final Namespace namespace;
    private final CollectionRules rules;
    private final Scope scope;
    private final List<Filter> activeFilters = new ArrayList<>();

    RuleAccess(Namespace namespace, CollectionRules rules, Caller caller, BsonDocument values) {
        this.namespace = namespace;
        this.rules = rules;
        this.scope = new Scope(caller.user(), values, null, null);
        for (Filter filter : rules.filters()) {
            if (filter.applyWhen() == null || evaluate(filter.applyWhen(), scope)) {
                activeFilters.add(filter);
            }
        }
    }

    @Override
    public BsonDocument restrict(BsonDocument query) {
        List<BsonDocument> clauses = new ArrayList<>();
        for (Filter filter : activeFilters) {
            if (!filter.query().isEmpty()) {
                clauses.add(Expressions.expand(filter.query(), scope).asDocument());
            }
        }
        if (clauses.isEmpty()) {
            return query;
        }
        clauses.add(0, query);
        return new BsonDocument("$and", new org.bson.BsonArray(clauses));
    }

    @Override
    public Optional<BsonDocument> visible(BsonDocument document) {
        Scope on = scope.withDocuments(document, document);
        Optional<Role> role = roleFor(on);
        if (role.isEmpty() || !documentReadable(role.get(), on)) {
            return Optional.empty();
        }
        BsonDocument shown;
        if (granted(role.get().read(), on) || granted(role.get().write(), on)) {
            shown = document.clone();
        } else {
            shown = new BsonDocument();
            for (Map.Entry<String, BsonValue> field : document.entrySet()) {
                FieldRule rule = fieldRule(role.get(), field.getKey());
                if (field.getKey().equals("_id") || granted(rule.read(), on) || granted(rule.write(), on)) {
                    shown.append(field.getKey(), field.getValue());
                }
            }
            if (shown.keySet().stream().allMatch("_id"::equals)) {
                return Optional.empty();
            }
        }
        for (Filter filter : activeFilters) {
            if (!filter.projection().isEmpty()) {
                shown = Projection.apply(shown, filter.projection());
            }
        }
        return Optional.of(shown);
    }

    @Override
    public void checkInsert(BsonDocument document) {
        Scope on = scope.withDocuments(document, null);
        Role role = roleFor(on).orElseThrow(() -> DataException.notPermitted("insert", namespace));
        if (!defaultTrue(role.insert(), on) || !writeFilterHolds(role, on) || !writable(role, on, null, document)) {
            throw DataException.notPermitted("insert", namespace);
        }
    }

    @Override
    public void checkUpdate(BsonDocument before, BsonDocument after) {
        Scope previous = scope.withDocuments(before, before);
        Scope on = scope.withDocuments(after, before);
        Role role = roleFor(previous).orElseThrow(() -> DataException.notPermitted("update", namespace));
        if (!writeFilterHolds(role, previous) || !writeFilterHolds(role, on) || !writable(role, on, before, after)) {
            throw DataException.notPermitted("update", namespace);
        }
    }

    @Override
    public void checkDelete(BsonDocument document) {
        Scope on = scope.withDocuments(document, document);
        Role role = roleFor(on).orElseThrow(() -> DataException.notPermitted("delete", namespace));
        if (!defaultTrue(role.delete(), on) || !writeFilterHolds(role, on) || !granted(role.write(), on)) {
            throw DataException.notPermitted("delete", namespace);
        }
    }

    private Optional<Role> roleFor(Scope on) {
        for (Role role : rules.roles()) {
            if (role.applyWhen() == null || evaluate(role.applyWhen(), on)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private boolean documentReadable(Role role, Scope on) {
        if (role.readFilter() == null) {
            return true;
        }
        return evaluate(role.readFilter(), on) || role.writeFilter() != null && evaluate(role.writeFilter(), on);
    }

    private boolean writeFilterHolds(Role role, Scope on) {
        return role.writeFilter() == null || evaluate(role.writeFilter(), on);
    }

    /** Document-level {@code write}, else every changed field must be writable. */
    private boolean writable(Role role, Scope on, BsonDocument before, BsonDocument after) {
        if (granted(role.write(), on)) {
            return true;
        }
        if (role.write() != null
                && role.fields().isEmpty()
                && role.additionalFields().write() == null) {
            return false;
        }
        for (String field : changedFields(before, after)) {
            if (!granted(fieldRule(role, field).write(), on)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> changedFields(BsonDocument before, BsonDocument after) {
        Set<String> changed = new HashSet<>();
        BsonDocument old = before == null ? new BsonDocument() : before;
        for (Map.Entry<String, BsonValue> field : after.entrySet()) {
            if (!field.getValue().equals(old.get(field.getKey()))) {
                changed.add(field.getKey());
            }
        }
        for (String field : old.keySet()) {
            if (!after.containsKey(field)) {
                changed.add(field);
            }
        }
        changed.remove("_id");
        return changed;
    }

    private static FieldRule fieldRule(Role role, String field) {
        return role.fields().getOrDefault(field, role.additionalFields());
    }

    private boolean granted(BsonValue permission, Scope on) {
        return permission != null && evaluate(permission, on);
    }

    private boolean defaultTrue(BsonValue permission, Scope on) {
        return permission == null || evaluate(permission, on);
    }

    private boolean evaluate(BsonValue expression, Scope on) {
        try {
            return Expressions.holds(expression, on);
        } catch (IllegalArgumentException e) {
            throw DataException.invalidParameter(Messages.invalidRule(namespace.toString(), e.getMessage()));
        }
    }
}
