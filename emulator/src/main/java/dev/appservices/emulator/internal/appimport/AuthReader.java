package dev.appservices.emulator.internal.appimport;

import static dev.appservices.emulator.internal.appimport.ExportDirectory.bool;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.jsonFiles;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.requiredString;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.string;
import static dev.appservices.emulator.internal.appimport.ExportDirectory.strings;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The authentication side of an export into the app definition: {@code auth/providers.json} (or the older
 * {@code auth_providers/*.json}) and {@code auth/custom_user_data.json}. Disabled providers stay off; a hook naming
 * an unknown function fails. One instance reads one export.
 */
final class AuthReader extends ExportPartReader {

    private static final Set<String> USERPASS_KEYS = Set.of(
            "autoConfirm",
            "runConfirmationFunction",
            "confirmationFunctionName",
            "runResetFunction",
            "resetFunctionName");

    AuthReader(ExportDirectory export) {
        super(export);
    }

    void providers(AppDefinition.Builder definition, Set<String> functions) {
        Map<Path, BsonDocument> providers = new LinkedHashMap<>();
        Path file = directory.resolve("auth/providers.json");
        if (Files.isRegularFile(file)) {
            BsonDocument all = export.readExpanded(file);
            for (String name : all.keySet()) {
                if (!all.get(name).isDocument()) {
                    throw Messages.invalidContent(file, name, "must be an object");
                }
                providers.put(file.resolveSibling("providers.json#" + name), all.getDocument(name));
            }
        }
        for (Path old : jsonFiles(directory.resolve("auth_providers"))) {
            providers.put(old, export.readExpanded(old));
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
                    definition.emailConfirmationFunction(function(
                            file, key + ".confirmationFunctionName", config, "confirmationFunctionName", functions));
                }
                if (bool(config, "runResetFunction")) {
                    definition.passwordResetFunction(
                            function(file, key + ".resetFunctionName", config, "resetFunctionName", functions));
                }
                List<String> mail = config.keySet().stream()
                        .filter(name -> !USERPASS_KEYS.contains(name))
                        .filter(name -> !config.get(name).equals(new BsonString("")))
                        .toList();
                if (!mail.isEmpty()) {
                    warnings.add(Messages.ignored(
                            "local-userpass " + String.join(", ", mail),
                            "the emulator sends no email; tokens are read through its admin API"));
                }
            }
            case "custom-function" ->
                definition.customFunctionAuth(
                        function(file, key + ".authFunctionName", config, "authFunctionName", functions));
            case "custom-token" -> customToken(definition, file, provider, config);
            case "oauth2-google", "oauth2-apple", "oauth2-facebook" -> {
                definition.oauthAuth(type);
                warnings.add(Messages.ignored(
                        type + " client settings",
                        "the emulator cannot ask the"
                                + " identity provider; it accepts only tokens declared in its configuration file"));
            }
            default ->
                warnings.add(Messages.ignored("the auth provider '" + type + "'", "the emulator does not have it"));
        }
    }

    private void customToken(AppDefinition.Builder definition, Path file, BsonDocument provider, BsonDocument config) {
        if (bool(config, "useJWKURI")) {
            warnings.add(Messages.ignored(
                    "the custom-token provider",
                    "keys from a JWK URI are not" + " supported; give the signing keys as secrets"));
            return;
        }
        BsonDocument secretConfig =
                provider.isDocument("secret_config") ? provider.getDocument("secret_config") : new BsonDocument();
        List<String> keys = new ArrayList<>();
        for (String name : strings(file, secretConfig, "signingKeys")) {
            export.secret(name).ifPresent(keys::add);
        }
        if (keys.isEmpty()) {
            if (export.secretsComplete()) {
                throw Messages.invalidContent(
                        file, "custom-token.secret_config.signingKeys", "names no signing key secret");
            }
            return; // the start fails on the missing secrets
        }
        definition.customTokenAuth(
                string(config, "signingAlgorithm").orElse("HS256"), keys, strings(file, config, "audience"));
        BsonValue fields = provider.get("metadata_fields");
        if (fields != null && fields.isArray()) {
            for (BsonValue field : fields.asArray()) {
                if (field.isDocument()) {
                    String name = requiredString(file, field.asDocument(), "name");
                    definition.customTokenMetadataField(
                            name,
                            string(field.asDocument(), "field_name").orElse(name),
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

    void customUserData(AppDefinition.Builder definition) {
        Path file = directory.resolve("auth/custom_user_data.json");
        if (!Files.isRegularFile(file)) {
            return;
        }
        BsonDocument config = export.readExpanded(file);
        if (!bool(config, "enabled")) {
            return;
        }
        string(config, "on_user_creation_function_name")
                .filter(name -> !name.isEmpty())
                .ifPresent(name -> warnings.add(Messages.ignored(
                        "on_user_creation_function_name '" + name + "'",
                        "the function does not run when a user is created")));
        definition.customUserDataCollection(
                requiredString(file, config, "mongo_service_name"),
                requiredString(file, config, "database_name"),
                requiredString(file, config, "collection_name"),
                requiredString(file, config, "user_id_field"));
    }
}
