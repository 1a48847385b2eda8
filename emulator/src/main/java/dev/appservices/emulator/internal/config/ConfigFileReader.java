package dev.appservices.emulator.internal.config;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Reads the emulator's JSON configuration file into {@link AppDefinition}s. The format is documented in
 * {@code docs/emulator.adoc}; every key is checked, unknown keys are errors. Stateless.
 */
public final class ConfigFileReader {

    private static final Set<String> APP_KEYS = Set.of(
            "id",
            "deploymentModel",
            "location",
            "accessTokenTtl",
            "refreshTokenTtl",
            "functions",
            "customUserData",
            "providers",
            "mongodb");
    private static final Set<String> OAUTH = Set.of("oauth2-google", "oauth2-facebook", "oauth2-apple");

    private ConfigFileReader() {}

    /**
     * Reads a configuration file.
     *
     * @throws EmulatorException {@code APPSVC0500} if unreadable, {@code APPSVC0501} naming the invalid key
     */
    public static List<AppDefinition> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Messages.configUnreadable(file, e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses configuration text.
     *
     * @param source where the text comes from, for messages
     * @throws EmulatorException {@code APPSVC0501} naming the invalid key
     */
    public static List<AppDefinition> parse(String source, String text) {
        BsonDocument root;
        try {
            root = BsonDocument.parse(text);
        } catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            throw Messages.configInvalid(source, "(file)", "not a JSON object: " + e.getMessage());
        }
        ConfigNode node = new ConfigNode(source, "", root);
        node.allowOnly(Set.of("apps"));
        if (!node.has("apps")) {
            throw node.invalid("apps", "is required");
        }
        return node.objects("apps").stream().map(ConfigFileReader::app).toList();
    }

    private static AppDefinition app(ConfigNode node) {
        node.allowOnly(APP_KEYS);
        AppDefinition.Builder app = AppDefinition.builder(node.requiredString("id"));
        node.optionalString("deploymentModel").ifPresent(app::deploymentModel);
        node.optionalString("location").ifPresent(app::location);
        node.optionalValue("accessTokenTtl")
                .ifPresent(value -> app.accessTokenTtl(duration(node, "accessTokenTtl", value)));
        node.optionalValue("refreshTokenTtl")
                .ifPresent(value -> app.refreshTokenTtl(duration(node, "refreshTokenTtl", value)));
        if (node.has("functions")) {
            app.functions(node.strings("functions").toArray(String[]::new));
        }
        node.optionalObject("mongodb").ifPresent(mongodb -> mongodb(mongodb, app));
        node.optionalObject("customUserData").ifPresent(customData -> customData(customData, app));
        node.optionalObject("providers").ifPresent(providers -> providers(providers, app));
        return app.build();
    }

    private static void mongodb(ConfigNode node, AppDefinition.Builder app) {
        node.allowOnly(Set.of("service", "rules", "defaultRule", "values"));
        List<BsonDocument> rules =
                node.objects("rules").stream().map(ConfigNode::document).toList();
        app.mongodb(
                node.optionalString("service").orElse("mongodb-atlas"),
                rules,
                node.optionalDocument("defaultRule").orElse(null),
                node.optionalDocument("values").orElseGet(BsonDocument::new));
    }

    /**
     * {@code custom_user_data.json}'s keys (a collection) and the emulator's own (documents in the file, used for
     * users without a document in the collection).
     */
    private static void customData(ConfigNode node, AppDefinition.Builder app) {
        node.allowOnly(Set.of(
                "enabled",
                "mongo_service_name",
                "database_name",
                "collection_name",
                "user_id_field",
                "on_user_creation_function_name",
                "default",
                "byEmail",
                "byUserId"));
        if (node.has("collection_name") && node.optionalBoolean("enabled").orElse(true)) {
            app.customUserDataCollection(
                    node.optionalString("mongo_service_name").orElse("mongodb-atlas"),
                    node.requiredString("database_name"),
                    node.requiredString("collection_name"),
                    node.requiredString("user_id_field"));
        }
        node.optionalDocument("default").ifPresent(app::defaultCustomData);
        documents(node, "byEmail").forEach(app::customDataForEmail);
        documents(node, "byUserId").forEach(app::customDataForUser);
    }

    private static Map<String, BsonDocument> documents(ConfigNode node, String key) {
        Map<String, BsonDocument> result = new LinkedHashMap<>();
        node.optionalObject(key).ifPresent(documents -> {
            for (String name : documents.keys()) {
                result.put(
                        name,
                        documents
                                .optionalDocument(name)
                                .orElseThrow(() -> documents.invalid(documents.path(name), "must be an object")));
            }
        });
        return result;
    }

    private static void providers(ConfigNode node, AppDefinition.Builder app) {
        for (String type : node.keys()) {
            ConfigNode provider =
                    node.optionalObject(type).orElseThrow(() -> node.invalid(node.path(type), "must be an object"));
            switch (type) {
                case "anon-user" -> {
                    provider.allowOnly(Set.of());
                    app.anonymousAuth();
                }
                case "local-userpass" -> userpass(provider, app);
                case "api-key" -> {
                    provider.allowOnly(Set.of("serverKeys"));
                    app.apiKeyAuth();
                    for (ConfigNode key : provider.objects("serverKeys")) {
                        key.allowOnly(Set.of("name", "key"));
                        app.serverApiKey(key.requiredString("name"), key.requiredString("key"));
                    }
                }
                case "custom-token" -> customToken(provider, app);
                case "custom-function" -> {
                    provider.allowOnly(Set.of("authFunctionName"));
                    app.customFunctionAuth(provider.requiredString("authFunctionName"));
                }
                default -> {
                    if (!OAUTH.contains(type)) {
                        throw node.invalid(
                                node.path(type),
                                "unknown provider type (expected anon-user, "
                                        + "local-userpass, api-key, custom-token, custom-function, oauth2-google, "
                                        + "oauth2-facebook or oauth2-apple)");
                    }
                    oauth(type, provider, app);
                }
            }
        }
    }

    private static void userpass(ConfigNode node, AppDefinition.Builder app) {
        node.allowOnly(Set.of(
                "autoConfirm",
                "confirmationFunctionName",
                "runConfirmationFunction",
                "resetFunctionName",
                "runResetFunction"));
        app.emailPasswordAuth(node.optionalBoolean("autoConfirm").orElse(false));
        hook(node, "confirmationFunctionName", "runConfirmationFunction").ifPresent(app::emailConfirmationFunction);
        hook(node, "resetFunctionName", "runResetFunction").ifPresent(app::passwordResetFunction);
    }

    /** A hook function is used when named and its run flag is not false (the service's two-key form). */
    private static Optional<String> hook(ConfigNode node, String nameKey, String runKey) {
        boolean run = node.optionalBoolean(runKey).orElse(node.has(nameKey));
        if (run && !node.has(nameKey)) {
            throw node.invalid(node.path(nameKey), "is required when " + runKey + " is true");
        }
        return run ? node.optionalString(nameKey) : Optional.empty();
    }

    private static void customToken(ConfigNode node, AppDefinition.Builder app) {
        node.allowOnly(Set.of("signingAlgorithm", "signingKeys", "audience", "metadataFields"));
        app.customTokenAuth(
                node.requiredString("signingAlgorithm"), node.strings("signingKeys"), node.strings("audience"));
        for (ConfigNode field : node.objects("metadataFields")) {
            field.allowOnly(Set.of("name", "fieldName", "required"));
            app.customTokenMetadataField(
                    field.requiredString("name"),
                    field.optionalString("fieldName").orElse(field.requiredString("name")),
                    field.optionalBoolean("required").orElse(false));
        }
    }

    private static void oauth(String type, ConfigNode node, AppDefinition.Builder app) {
        node.allowOnly(Set.of("trustedTokens"));
        app.oauthAuth(type);
        for (ConfigNode token : node.objects("trustedTokens")) {
            token.allowOnly(Set.of("token", "id", "profile"));
            Map<String, String> profile = new LinkedHashMap<>();
            token.optionalObject("profile")
                    .ifPresent(fields -> fields.keys().forEach(key -> profile.put(key, fields.requiredString(key))));
            app.trustedOAuthToken(type, token.requiredString("token"), token.requiredString("id"), profile);
        }
    }

    private static Duration duration(ConfigNode node, String key, BsonValue value) {
        try {
            if (value.isNumber()) {
                return Duration.ofMillis(Math.round(value.asNumber().doubleValue() * 1000));
            }
            if (value.isString()) {
                String text = value.asString().getValue().strip();
                return text.matches("[0-9]+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw node.invalid(node.path(key), "is neither seconds nor an ISO-8601 duration: " + e.getMessage());
        }
        throw node.invalid(node.path(key), "must be a number of seconds or an ISO-8601 duration such as PT30M");
    }
}
