package dev.appservices.emulator.internal.appimport;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.jsonFiles;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.optionalDocument;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.requiredString;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.js.ScriptApp;
import dev.appservices.emulator.internal.js.ScriptFunction;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Reads one export directory of App Services (App Services CLI or realm-cli, every root-file variant) into an
 * {@link ImportedApp}. Problems that would make the app behave differently from the service (a missing root file,
 * invalid JSON, a function without code, a missing secret, a reference to an unknown function) fail the start with
 * a coded message naming the file; parts the emulator does not run are listed as warnings. Not thread-safe; one
 * instance reads one directory.
 */
public final class ExportReader {

    /** Root files in the order the CLIs look for them. */
    private static final List<String> ROOT_FILES =
            List.of("root_config.json", "realm_config.json", "config.json", "stitch.json");

    private static final Map<String, String> IGNORED_PARTS = Map.of(
            "sync", "Device Sync is not emulated",
            "graphql", "the GraphQL API is not emulated",
            "hosting", "static hosting is not emulated",
            "http_endpoints", "HTTPS endpoints are not emulated",
            "log_forwarders", "log forwarding is not emulated",
            "services", "third-party services and incoming webhooks of older exports are not emulated");

    private final ExportDirectory export;
    private final Path directory;

    private ExportReader(ExportDirectory export) {
        this.export = export;
        this.directory = export.root();
    }

    /**
     * Reads an export directory.
     *
     * @param directory the export's root directory
     * @param appId the client app id to serve it under instead of the export's own
     * @param secrets where the secrets the app needs come from
     * @throws EmulatorException {@code APPSVC0565}–{@code APPSVC0575} naming what is wrong
     */
    public static ImportedApp read(Path directory, Optional<String> appId, Secrets secrets) {
        if (!Files.isDirectory(directory)) {
            throw Messages.notADirectory(directory);
        }
        return new ExportReader(new ExportDirectory(directory, secrets)).read(appId);
    }

    private ImportedApp read(Optional<String> appIdOverride) {
        Path rootFile = ROOT_FILES.stream()
                .map(directory::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> Messages.notAnExport(directory));
        BsonDocument root = JsonFiles.readDocument(rootFile);
        BsonDocument meta =
                optionalDocument(directory.resolve(".mdb/meta.json")).orElseGet(BsonDocument::new);
        String appId = appIdOverride
                .or(() -> string(meta, "client_app_id"))
                .or(() -> string(root, "app_id"))
                .orElseThrow(() -> Messages.noAppId(directory));
        String environment = string(root, "environment").orElse("");
        BsonDocument environmentValues = environmentValues(rootFile, environment);
        export.useEnvironment(new Expansions(environment, environmentValues));

        AppDefinition.Builder definition = AppDefinition.builder(appId)
                // an imported app's clients call its own functions, not the emulator's built-in ones
                .functions();
        string(root, "deployment_model").ifPresent(definition::deploymentModel);
        string(root, "location").ifPresent(definition::location);

        Map<String, ScriptFunction> functions = new FunctionsReader(export).read();
        AuthReader auth = new AuthReader(export);
        auth.providers(definition, functions.keySet());
        auth.customUserData(definition);
        BsonDocument values = values();
        DataSourcesReader data = new DataSourcesReader(export);
        List<String> services = data.dataSources(definition, values);
        TriggersReader triggers = new TriggersReader(export, functions.keySet());
        ignoredParts();
        export.requireSecrets();

        BsonDocument info = new BsonDocument(
                        "id", new BsonString(string(meta, "app_id").orElse(appId)))
                .append("clientAppId", new BsonString(appId))
                .append("name", new BsonString(string(root, "name").orElse(appId)))
                .append("projectId", new BsonString(string(meta, "group_id").orElse("")))
                .append(
                        "deployment",
                        new BsonDocument(
                                        "model",
                                        new BsonString(
                                                string(root, "deployment_model").orElse("GLOBAL")))
                                .append(
                                        "providerRegion",
                                        new BsonString(
                                                string(root, "provider_region").orElse(""))));
        ScriptApp scripts = new ScriptApp(
                appId,
                info,
                values,
                new BsonDocument("tag", new BsonString(environment)).append("values", environmentValues),
                services,
                functions);
        return new ImportedApp(
                definition.build(), scripts, triggers.database(), triggers.authentication(), export.warnings());
    }

    private BsonDocument environmentValues(Path rootFile, String environment) {
        Path file = directory
                .resolve("environments")
                .resolve((environment.isEmpty() ? "no-environment" : environment) + ".json");
        if (!Files.isRegularFile(file)) {
            if (!environment.isEmpty()) {
                throw Messages.invalidContent(
                        rootFile, "environment", "the environment file " + directory.relativize(file) + " is missing");
            }
            return new BsonDocument();
        }
        BsonValue values = JsonFiles.readDocument(file).get("values");
        if (values != null && !values.isDocument()) {
            throw Messages.invalidContent(file, "values", "must be an object");
        }
        return values == null ? new BsonDocument() : values.asDocument();
    }

    private BsonDocument values() {
        BsonDocument values = new BsonDocument();
        for (Path file : jsonFiles(directory.resolve("values"))) {
            BsonDocument value = export.readExpanded(file);
            String name = requiredString(file, value, "name");
            BsonValue content = value.get("value", new BsonString(""));
            if (value.getBoolean("from_secret", BsonBoolean.FALSE).getValue()) {
                if (!content.isString()) {
                    throw Messages.invalidContent(file, "value", "must name a secret (from_secret is true)");
                }
                content = export.secret(content.asString().getValue())
                        .<BsonValue>map(BsonString::new)
                        .orElse(new BsonString(""));
            }
            values.append(name, content);
        }
        return values;
    }

    private void ignoredParts() {
        IGNORED_PARTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(part -> Files.exists(directory.resolve(part.getKey())))
                .forEach(part -> export.warnings().add(Messages.ignored(part.getKey() + "/", part.getValue())));
    }
}
