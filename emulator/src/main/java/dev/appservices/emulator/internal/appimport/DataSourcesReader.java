package dev.appservices.emulator.internal.appimport;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.directories;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The data side of an export: the {@code mongodb-atlas} data source with its rules into the app definition. Schemas,
 * relationships and other data sources are listed as ignored. One instance reads one export.
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
            BsonDocument config =
                    Files.isRegularFile(configFile) ? export.readExpanded(configFile) : new BsonDocument();
            String type = string(config, "type").orElse("mongodb-atlas");
            String name = string(config, "name").orElse(service.getFileName().toString());
            if (!type.equals("mongodb-atlas") || !sources.isEmpty()) {
                warnings.add(Messages.ignored(
                        "the data source '" + name + "' of type " + type,
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
                        rule.putIfAbsent(
                                "database",
                                new BsonString(database.getFileName().toString()));
                        rule.putIfAbsent(
                                "collection",
                                new BsonString(collection.getFileName().toString()));
                        rules.add(rule);
                    }
                    Stream.of("schema.json", "relationships.json")
                            .map(collection::resolve)
                            .filter(Files::isRegularFile)
                            .forEach(file ->
                                    schemas.add(directory.relativize(file).toString()));
                }
            }
            if (!schemas.isEmpty()) {
                warnings.add(
                        Messages.ignored(String.join(", ", schemas), "schemas and relationships are not enforced"));
            }
            definition.mongodb(
                    name, rules, Files.isRegularFile(defaultRule) ? export.readExpanded(defaultRule) : null, values);
            sources.add(name);
        }
        return sources;
    }
}
