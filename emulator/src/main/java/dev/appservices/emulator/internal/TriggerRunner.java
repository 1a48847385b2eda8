package dev.appservices.emulator.internal;

import dev.appservices.emulator.internal.js.CallFrame;
import dev.appservices.emulator.internal.js.FunctionFailure;
import dev.appservices.emulator.internal.js.JsRuntime;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * Runs the trigger functions of one imported app as system, one at a time in the order of their events, on a
 * thread of the app's own: the write or login that fires a trigger does not wait for JavaScript. A failing function
 * is logged, as the service logs it. Thread-safe.
 */
final class TriggerRunner implements AutoCloseable {

    private static final Logger LOG = System.getLogger(TriggerRunner.class.getName());

    private final String appId;
    private final JsRuntime runtime;
    private final ExecutorService executor;

    TriggerRunner(String appId, JsRuntime runtime) {
        this.appId = appId;
        this.runtime = runtime;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "appservices-emulator-triggers-" + appId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the trigger's function with the event, after the events before it. */
    void fire(String trigger, String function, BsonDocument event) {
        executor.execute(() -> {
            try {
                runtime.call(function, new BsonArray(List.of(event)), CallFrame.system(new BsonDocument()));
            } catch (FunctionFailure e) {
                LOG.log(Level.WARNING, "app '" + appId + "': the trigger '" + trigger + "' failed: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
