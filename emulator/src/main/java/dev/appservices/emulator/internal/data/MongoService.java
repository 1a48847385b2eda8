package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.data.rules.Rules;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.Objects;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One app's MongoDB service ({@code mongodb-atlas} in the demo apps): its name, its rules and values, over the
 * shared store. Immutable and thread-safe.
 */
public final class MongoService {

    private final String name;
    private final Rules rules;
    private final BsonDocument values;
    private final CollectionOperations operations;

    public MongoService(String name, Rules rules, BsonDocument values, CollectionOperations operations) {
        this.name = Objects.requireNonNull(name, "name");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.values = values.clone();
        this.operations = operations;
    }

    public String name() {
        return name;
    }

    /**
     * A call as clients send it: {@code name} and {@code arguments} of the function call body, whose only argument
     * is {@code {database, collection, ...}}.
     *
     * @throws DataException for an unknown operation, bad arguments, a namespace without rules, a refusal or an
     *     error of the store
     */
    public BsonValue call(String operation, BsonArray arguments, Caller caller) {
        if (!CollectionOperations.NAMES.contains(operation)) {
            throw DataException.operationNotFound(operation);
        }
        if (arguments.size() != 1 || !arguments.get(0).isDocument()) {
            throw DataException.invalidParameter(Messages.noArguments(operation));
        }
        BsonDocument argument = arguments.get(0).asDocument();
        Namespace namespace = new Arguments(argument).namespace();
        return operations.execute(operation, namespace, argument, access(namespace, caller));
    }

    /** Deletes every document of a database as system; watchers see the deletes. */
    public void clearDatabase(String database) {
        operations.clearDatabase(database);
    }

    /**
     * What the caller may do in the namespace.
     *
     * @throws DataException 403 if rules deny the namespace
     */
    public Access access(Namespace namespace, Caller caller) {
        if (caller.asSystem()) {
            return Access.SYSTEM;
        }
        return rules.forNamespace(namespace.database(), namespace.collection())
                .<Access>map(collectionRules -> new RuleAccess(namespace, collectionRules, caller, values))
                .orElseThrow(() -> DataException.noRule(namespace));
    }
}
