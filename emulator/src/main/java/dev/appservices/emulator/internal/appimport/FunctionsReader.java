package dev.appservices.emulator.internal.appimport;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.bool;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.files;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.requiredString;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;

import dev.appservices.emulator.internal.js.ScriptFunction;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The functions of an export: {@code functions/config.json} with {@code functions/<name>.js} (names may contain
 * {@code /}), or realm-cli's older {@code functions/<name>/config.json} with {@code source.js}. Code no entry names
 * and npm dependencies are listed as ignored. One instance reads one export.
 */
final class FunctionsReader extends ExportPartReader {

    FunctionsReader(ExportDirectory export) {
        super(export);
    }

    Map<String, ScriptFunction> read() {
        Path root = directory.resolve("functions");
        Map<String, ScriptFunction> functions = new LinkedHashMap<>();
        Path config = root.resolve("config.json");
        if (Files.isRegularFile(config)) {
            BsonValue entries = export.expand(config, JsonFiles.read(config));
            if (!entries.isArray()) {
                throw Messages.invalidContent(config, "(file)", "must be an array of functions");
            }
            for (int i = 0; i < entries.asArray().size(); i++) {
                BsonValue entry = entries.asArray().get(i);
                if (!entry.isDocument()) {
                    throw Messages.invalidContent(config, "[" + i + "]", "must be an object");
                }
                String name = requiredString(config, entry.asDocument(), "name");
                add(functions, config, entry.asDocument(), root.resolve(name + ".js"));
            }
        } else {
            // realm-cli's older layout: functions/<name>/config.json beside functions/<name>/source.js
            for (Path file : files(root, 2)) {
                if (file.getFileName().toString().equals("config.json")
                        && !file.getParent().equals(root)) {
                    add(functions, file, export.readExpanded(file), file.resolveSibling("source.js"));
                }
            }
        }
        unlistedCode(root, functions);
        return functions;
    }

    private void add(Map<String, ScriptFunction> functions, Path config, BsonDocument entry, Path code) {
        String name = requiredString(config, entry, "name");
        if (!Files.isRegularFile(code)) {
            throw Messages.functionFileMissing(directory, name, directory.relativize(code));
        }
        if (functions.containsKey(name)) {
            throw Messages.invalidContent(config, "name", "the function '" + name + "' is defined twice");
        }
        BsonValue canEvaluate = entry.get("can_evaluate");
        if (canEvaluate != null
                && canEvaluate.isDocument()
                && !canEvaluate.asDocument().isEmpty()) {
            warnings.add(Messages.ignored(
                    "can_evaluate of function '" + name + "'", "every user who may call the function may run it"));
        }
        if (string(entry, "run_as_user_id").filter(id -> !id.isEmpty()).isPresent()
                || string(entry, "run_as_user_id_script_source")
                        .filter(id -> !id.isEmpty())
                        .isPresent()) {
            warnings.add(Messages.ignored("run_as_user_id of function '" + name + "'", "it runs as its caller"));
        }
        functions.put(
                name,
                new ScriptFunction(
                        name,
                        directory.relativize(code).toString(),
                        JsonFiles.text(code),
                        bool(entry, "private"),
                        bool(entry, "run_as_system")));
    }

    private void unlistedCode(Path root, Map<String, ScriptFunction> functions) {
        Set<String> used = new LinkedHashSet<>();
        functions.values().forEach(function -> used.add(function.file()));
        for (Path file : files(root, Integer.MAX_VALUE)) {
            String relative = directory.relativize(file).toString();
            String name = file.getFileName().toString();
            if (name.endsWith(".js") && !used.contains(relative) && !relative.contains("node_modules")) {
                warnings.add(Messages.ignored(relative, "no entry of the functions' configuration names it"));
            } else if (name.equals("package.json") || name.equals("node_modules.zip")) {
                warnings.add(
                        Messages.ignored(relative, "npm dependencies are not supported; require() of a module fails"));
            }
        }
    }
}
