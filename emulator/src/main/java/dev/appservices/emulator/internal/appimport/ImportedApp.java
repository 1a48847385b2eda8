package dev.appservices.emulator.internal.appimport;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.internal.js.ScriptApp;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * An exported app as the emulator runs it.
 *
 * @param definition the app's id, location, auth providers, MongoDB data source with its rules and custom user
 *     data, as for apps of the configuration file
 * @param scripts its JavaScript functions, values and environment
 * @param triggers its database triggers
 * @param authenticationTriggers its authentication triggers
 * @param warnings what the emulator ignores of the export, one line each
 */
public record ImportedApp(
        AppDefinition definition,
        ScriptApp scripts,
        List<DatabaseTrigger> triggers,
        List<AuthenticationTrigger> authenticationTriggers,
        List<String> warnings) {

    public ImportedApp {
        triggers = List.copyOf(triggers);
        authenticationTriggers = List.copyOf(authenticationTriggers);
        warnings = List.copyOf(warnings);
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
    public record DatabaseTrigger(
            String name,
            String service,
            String database,
            String collection,
            Set<String> operationTypes,
            BsonDocument match,
            boolean fullDocument,
            String function) {

        public DatabaseTrigger {
            operationTypes = Set.copyOf(operationTypes);
            match = match.clone();
        }
    }

    /**
     * An {@code AUTHENTICATION} trigger.
     *
     * @param name its name
     * @param operationType {@code CREATE} (a login created the user) or {@code LOGIN} (every login)
     * @param providers the provider types whose logins fire it
     * @param function the function run with the authentication event
     */
    public record AuthenticationTrigger(String name, String operationType, Set<String> providers, String function) {

        public AuthenticationTrigger {
            providers = Set.copyOf(providers);
        }
    }
}
