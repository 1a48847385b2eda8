package dev.appservices.emulator.internal.appimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonValue;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.js.ScriptApp;
import dev.appservices.emulator.internal.js.ScriptFunction;
import dev.appservices.emulator.internal.messages.Messages;

/**
 * Reads one export directory of App Services (App Services CLI or realm-cli, every root-file variant) into an
 * {@link ImportedApp}. Problems that would make the app behave differently from the service (a missing root file,
 * invalid JSON, a function without code, a missing secret, a reference to an unknown function) fail the start with
 * a coded message naming the file; parts the emulator does not run are listed as warnings. Not thread-safe; one
 * instance reads one directory.
 */
public final class ExportReader {

    /** Root files in the order the CLIs look for them. */
    private static final List<String> ROOT_FILES = List.of("root_config.json", "realm_config.json", "config.json",
            "stitch.json");
    private static final Set<String> USERPASS_KEYS = Set.of("autoConfirm", "runConfirmationFunction",
            "confirmationFunctionName", "runResetFunction", "resetFunctionName");
    private static final Map<String, String> IGNORED_PARTS = Map.of(
            "sync", "Device Sync is not emulated",
            "graphql", "the GraphQL API is not emulated",
            "hosting", "static hosting is not emulated",
            "http_endpoints", "HTTPS endpoints are not emulated",
            "log_forwarders", "log forwarding is not emulated",
            "services", "third-party services and incoming webhooks of older exports are not emulated");

    private final Path directory;
    private final Secrets secrets;
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> missingSecrets = new TreeSet<>();
    private Expansions expansions = new Expansions("", new BsonDocument());

    private ExportReader(Path directory, Secrets secrets) {
        this.directory = directory;
        this.secrets = secrets;
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
        return new ExportReader(directory, secrets).read(appId);
    }

    private ImportedApp read(Optional<String> appIdOverride) {
        Path rootFile = ROOT_FILES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> Messages.notAnExport(directory));
        BsonDocument root = JsonFiles.readDocument(rootFile);
        BsonDocument meta = optionalDocument(directory.resolve(".mdb/meta.json")).orElseGet(BsonDocument::new);
        String appId = appIdOverride.or(() -> string(meta, "client_app_id")).or(() -> string(root, "app_id"))
                .orElseThrow(() -> Messages.noAppId(directory));
        String environment = string(root, "environment").orElse("");
        BsonDocument environmentValues = environmentValues(rootFile, environment);
        expansions = new Expansions(environment, environmentValues);

        AppDefinition.Builder definition = AppDefinition.builder(appId)
                // an imported app's clients call its own functions, not the emulator's built-in ones
                .functions();
        string(root, "deployment_model").ifPresent(definition::deploymentModel);
        string(root, "location").ifPresent(definition::location);

        Map<String, ScriptFunction> functions = functions();
        providers(definition, functions.keySet());
        BsonDocument values = values();
        List<String> services = dataSources(definition, values);
        customUserData(definition);
        List<ImportedApp.DatabaseTrigger> triggers = triggers(functions.keySet());
        ignoredParts();
        if (!missingSecrets.isEmpty()) {
            throw Messages.secretsMissing(directory, missingSecrets);
        }

        BsonDocument info = new BsonDocument("id", new BsonString(string(meta, "app_id").orElse(appId)))
                .append("clientAppId", new BsonString(appId))
                .append("name", new BsonString(string(root, "name").orElse(appId)))
                .append("projectId", new BsonString(string(meta, "group_id").orElse("")))
                .append("deployment", new BsonDocument("model",
                        new BsonString(string(root, "deployment_model").orElse("GLOBAL")))
                        .append("providerRegion", new BsonString(string(root, "provider_region").orElse(""))));
        ScriptApp scripts = new ScriptApp(appId, info, values,
                new BsonDocument("tag", new BsonString(environment)).append("values", environmentValues),
                services, functions);
        return new ImportedApp(definition.build(), scripts, triggers, warnings);
    }

    // ---- environments and values ------------------------------------------------------------------------------

    private BsonDocument environmentValues(Path rootFile, String environment) {
        Path file = directory.resolve("environments").resolve((environment.isEmpty() ? "no-environment"
                : environment) + ".json");
        if (!Files.isRegularFile(file)) {
            if (!environment.isEmpty()) {
                throw Messages.invalidContent(rootFile, "environment", "the environment file "
                        + directory.relativize(file) + " is missing");
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
            BsonDocument value = readExpanded(file);
            String name = requiredString(file, value, "name");
            BsonValue content = value.get("value", new BsonString(""));
            if (value.getBoolean("from_secret", BsonBoolean.FALSE).getValue()) {
                if (!content.isString()) {
                    throw Messages.invalidContent(file, "value", "must name a secret (from_secret is true)");
                }
                content = secret(content.asString().getValue()).<BsonValue>map(BsonString::new)
                        .orElse(new BsonString(""));
            }
            values.append(name, content);
        }
        return values;
    }

    private Optional<String> secret(String name) {
        Optional<String> value = secrets.find(name);
        if (value.isEmpty()) {
            missingSecrets.add(name);
        }
        return value;
    }

    // ---- functions --------------------------------------------------------------------------------------------

    private Map<String, ScriptFunction> functions() {
        Path root = directory.resolve("functions");
        Map<String, ScriptFunction> functions = new LinkedHashMap<>();
        Path config = root.resolve("config.json");
        if (Files.isRegularFile(config)) {
            BsonValue entries = expansions.apply(config, JsonFiles.read(config));
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
                if (file.getFileName().toString().equals("config.json") && !file.getParent().equals(root)) {
                    add(functions, file, readExpanded(file), file.resolveSibling("source.js"));
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
        if (canEvaluate != null && canEvaluate.isDocument() && !canEvaluate.asDocument().isEmpty()) {
            warnings.add(Messages.ignored("can_evaluate of function '" + name + "'",
                    "every user who may call the function may run it"));
        }
        if (string(entry, "run_as_user_id").filter(id -> !id.isEmpty()).isPresent()
                || string(entry, "run_as_user_id_script_source").filter(id -> !id.isEmpty()).isPresent()) {
            warnings.add(Messages.ignored("run_as_user_id of function '" + name + "'",
                    "it runs as its caller"));
        }
        functions.put(name, new ScriptFunction(name, directory.relativize(code).toString(), JsonFiles.text(code),
                bool(entry, "private"), bool(entry, "run_as_system")));
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
                warnings.add(Messages.ignored(relative,
                        "npm dependencies are not supported; require() of a module fails"));
            }
        }
    }

    // ---- auth -------------------------------------------------------------------------------------------------

    private void providers(AppDefinition.Builder definition, Set<String> functions) {
        Map<Path, BsonDocument> providers = new LinkedHashMap<>();
        Path file = directory.resolve("auth/providers.json");
        if (Files.isRegularFile(file)) {
            BsonDocument all = readExpanded(file);
            for (String name : all.keySet()) {
                if (!all.get(name).isDocument()) {
                    throw Messages.invalidContent(file, name, "must be an object");
                }
                providers.put(file.resolveSibling("providers.json#" + name), all.getDocument(name));
            }
        }
        for (Path old : jsonFiles(directory.resolve("auth_providers"))) {
            providers.put(old, readExpanded(old));
        }
        providers.forEach((source, provider) -> {
            Path where = source.getFileName().toString().contains("#") ? file : source;
            if (!bool(provider, "disabled")) {
                provider(definition, where, provider, functions);
            }
        });
    }

    private void provider(AppDefinition.Builder definition, Path file, BsonDocument provider, Set<String> functions) {
        String type = requiredString(file, provider, "type");
        BsonDocument config = provider.isDocument("config") ? provider.getDocument("config") : new BsonDocument();
        String key = string(provider, "name").orElse(type) + ".config";
        switch (type) {
            case "anon-user" -> definition.anonymousAuth();
            case "api-key" -> definition.apiKeyAuth();
            case "local-userpass" -> {
                definition.emailPasswordAuth(bool(config, "autoConfirm"));
                if (bool(config, "runConfirmationFunction")) {
                    definition.emailConfirmationFunction(function(file, key + ".confirmationFunctionName", config,
                            "confirmationFunctionName", functions));
                }
                if (bool(config, "runResetFunction")) {
                    definition.passwordResetFunction(function(file, key + ".resetFunctionName", config,
                            "resetFunctionName", functions));
                }
                List<String> mail = config.keySet().stream().filter(name -> !USERPASS_KEYS.contains(name))
                        .filter(name -> !config.get(name).equals(new BsonString(""))).toList();
                if (!mail.isEmpty()) {
                    warnings.add(Messages.ignored("local-userpass " + String.join(", ", mail),
                            "the emulator sends no email; tokens are read through its admin API"));
                }
            }
            case "custom-function" -> definition.customFunctionAuth(function(file, key + ".authFunctionName", config,
                    "authFunctionName", functions));
            case "custom-token" -> customToken(definition, file, provider, config);
            case "oauth2-google", "oauth2-apple", "oauth2-facebook" -> {
                definition.oauthAuth(type);
                warnings.add(Messages.ignored(type + " client settings", "the emulator cannot ask the"
                        + " identity provider; it accepts only tokens declared in its configuration file"));
            }
            default -> warnings.add(Messages.ignored("the auth provider '" + type + "'",
                    "the emulator does not have it"));
        }
    }

    private void customToken(AppDefinition.Builder definition, Path file, BsonDocument provider,
            BsonDocument config) {
        if (bool(config, "useJWKURI")) {
            warnings.add(Messages.ignored("the custom-token provider", "keys from a JWK URI are not"
                    + " supported; give the signing keys as secrets"));
            return;
        }
        BsonDocument secretConfig = provider.isDocument("secret_config") ? provider.getDocument("secret_config")
                : new BsonDocument();
        List<String> keys = new ArrayList<>();
        for (String name : strings(file, secretConfig, "signingKeys")) {
            secret(name).ifPresent(keys::add);
        }
        if (keys.isEmpty()) {
            if (missingSecrets.isEmpty()) {
                throw Messages.invalidContent(file, "custom-token.secret_config.signingKeys",
                        "names no signing key secret");
            }
            return; // the start fails on the missing secrets
        }
        definition.customTokenAuth(string(config, "signingAlgorithm").orElse("HS256"), keys,
                strings(file, config, "audience"));
        BsonValue fields = provider.get("metadata_fields");
        if (fields != null && fields.isArray()) {
            for (BsonValue field : fields.asArray()) {
                if (field.isDocument()) {
                    String name = requiredString(file, field.asDocument(), "name");
                    definition.customTokenMetadataField(name, string(field.asDocument(), "field_name").orElse(name),
                            bool(field.asDocument(), "required"));
                }
            }
        }
    }

    private String function(Path file, String key, BsonDocument config, String field, Set<String> functions) {
        String name = string(config, field).orElseThrow(() -> Messages.invalidContent(file, key, "is required"));
        if (!functions.contains(name)) {
            throw Messages.unknownFunction(file, key, name);
        }
        return name;
    }

    private void customUserData(AppDefinition.Builder definition) {
        Path file = directory.resolve("auth/custom_user_data.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        BsonDocument config = readExpanded(file);
        if (!bool(config, "enabled")) {
            return;
        }
        string(config, "on_user_creation_function_name").filter(name -> !name.isEmpty()).ifPresent(name ->
                warnings.add(Messages.ignored("on_user_creation_function_name '" + name + "'",
                        "the function does not run when a user is created")));
        definition.customUserDataCollection(requiredString(file, config, "mongo_service_name"),
                requiredString(file, config, "database_name"), requiredString(file, config, "collection_name"),
                requiredString(file, config, "user_id_field"));
    }

    // ---- data sources and triggers ----------------------------------------------------------------------------

    /** The MongoDB data source with its rules, into the definition; the names of the app's data sources. */
    private List<String> dataSources(AppDefinition.Builder definition, BsonDocument values) {
        List<String> sources = new ArrayList<>();
        Path root = directory.resolve("data_sources");
        for (Path service : directories(root)) {
            Path configFile = service.resolve("config.json");
            BsonDocument config = Files.isRegularFile(configFile) ? readExpanded(configFile) : new BsonDocument();
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
                        BsonDocument rule = readExpanded(rulesFile);
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
            definition.mongodb(name, rules, Files.isRegularFile(defaultRule) ? readExpanded(defaultRule) : null,
                    values);
            sources.add(name);
        }
        return sources;
    }

    private List<ImportedApp.DatabaseTrigger> triggers(Set<String> functions) {
        List<ImportedApp.DatabaseTrigger> triggers = new ArrayList<>();
        for (Path file : jsonFiles(directory.resolve("triggers"))) {
            BsonDocument trigger = readExpanded(file);
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

    private void ignoredParts() {
        IGNORED_PARTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(part -> Files.exists(directory.resolve(part.getKey())))
                .forEach(part -> warnings.add(Messages.ignored(part.getKey() + "/", part.getValue())));
    }

    // ---- reading helpers --------------------------------------------------------------------------------------

    private BsonDocument readExpanded(Path file) {
        return expansions.apply(file, JsonFiles.readDocument(file)).asDocument();
    }

    private static Optional<BsonDocument> optionalDocument(Path file) {
        return Files.isRegularFile(file) ? Optional.of(JsonFiles.readDocument(file)) : Optional.empty();
    }

    private static Optional<String> string(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value != null && value.isString() ? Optional.of(value.asString().getValue()) : Optional.empty();
    }

    private static String requiredString(Path file, BsonDocument document, String key) {
        return string(document, key).orElseThrow(() -> Messages.invalidContent(file, key,
                "is required and must be a string"));
    }

    private static boolean bool(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value != null && value.isBoolean() && value.asBoolean().getValue();
    }

    /** A string or an array of strings, as a list. */
    private static List<String> strings(Path file, BsonDocument document, String key) {
        BsonValue value = document.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(value.asString().getValue());
        }
        if (value.isArray() && value.asArray().stream().allMatch(BsonValue::isString)) {
            return value.asArray().stream().map(item -> item.asString().getValue()).toList();
        }
        throw Messages.invalidContent(file, key, "must be a string or an array of strings");
    }

    private static List<Path> jsonFiles(Path folder) {
        return files(folder, 1).stream().filter(file -> file.getFileName().toString().endsWith(".json")).toList();
    }

    private static List<Path> files(Path folder, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw Messages.unreadable(folder, e);
        }
    }

    private static List<Path> directories(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw Messages.unreadable(folder, e);
        }
    }
}
