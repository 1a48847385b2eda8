package dev.appservices.emulator.internal.appimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.internal.messages.Messages;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.bool;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.directories;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.jsonFiles;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.requiredString;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.strings;

/**
 * The data side of an export: the {@code mongodb-atlas} data source with its rules into the app definition, and the
 * database triggers. Schemas, relationships and other trigger types are listed as ignored. One instance reads one
 * export.
 */
final class DataSourcesReader extends ExportPartReader {

    DataSourcesReader(ExportDirectory export) {
        super(export);
    }

    /** The MongoDB data source with its rules, into the definition; the names of the app's data sources. */
    List<String> dataSources(AppDefinition.Builder definition, BsonDocument values) {
        List<String> sources = new ArrayList<>();
        Path root = directory.resolve("data_sources");
        for (Path service : directories(root)) {
            Path configFile = service.resolve("config.json");
            BsonDocument config = Files.isRegularFile(configFile) ? export.readExpanded(configFile) : new BsonDocument();
            String type = string(config, "type").orElse("mongodb-atlas");
            String name = string(config, "name").orElse(service.getFileName().toString());
            if (!type.equals("mongodb-atlas") || !sources.isEmpty()) {
                warnings.add(Messages.ignored("the data source '" + name + "' of type " + type,
                        "the emulator serves one mongodb-atlas data source per app"));
                continue;
            }
            Path defaultRule = service.resolve("default_rule.json");
            List<BsonDocument> rules = new ArrayList<>();
            List<String> schemas = new ArrayList<>();
            for (Path database : directories(service)) {
                for (Path collection : directories(database)) {
                    Path rulesFile = collection.resolve("rules.json");
                    if (Files.isRegularFile(rulesFile)) {
                        BsonDocument rule = export.readExpanded(rulesFile);
                        rule.putIfAbsent("database", new BsonString(database.getFileName().toString()));
                        rule.putIfAbsent("collection", new BsonString(collection.getFileName().toString()));
                        rules.add(rule);
                    }
                    Stream.of("schema.json", "relationships.json").map(collection::resolve)
                            .filter(Files::isRegularFile)
                            .forEach(file -> schemas.add(directory.relativize(file).toString()));
                }
            }
            if (!schemas.isEmpty()) {
                warnings.add(Messages.ignored(String.join(", ", schemas),
                        "schemas and relationships are not enforced"));
            }
            definition.mongodb(name, rules, Files.isRegularFile(defaultRule) ? export.readExpanded(defaultRule) : null,
                    values);
            sources.add(name);
        }
        return sources;
    }

    List<ImportedApp.DatabaseTrigger> triggers(Set<String> functions) {
        List<ImportedApp.DatabaseTrigger> triggers = new ArrayList<>();
        for (Path file : jsonFiles(directory.resolve("triggers"))) {
            BsonDocument trigger = export.readExpanded(file);
            String name = string(trigger, "name").orElse(file.getFileName().toString());
            String type = string(trigger, "type").orElse("");
            if (bool(trigger, "disabled")) {
                continue;
            }
            if (!type.equals("DATABASE")) {
                warnings.add(Messages.ignored("the " + type + " trigger '" + name + "'",
                        "only database triggers are emulated"));
                continue;
            }
            BsonDocument config = trigger.isDocument("config") ? trigger.getDocument("config") : new BsonDocument();
            String function = string(trigger, "function_name").or(() -> eventProcessorFunction(trigger))
                    .orElseThrow(() -> Messages.invalidContent(file, "function_name", "is required"));
            if (!functions.contains(function)) {
                throw Messages.unknownFunction(file, "function_name", function);
            }
            Set<String> operations = new LinkedHashSet<>();
            strings(file, config, "operation_types").forEach(op -> operations.add(op.toUpperCase(Locale.ROOT)));
            triggers.add(new ImportedApp.DatabaseTrigger(name, requiredString(file, config, "service_name"),
                    string(config, "database").orElse(""), string(config, "collection").orElse(""), operations,
                    config.isDocument("match") ? config.getDocument("match") : new BsonDocument(),
                    bool(config, "full_document"), function));
        }
        return triggers;
    }

    private static Optional<String> eventProcessorFunction(BsonDocument trigger) {
        try {
            return string(trigger.getDocument("event_processors").getDocument("FUNCTION").getDocument("config"),
                    "function_name");
        } catch (BsonInvalidOperationException e) {
            return Optional.empty();
        }
    }
}
