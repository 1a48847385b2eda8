package dev.appservices.emulator.internal;

import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.functions.FunctionRegistry;
import dev.appservices.emulator.internal.messages.Messages;

/**
 * Start-up check that every function an app's configuration names (callable functions, authentication,
 * confirmation and reset functions) exists, so a typo fails the start instead of the first login.
 */
final class HookValidation {

    private HookValidation() {}

    static void check(AppSettings app, FunctionRegistry functions) {
        app.functions().ifPresent(names -> names.forEach(name -> require(app, functions, "functions", name)));
        app.provider("local-userpass", AppSettings.Userpass.class).ifPresent(userpass -> {
            userpass.confirmationFunction()
                    .ifPresent(
                            name -> require(app, functions, "providers.local-userpass.confirmationFunctionName", name));
            userpass.resetFunction()
                    .ifPresent(name -> require(app, functions, "providers.local-userpass.resetFunctionName", name));
        });
        app.provider("custom-function", AppSettings.CustomFunction.class)
                .ifPresent(custom ->
                        require(app, functions, "providers.custom-function.authFunctionName", custom.functionName()));
    }

    private static void require(AppSettings app, FunctionRegistry functions, String key, String name) {
        if (functions.hook(app.id(), name).isEmpty()) {
            throw Messages.unknownFunction(app.id(), key, name);
        }
    }
}
