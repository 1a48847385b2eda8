package dev.appservices.emulator.internal.appimport;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.bool;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.jsonFiles;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.requiredString;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.strings;

import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;

/**
 * The triggers of an export ({@code triggers/*.json}): database triggers and the {@code CREATE} and {@code LOGIN}
 * authentication triggers; disabled ones are left out, other kinds are listed as ignored. One instance reads one
 * export.
 */
final class TriggersReader extends ExportPartReader {

    private static final Set<String> AUTHENTICATION_OPERATIONS = Set.of("CREATE", "LOGIN");

    private final List<ImportedApp.DatabaseTrigger> database = new ArrayList<>();
    private final List<ImportedApp.AuthenticationTrigger> authentication = new ArrayList<>();

    TriggersReader(ExportDirectory export, Set<String> functions) {
        super(export);
        for (Path file : jsonFiles(directory.resolve("triggers"))) {
            BsonDocument trigger = export.readExpanded(file);
            if (!bool(trigger, "disabled")) {
                read(file, trigger, functions);
            }
        }
    }

    List<ImportedApp.DatabaseTrigger> database() {
        return database;
    }

    List<ImportedApp.AuthenticationTrigger> authentication() {
        return authentication;
    }

    private void read(Path file, BsonDocument trigger, Set<String> functions) {
        String name = string(trigger, "name").orElse(file.getFileName().toString());
        String type = string(trigger, "type").orElse("");
        BsonDocument config = trigger.isDocument("config") ? trigger.getDocument("config") : new BsonDocument();
        switch (type) {
            case "DATABASE" -> {
                Set<String> operations = new LinkedHashSet<>();
                strings(file, config, "operation_types").forEach(op -> operations.add(op.toUpperCase(Locale.ROOT)));
                database.add(new ImportedApp.DatabaseTrigger(
                        name,
                        requiredString(file, config, "service_name"),
                        string(config, "database").orElse(""),
                        string(config, "collection").orElse(""),
                        operations,
                        config.isDocument("match") ? config.getDocument("match") : new BsonDocument(),
                        bool(config, "full_document"),
                        function(file, trigger, functions)));
            }
            case "AUTHENTICATION" -> {
                String operation =
                        requiredString(file, config, "operation_type").toUpperCase(Locale.ROOT);
                if (!AUTHENTICATION_OPERATIONS.contains(operation)) {
                    warnings.add(Messages.ignored(
                            "the " + operation + " authentication trigger '" + name + "'",
                            "only CREATE and LOGIN authentication triggers are emulated"));
                    return;
                }
                authentication.add(new ImportedApp.AuthenticationTrigger(
                        name,
                        operation,
                        Set.copyOf(strings(file, config, "providers")),
                        function(file, trigger, functions)));
            }
            default ->
                warnings.add(Messages.ignored(
                        "the " + type + " trigger '" + name + "'",
                        "only database and authentication triggers are emulated"));
        }
    }

    /** The function a trigger runs: {@code function_name}, or the newer {@code event_processors.FUNCTION}. */
    private static String function(Path file, BsonDocument trigger, Set<String> functions) {
        String function = string(trigger, "function_name")
                .or(() -> eventProcessorFunction(trigger))
                .orElseThrow(() -> Messages.invalidContent(file, "function_name", "is required"));
        if (!functions.contains(function)) {
            throw Messages.unknownFunction(file, "function_name", function);
        }
        return function;
    }

    private static Optional<String> eventProcessorFunction(BsonDocument trigger) {
        try {
            return string(
                    trigger.getDocument("event_processors")
                            .getDocument("FUNCTION")
                            .getDocument("config"),
                    "function_name");
        } catch (BsonInvalidOperationException e) {
            return Optional.empty();
        }
    }
}
