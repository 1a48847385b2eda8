package dev.appservices.emulator.internal.functions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.messages.Messages;

/**
 * All functions the emulator knows: the built-ins, those found through {@link ServiceLoader}, and those registered
 * in code for one app (which take precedence over the others of the same name, so a test can replace a built-in).
 *
 * <p>Built once at start-up and read-only afterwards, hence thread-safe.
 */
public final class FunctionRegistry {

    private final Map<String, EmulatorFunction> shared;
    private final Map<String, Map<String, EmulatorFunction>> perApp;

    private FunctionRegistry(Map<String, EmulatorFunction> shared, Map<String, Map<String, EmulatorFunction>> perApp) {
        this.shared = Map.copyOf(shared);
        Map<String, Map<String, EmulatorFunction>> copy = new HashMap<>();
        perApp.forEach((appId, functions) -> copy.put(appId, Map.copyOf(functions)));
        this.perApp = Map.copyOf(copy);
    }

    /**
     * Collects the built-ins and the {@link ServiceLoader} functions visible to the class loader, plus the given
     * per-app functions.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0504} for a discovered function without a
     *     name, {@code APPSVC0505} for two shared functions of the same name
     */
    public static FunctionRegistry create(ClassLoader loader, Map<String, Map<String, EmulatorFunction>> perApp) {
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
        return new FunctionRegistry(shared, perApp);
    }

    /** A function clients of the app may call: registered for the app, or shared and enabled for it. */
    public Optional<EmulatorFunction> callable(AppSettings app, String name) {
        EmulatorFunction own = perApp.getOrDefault(app.id(), Map.of()).get(name);
        if (own != null) {
            return Optional.of(own);
        }
        return app.functionEnabled(name) ? Optional.ofNullable(shared.get(name)) : Optional.empty();
    }

    /** A function the app's configuration names as a hook (authentication, confirmation, reset). */
    public Optional<EmulatorFunction> hook(String appId, String name) {
        EmulatorFunction own = perApp.getOrDefault(appId, Map.of()).get(name);
        return own != null ? Optional.of(own) : Optional.ofNullable(shared.get(name));
    }
}
