package dev.appservices.emulator.internal.js;

import java.util.Objects;

/**
 * One JavaScript function of an app.
 *
 * @param name its name (may contain {@code /})
 * @param file where it was read from, for stack traces and messages
 * @param source its code ({@code exports = function (...) {...}})
 * @param isPrivate whether only other functions, hooks and triggers may call it
 * @param runAsSystem whether it runs as the system user, outside the rules
 */
public record ScriptFunction(String name, String file, String source, boolean isPrivate, boolean runAsSystem) {

    public ScriptFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
    }
}
