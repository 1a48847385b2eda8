package dev.appservices.emulator.internal;

import dev.appservices.emulator.internal.appimport.ImportedApp.DatabaseTrigger;
import dev.appservices.emulator.internal.data.ChangeEvent;
import dev.appservices.emulator.internal.data.ChangeEvents;
import dev.appservices.emulator.internal.data.rules.QueryMatcher;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import org.bson.BsonDocument;

/**
 * The database triggers of one imported app: for every committed write in a trigger's namespace with one of its
 * operation types whose change event matches its {@code match} expression, its function runs with the change event,
 * in commit order.
 */
final class DatabaseTriggers implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DatabaseTriggers.class.getName());

    private final List<DatabaseTrigger> triggers;
    private final TriggerRunner runner;
    private AutoCloseable subscription;

    private DatabaseTriggers(List<DatabaseTrigger> triggers, TriggerRunner runner) {
        this.triggers = List.copyOf(triggers);
        this.runner = runner;
    }

    static DatabaseTriggers start(List<DatabaseTrigger> triggers, TriggerRunner runner, ChangeEvents events) {
        DatabaseTriggers started = new DatabaseTriggers(triggers, runner);
        started.subscription = events.subscribe(started::publish);
        return started;
    }

    private void publish(ChangeEvent event) {
        for (DatabaseTrigger trigger : triggers) {
            if (applies(trigger, event)) {
                BsonDocument document = event.toDocument(fullDocument(trigger, event));
                if (trigger.match().isEmpty() || QueryMatcher.matches(trigger.match(), document)) {
                    runner.fire(trigger.name(), trigger.function(), document);
                }
            }
        }
    }

    private static boolean applies(DatabaseTrigger trigger, ChangeEvent event) {
        return (trigger.database().isEmpty()
                        || trigger.database().equals(event.namespace().database()))
                && (trigger.collection().isEmpty()
                        || trigger.collection().equals(event.namespace().collection()))
                && (trigger.operationTypes().isEmpty()
                        || trigger.operationTypes()
                                .contains(event.operationType().toUpperCase(Locale.ROOT)));
    }

    /** Inserts and replacements always carry the document; updates only when the trigger asks for it. */
    private static BsonDocument fullDocument(DatabaseTrigger trigger, ChangeEvent event) {
        return switch (event.operationType()) {
            case "insert", "replace" -> event.after();
            case "update" -> trigger.fullDocument() ? event.after() : null;
            default -> null;
        };
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing a trigger subscription", e);
        }
    }
}
