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

import dev.appservices.emulator.internal.appimport.ImportedApp;
import dev.appservices.emulator.internal.js.HttpGateway;
import dev.appservices.emulator.internal.js.JsEngine;
import dev.appservices.emulator.internal.js.JsFunction;
import dev.appservices.emulator.internal.js.JsRuntime;
import dev.appservices.emulator.internal.js.ServiceGateway;

/**
 * The JavaScript runtimes of the imported apps and their shared engine, which is only created when an app has
 * JavaScript functions (it costs a few hundred milliseconds). Closed with the emulator.
 */
final class ImportedRuntimes implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ImportedRuntimes.class.getName());

    private final Optional<JsEngine> engine;
    private final List<JsRuntime> runtimes;
    private final Map<String, Map<String, JsFunction>> functions;

    private ImportedRuntimes(Optional<JsEngine> engine, List<JsRuntime> runtimes,
            Map<String, Map<String, JsFunction>> functions) {
        this.engine = engine;
        this.runtimes = runtimes;
        this.functions = functions;
    }

    static ImportedRuntimes start(List<ImportedApp> imports, Duration timeLimit, Set<String> httpHosts) {
        for (ImportedApp app : imports) {
            app.warnings().forEach(warning -> LOG.log(Level.WARNING, "app '" + app.definition().id() + "': "
                    + warning));
        }
        boolean scripted = imports.stream().anyMatch(app -> !app.scripts().functions().isEmpty());
        Optional<JsEngine> engine = scripted ? Optional.of(JsEngine.create()) : Optional.empty();
        HttpGateway http = new HttpGateway(httpHosts);
        List<JsRuntime> runtimes = new ArrayList<>();
        Map<String, Map<String, JsFunction>> functions = new LinkedHashMap<>();
        engine.ifPresent(shared -> {
            for (ImportedApp app : imports) {
                JsRuntime runtime = new JsRuntime(shared, app.scripts(), ServiceGateway.NONE, http, timeLimit);
                runtimes.add(runtime);
                Map<String, JsFunction> byName = new LinkedHashMap<>();
                app.scripts().functions().forEach((name, function) -> byName.put(name,
                        new JsFunction(runtime, function)));
                functions.put(app.definition().id(), byName);
            }
        });
        return new ImportedRuntimes(engine, runtimes, functions);
    }

    /** The JavaScript functions by app id and name. */
    Map<String, Map<String, JsFunction>> functions() {
        return functions;
    }

    @Override
    public void close() {
        runtimes.forEach(JsRuntime::close);
        engine.ifPresent(JsEngine::close);
    }
}
