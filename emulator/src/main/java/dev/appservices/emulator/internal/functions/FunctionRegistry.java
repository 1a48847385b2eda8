package dev.appservices.emulator.internal.functions;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.js.JsFunction;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * All functions the emulator knows: the built-ins, those found through {@link ServiceLoader}, those registered
 * in code for one app (which take precedence over the others of the same name, so a test can replace a built-in),
 * and the JavaScript functions of imported apps (private ones are only hooks, never callable by clients).
 *
 * <p>Built once at start-up and read-only afterwards, hence thread-safe.
 */
public final class FunctionRegistry {

    private final Map<String, EmulatorFunction> shared;
    private final Map<String, Map<String, EmulatorFunction>> perApp;
    private final Map<String, Map<String, JsFunction>> scripted;

    private FunctionRegistry(
            Map<String, EmulatorFunction> shared,
            Map<String, Map<String, EmulatorFunction>> perApp,
            Map<String, Map<String, JsFunction>> scripted) {
        this.shared = Map.copyOf(shared);
        this.perApp = copy(perApp);
        this.scripted = copy(scripted);
    }

    /**
     * Collects the built-ins and the {@link ServiceLoader} functions visible to the class loader, plus the given
     * per-app functions.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0504} for a discovered function without a
     *     name, {@code APPSVC0505} for two shared functions of the same name
     */
    public static FunctionRegistry create(
            ClassLoader loader,
            Map<String, Map<String, EmulatorFunction>> perApp,
            Map<String, Map<String, JsFunction>> scripted) {
        Map<String, EmulatorFunction> shared = new HashMap<>(BuiltInFunctions.all());
        for (EmulatorFunction function : ServiceLoader.load(EmulatorFunction.class, loader)) {
            String name = function.name();
            if (name == null || name.isBlank()) {
                throw Messages.functionWithoutName(function.getClass().getName());
            }
            if (shared.putIfAbsent(name, function) != null) {
                throw Messages.duplicateFunction("built-in or ServiceLoader", name);
            }
        }
        return new FunctionRegistry(shared, perApp, scripted);
    }

    /** A function clients of the app may call: registered for the app, or shared and enabled for it. */
    public Optional<EmulatorFunction> callable(AppSettings app, String name) {
        EmulatorFunction own = perApp.getOrDefault(app.id(), Map.of()).get(name);
        if (own != null) {
            return Optional.of(own);
        }
        JsFunction script = scripted.getOrDefault(app.id(), Map.of()).get(name);
        if (script != null) {
            return script.isPrivate() ? Optional.empty() : Optional.of(script);
        }
        return app.functionEnabled(name) ? Optional.ofNullable(shared.get(name)) : Optional.empty();
    }

    /** A function the app's configuration names as a hook (authentication, confirmation, reset). */
    public Optional<EmulatorFunction> hook(String appId, String name) {
        EmulatorFunction own = perApp.getOrDefault(appId, Map.of()).get(name);
        if (own == null) {
            own = scripted.getOrDefault(appId, Map.of()).get(name);
        }
        return own != null ? Optional.of(own) : Optional.ofNullable(shared.get(name));
    }

    private static <T> Map<String, Map<String, T>> copy(Map<String, ? extends Map<String, T>> byApp) {
        Map<String, Map<String, T>> copy = new HashMap<>();
        byApp.forEach((appId, functions) -> copy.put(appId, Map.copyOf(functions)));
        return Map.copyOf(copy);
    }
}
