package dev.appservices.emulator.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.BsonArray;

import dev.appservices.emulator.internal.appimport.ImportedApp;
import dev.appservices.emulator.internal.data.AppData;
import dev.appservices.emulator.internal.data.Caller;
import dev.appservices.emulator.internal.data.ChangeEvents;
import dev.appservices.emulator.internal.js.HttpGateway;
import dev.appservices.emulator.internal.js.JsEngine;
import dev.appservices.emulator.internal.js.JsFunction;
import dev.appservices.emulator.internal.js.JsRuntime;
import dev.appservices.emulator.internal.js.ServiceGateway;

/**
 * The JavaScript runtimes of the imported apps, their shared engine (only created when an app has JavaScript
 * functions: it costs a few hundred milliseconds) and their database triggers. Closed with the emulator.
 */
final class ImportedRuntimes implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ImportedRuntimes.class.getName());

    private final Optional<JsEngine> engine;
    private final List<JsRuntime> runtimes;
    private final List<DatabaseTriggers> triggers;
    private final Map<String, Map<String, JsFunction>> functions;

    private ImportedRuntimes(Optional<JsEngine> engine, List<JsRuntime> runtimes, List<DatabaseTriggers> triggers,
            Map<String, Map<String, JsFunction>> functions) {
        this.engine = engine;
        this.runtimes = runtimes;
        this.triggers = triggers;
        this.functions = functions;
    }

    /**
     * Starts the runtimes and triggers of the imported apps.
     *
     * @param appData the data side of every app by id (imported apps among them)
     * @param events the change events triggers react to
     */
    static ImportedRuntimes start(List<ImportedApp> imports, Map<String, AppData> appData, ChangeEvents events,
            Duration timeLimit, Set<String> httpHosts) {
        for (ImportedApp app : imports) {
            app.warnings().forEach(warning -> LOG.log(Level.WARNING, "app '" + app.definition().id() + "': "
                    + warning));
        }
        boolean scripted = imports.stream().anyMatch(app -> !app.scripts().functions().isEmpty());
        Optional<JsEngine> engine = scripted ? Optional.of(JsEngine.create()) : Optional.empty();
        HttpGateway http = new HttpGateway(httpHosts);
        List<JsRuntime> runtimes = new ArrayList<>();
        List<DatabaseTriggers> triggers = new ArrayList<>();
        Map<String, Map<String, JsFunction>> functions = new LinkedHashMap<>();
        engine.ifPresent(shared -> {
            for (ImportedApp app : imports) {
                String id = app.definition().id();
                JsRuntime runtime = new JsRuntime(shared, app.scripts(), gateway(appData.get(id)), http, timeLimit);
                runtimes.add(runtime);
                Map<String, JsFunction> byName = new LinkedHashMap<>();
                app.scripts().functions().forEach((name, function) -> byName.put(name,
                        new JsFunction(runtime, function)));
                functions.put(id, byName);
                if (!app.triggers().isEmpty()) {
                    triggers.add(DatabaseTriggers.start(id, app.triggers(), runtime, events));
                }
            }
        });
        runtimes.forEach(JsRuntime::warmUpInBackground);
        return new ImportedRuntimes(engine, runtimes, triggers, functions);
    }

    /** {@code context.services} of an app: its MongoDB service, as the calling user or as system. */
    private static ServiceGateway gateway(AppData data) {
        return (service, function, argument, system, user) -> data.service(service).call(function,
                new BsonArray(List.of(argument)), system ? Caller.systemCaller() : Caller.user(user));
    }

    /** The JavaScript functions by app id and name. */
    Map<String, Map<String, JsFunction>> functions() {
        return functions;
    }

    @Override
    public void close() {
        triggers.forEach(DatabaseTriggers::close);
        runtimes.forEach(JsRuntime::close);
        engine.ifPresent(JsEngine::close);
    }
}
