package dev.appservices.emulator.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.BsonArray;
import org.bson.BsonDocument;

import dev.appservices.emulator.internal.appimport.ImportedApp.DatabaseTrigger;
import dev.appservices.emulator.internal.data.ChangeEvent;
import dev.appservices.emulator.internal.data.ChangeEvents;
import dev.appservices.emulator.internal.data.rules.QueryMatcher;
import dev.appservices.emulator.internal.js.CallFrame;
import dev.appservices.emulator.internal.js.FunctionFailure;
import dev.appservices.emulator.internal.js.JsRuntime;

/**
 * The database triggers of one imported app: for every committed write in a trigger's namespace with one of its
 * operation types whose change event matches its {@code match} expression, its function runs as system with the
 * change event. Functions run one at a time in commit order on a thread of the app's own (the write path that
 * publishes events must not wait for JavaScript); a failing function is logged, as the service logs it.
 */
final class DatabaseTriggers implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DatabaseTriggers.class.getName());

    private final String appId;
    private final List<DatabaseTrigger> triggers;
    private final JsRuntime runtime;
    private final ExecutorService executor;
    private AutoCloseable subscription;

    private DatabaseTriggers(String appId, List<DatabaseTrigger> triggers, JsRuntime runtime) {
        this.appId = appId;
        this.triggers = List.copyOf(triggers);
        this.runtime = runtime;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "appservices-emulator-triggers-" + appId);
            thread.setDaemon(true);
            return thread;
        });
    }

    static DatabaseTriggers start(String appId, List<DatabaseTrigger> triggers, JsRuntime runtime,
            ChangeEvents events) {
        DatabaseTriggers started = new DatabaseTriggers(appId, triggers, runtime);
        started.subscription = events.subscribe(started::publish);
        return started;
    }

    private void publish(ChangeEvent event) {
        List<Runnable> runs = new ArrayList<>();
        for (DatabaseTrigger trigger : triggers) {
            if (applies(trigger, event)) {
                BsonDocument document = event.toDocument(fullDocument(trigger, event));
                if (trigger.match().isEmpty() || QueryMatcher.matches(trigger.match(), document)) {
                    runs.add(() -> run(trigger, document));
                }
            }
        }
        runs.forEach(executor::execute);
    }

    private static boolean applies(DatabaseTrigger trigger, ChangeEvent event) {
        return (trigger.database().isEmpty() || trigger.database().equals(event.namespace().database()))
                && (trigger.collection().isEmpty() || trigger.collection().equals(event.namespace().collection()))
                && (trigger.operationTypes().isEmpty()
                        || trigger.operationTypes().contains(event.operationType().toUpperCase(Locale.ROOT)));
    }

    /** Inserts and replacements always carry the document; updates only when the trigger asks for it. */
    private static BsonDocument fullDocument(DatabaseTrigger trigger, ChangeEvent event) {
        return switch (event.operationType()) {
            case "insert", "replace" -> event.after();
            case "update" -> trigger.fullDocument() ? event.after() : null;
            default -> null;
        };
    }

    private void run(DatabaseTrigger trigger, BsonDocument event) {
        try {
            runtime.call(trigger.function(), new BsonArray(List.of(event)), CallFrame.system(new BsonDocument()));
        } catch (FunctionFailure e) {
            LOG.log(Level.WARNING, "app '" + appId + "': the trigger '" + trigger.name() + "' failed: "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing the trigger subscription of app '" + appId + "'", e);
        }
        executor.shutdownNow();
    }
}
