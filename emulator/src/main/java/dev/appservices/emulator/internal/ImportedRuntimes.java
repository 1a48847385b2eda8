package dev.appservices.emulator.internal;

import dev.appservices.emulator.internal.app.UserEvents;
import dev.appservices.emulator.internal.appimport.ImportedApp;
import dev.appservices.emulator.internal.data.AppData;
import dev.appservices.emulator.internal.data.Caller;
import dev.appservices.emulator.internal.data.ChangeEvents;
import dev.appservices.emulator.internal.js.HttpGateway;
import dev.appservices.emulator.internal.js.JsEngine;
import dev.appservices.emulator.internal.js.JsFunction;
import dev.appservices.emulator.internal.js.JsRuntime;
import dev.appservices.emulator.internal.js.ServiceGateway;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;

/**
 * The JavaScript runtimes of the imported apps, their shared engine (only created when an app has JavaScript
 * functions: it costs a few hundred milliseconds) and their database triggers. Closed with the emulator.
 */
final class ImportedRuntimes implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ImportedRuntimes.class.getName());

    /** What {@link #close()} closes, in this order: triggers, runtimes, the engine. */
    private final List<AutoCloseable> resources;

    private final Map<String, Map<String, JsFunction>> functions;
    private final Map<String, UserEvents> userEvents;

    private ImportedRuntimes(
            List<AutoCloseable> resources,
            Map<String, Map<String, JsFunction>> functions,
            Map<String, UserEvents> userEvents) {
        this.resources = resources;
        this.functions = functions;
        this.userEvents = userEvents;
    }

    /**
     * Starts the runtimes and triggers of the imported apps. Without JavaScript functions no GraalJS class is
     * touched, so an emulator that embeds no exported app runs without GraalJS on its class path.
     *
     * @param appData the data side of every app by id (imported apps among them)
     * @param events the change events triggers react to
     */
    static ImportedRuntimes start(
            List<ImportedApp> imports,
            Map<String, AppData> appData,
            ChangeEvents events,
            Duration timeLimit,
            Set<String> httpHosts) {
        for (ImportedApp app : imports) {
            app.warnings()
                    .forEach(warning ->
                            LOG.log(Level.WARNING, "app '" + app.definition().id() + "': " + warning));
        }
        if (imports.stream().allMatch(app -> app.scripts().functions().isEmpty())) {
            return new ImportedRuntimes(List.of(), Map.of(), Map.of());
        }
        JsEngine engine = JsEngine.create();
        HttpGateway http = new HttpGateway(httpHosts);
        List<AutoCloseable> triggers = new ArrayList<>();
        List<AutoCloseable> runtimes = new ArrayList<>();
        Map<String, Map<String, JsFunction>> functions = new LinkedHashMap<>();
        Map<String, UserEvents> userEvents = new LinkedHashMap<>();
        for (ImportedApp app : imports) {
            String id = app.definition().id();
            JsRuntime runtime = new JsRuntime(engine, app.scripts(), gateway(appData.get(id)), http, timeLimit);
            runtimes.add(runtime);
            Map<String, JsFunction> byName = new LinkedHashMap<>();
            app.scripts().functions().forEach((name, function) -> byName.put(name, new JsFunction(runtime, function)));
            functions.put(id, byName);
            if (!app.triggers().isEmpty() || !app.authenticationTriggers().isEmpty()) {
                TriggerRunner runner = new TriggerRunner(id, runtime);
                triggers.add(DatabaseTriggers.start(app.triggers(), runner, events));
                triggers.add(runner);
                userEvents.put(id, new AuthenticationTriggers(app.authenticationTriggers(), runner));
            }
            runtime.warmUpInBackground();
        }
        List<AutoCloseable> resources = new ArrayList<>(triggers);
        resources.addAll(runtimes);
        resources.add(engine);
        return new ImportedRuntimes(resources, functions, userEvents);
    }

    /** {@code context.services} of an app: its MongoDB service, as the calling user or as system. */
    private static ServiceGateway gateway(AppData data) {
        return (service, function, argument, system, user) -> data.service(service)
                .call(function, new BsonArray(List.of(argument)), system ? Caller.systemCaller() : Caller.user(user));
    }

    /** What the app's authentication triggers make of its logins. */
    UserEvents userEvents(String appId) {
        return userEvents.getOrDefault(appId, UserEvents.NONE);
    }

    /** The JavaScript functions by app id and name. */
    Map<String, Map<String, JsFunction>> functions() {
        return functions;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resource + " failed", e);
            }
        }
    }
}
