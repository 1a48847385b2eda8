package dev.appservices.emulator.internal.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * The validated definition of one emulated app, as read from the configuration file or built in code through
 * {@code dev.appservices.emulator.AppDefinition}. Immutable (BSON documents are copied in and out).
 *
 * @param id the client app id
 * @param deploymentModel the location endpoint's {@code deployment_model}
 * @param location the location endpoint's {@code location}
 * @param accessTokenTtl access token lifetime
 * @param refreshTokenTtl refresh token (session) lifetime
 * @param functions the names of callable functions, or empty for "every registered function"
 * @param customData custom user data sources
 * @param providers the enabled auth providers by type
 * @param mongodb the app's MongoDB service, or empty if it has none
 */
public record AppSettings(
        String id,
        String deploymentModel,
        String location,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Optional<Set<String>> functions,
        CustomData customData,
        Map<String, Provider> providers,
        Optional<MongoDb> mongodb) {

    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(60);

    public AppSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deploymentModel, "deploymentModel");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        functions = functions.map(Set::copyOf);
        Objects.requireNonNull(customData, "customData");
        providers = Map.copyOf(providers);
        Objects.requireNonNull(mongodb, "mongodb");
    }

    /**
     * The app's MongoDB service in App Services' export format.
     *
     * @param service the service name clients ask for, e.g. {@code mongodb-atlas}
     * @param rules {@code rules.json} documents {@code {database, collection, roles, filters}}
     * @param defaultRule the {@code default_rule.json} document {@code {roles, filters}}, or empty
     * @param values the values {@code %%values} expands to
     */
    public record MongoDb(
            String service, List<BsonDocument> rules, Optional<BsonDocument> defaultRule, BsonDocument values) {

        public MongoDb {
            Objects.requireNonNull(service, "service");
            rules = rules.stream().map(BsonDocument::clone).toList();
            defaultRule = defaultRule.map(BsonDocument::clone);
            values = values.clone();
        }
    }

    /**
     * Custom user data read from a collection ({@code custom_user_data.json}).
     *
     * @param service the MongoDB service that holds it
     * @param database the database
     * @param collection the collection
     * @param userIdField the field that holds the user id
     */
    public record CustomDataCollection(String service, String database, String collection, String userIdField) {}

    /** The settings of an enabled provider of the given kind. */
    public <T extends Provider> Optional<T> provider(String type, Class<T> kind) {
        Provider provider = providers.get(type);
        return kind.isInstance(provider) ? Optional.of(kind.cast(provider)) : Optional.empty();
    }

    /** Whether a function name may be called by clients of this app. */
    public boolean functionEnabled(String name) {
        return functions.map(names -> names.contains(name)).orElse(true);
    }

    /** Settings of one auth provider. */
    public sealed interface Provider permits Anonymous, Userpass, ApiKeys, CustomToken, CustomFunction, OAuth {}

    /** {@code anon-user}: no settings. */
    public record Anonymous() implements Provider {}

    /**
     * {@code local-userpass}.
     *
     * @param autoConfirm confirm new users at registration
     * @param confirmationFunction the function that confirms new users (when {@code runConfirmationFunction})
     * @param resetFunction the function that approves password resets (when {@code runResetFunction})
     */
    public record Userpass(boolean autoConfirm, Optional<String> confirmationFunction, Optional<String> resetFunction)
            implements Provider {}

    /**
     * {@code api-key}.
     *
     * @param serverKeys server API keys declared in the configuration
     */
    public record ApiKeys(List<ServerKey> serverKeys) implements Provider {

        public ApiKeys {
            serverKeys = List.copyOf(serverKeys);
        }
    }

    /**
     * A server API key from the configuration.
     *
     * @param name the key's name (also the identity of its server user)
     * @param key the secret value clients log in with
     */
    public record ServerKey(String name, String key) {

        @Override
        public String toString() {
            return "ServerKey[name=" + name + "]";
        }
    }

    /**
     * {@code custom-token}.
     *
     * @param algorithm {@code HS256} or {@code RS256}
     * @param signingKeys HS256 secrets, or RS256 public keys in PEM form; any of them may have signed a token
     * @param audience accepted {@code aud} values; empty accepts any
     * @param metadataFields claims copied into the user's profile
     */
    public record CustomToken(
            String algorithm, List<String> signingKeys, List<String> audience, List<MetadataField> metadataFields)
            implements Provider {

        public CustomToken {
            signingKeys = List.copyOf(signingKeys);
            audience = List.copyOf(audience);
            metadataFields = List.copyOf(metadataFields);
        }

        @Override
        public String toString() {
            return "CustomToken[algorithm=" + algorithm + ", audience=" + audience + "]";
        }
    }

    /**
     * A custom-token claim mapped into the profile.
     *
     * @param name the claim path, dotted for nested claims ({@code user_data.name})
     * @param fieldName the profile field it becomes
     * @param required whether a token without it is rejected
     */
    public record MetadataField(String name, String fieldName, boolean required) {}

    /**
     * {@code custom-function}.
     *
     * @param functionName the authentication function
     */
    public record CustomFunction(String functionName) implements Provider {}

    /**
     * {@code oauth2-google}, {@code oauth2-facebook} or {@code oauth2-apple}.
     *
     * @param trustedTokens the tokens the emulator accepts (it cannot ask the real identity provider)
     */
    public record OAuth(List<TrustedToken> trustedTokens) implements Provider {

        public OAuth {
            trustedTokens = List.copyOf(trustedTokens);
        }
    }

    /**
     * A token an OAuth provider accepts.
     *
     * @param token the token or authorization code clients send
     * @param id the external user id it stands for
     * @param profile profile fields of that user (name, email, …)
     */
    public record TrustedToken(String token, String id, Map<String, String> profile) {

        public TrustedToken {
            profile = Map.copyOf(profile);
        }

        @Override
        public String toString() {
            return "TrustedToken[id=" + id + "]";
        }
    }

    /**
     * Custom user data sources, from most to least specific: by user id, by email, default.
     *
     * @param byUserId documents by user id
     * @param byEmail documents by the email of any of the user's identities
     * @param defaultData the document of every other user, or empty for none
     * @param collection the collection that holds users' documents, which wins over the other sources
     */
    public record CustomData(
            Map<String, BsonDocument> byUserId,
            Map<String, BsonDocument> byEmail,
            Optional<BsonDocument> defaultData,
            Optional<CustomDataCollection> collection) {

        public CustomData {
            byUserId = copy(byUserId);
            byEmail = copy(byEmail);
            defaultData = defaultData.map(BsonDocument::clone);
        }

        public static CustomData none() {
            return new CustomData(Map.of(), Map.of(), Optional.empty(), Optional.empty());
        }

        /** The configured document for a user, as a copy. */
        public Optional<BsonDocument> lookup(String userId, List<String> emails) {
            BsonDocument found = byUserId.get(userId);
            for (int i = 0; found == null && i < emails.size(); i++) {
                found = byEmail.get(emails.get(i));
            }
            return Optional.ofNullable(found).or(() -> defaultData).map(BsonDocument::clone);
        }

        private static Map<String, BsonDocument> copy(Map<String, BsonDocument> documents) {
            Map<String, BsonDocument> copy = new LinkedHashMap<>();
            documents.forEach((key, document) -> copy.put(key, document.clone()));
            return Map.copyOf(copy);
        }
    }
}
