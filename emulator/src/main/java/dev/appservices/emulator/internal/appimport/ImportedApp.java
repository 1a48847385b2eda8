package dev.appservices.emulator.internal.appimport;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.BsonDocument;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.internal.js.ScriptApp;

/**
 * An exported app as the emulator runs it.
 *
 * @param definition the app's id, location and auth providers, as for apps of the configuration file
 * @param scripts its JavaScript functions, values and environment
 * @param dataSources its MongoDB data sources with their rules
 * @param customUserData where its users' custom data lives, if enabled
 * @param triggers its database triggers
 * @param warnings what the emulator ignores of the export, one line each
 */
public record ImportedApp(AppDefinition definition, ScriptApp scripts, List<DataSource> dataSources,
        Optional<CustomUserData> customUserData, List<DatabaseTrigger> triggers, List<String> warnings) {

    public ImportedApp {
        dataSources = List.copyOf(dataSources);
        triggers = List.copyOf(triggers);
        warnings = List.copyOf(warnings);
    }

    /**
     * A MongoDB data source ({@code data_sources/<name>/}).
     *
     * @param name the service name functions use, e.g. {@code mongodb-atlas}
     * @param rules the {@code rules.json} documents {@code {database, collection, roles, filters}}
     * @param defaultRule {@code default_rule.json} {@code {roles, filters}}, if any
     */
    public record DataSource(String name, List<BsonDocument> rules, Optional<BsonDocument> defaultRule) {

        public DataSource {
            rules = rules.stream().map(BsonDocument::clone).toList();
        }
    }

    /**
     * {@code auth/custom_user_data.json} when enabled.
     *
     * @param service the data source
     * @param database the database
     * @param collection the collection
     * @param userIdField the field holding the user id
     * @param onCreationFunction the function run when a user is created, if any
     */
    public record CustomUserData(String service, String database, String collection, String userIdField,
            Optional<String> onCreationFunction) {
    }

    /**
     * A {@code DATABASE} trigger.
     *
     * @param name its name
     * @param service the data source it watches
     * @param database the database ({@code ""} for every database)
     * @param collection the collection ({@code ""} for every collection)
     * @param operationTypes {@code INSERT}, {@code UPDATE}, {@code REPLACE}, {@code DELETE} (upper case)
     * @param match a {@code $match} expression on the change event, empty for every event
     * @param fullDocument whether update events carry the document after the update
     * @param function the function run with the change event
     */
    public record DatabaseTrigger(String name, String service, String database, String collection,
            Set<String> operationTypes, BsonDocument match, boolean fullDocument, String function) {

        public DatabaseTrigger {
            operationTypes = Set.copyOf(operationTypes);
            match = match.clone();
        }
    }
}
