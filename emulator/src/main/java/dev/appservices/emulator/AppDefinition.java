package dev.appservices.emulator;

import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.messages.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.BsonDocument;

/**
 * The definition of one emulated app: its id, enabled authentication providers and their settings, token
 * lifetimes, callable functions and custom user data. It is what one entry of the configuration file's
 * {@code apps} array describes, built in code.
 *
 * <pre>{@code
 * AppDefinition app = AppDefinition.builder("orders")
 *         .anonymousAuth()
 *         .emailPasswordAuth(true)
 *         .accessTokenTtl(Duration.ofSeconds(2))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The {@link Builder} is not thread-safe.
 *
 * @since 0.1
 */
public final class AppDefinition {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> OAUTH_PROVIDERS = Set.of("oauth2-google", "oauth2-facebook", "oauth2-apple");
    private static final Set<String> TOKEN_ALGORITHMS = Set.of("HS256", "RS256");

    private final AppSettings settings;

    private AppDefinition(AppSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the definition of an app.
     *
     * @param id the client app id ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
     * @return a builder with no provider enabled, token lifetimes of 30 minutes and 60 days, every function
     *     callable and no custom user data
     */
    public static Builder builder(String id) {
        return new Builder(Objects.requireNonNull(id, "id"));
    }

    /**
     * The client app id.
     *
     * @return the app id
     */
    public String id() {
        return settings.id();
    }

    AppSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "AppDefinition[id=" + id() + ", providers="
                + settings.providers().keySet() + "]";
    }

    /**
     * Builds an {@link AppDefinition}. Every method returns this builder. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final String id;
        private String deploymentModel = "GLOBAL";
        private String location = "US-VA";
        private Duration accessTokenTtl = AppSettings.DEFAULT_ACCESS_TOKEN_TTL;
        private Duration refreshTokenTtl = AppSettings.DEFAULT_REFRESH_TOKEN_TTL;
        private Set<String> functions;
        private final Map<String, BsonDocument> customDataByUserId = new LinkedHashMap<>();
        private final Map<String, BsonDocument> customDataByEmail = new LinkedHashMap<>();
        private BsonDocument defaultCustomData;
        private AppSettings.CustomDataCollection customDataCollection;
        private AppSettings.MongoDb mongodb;
        private boolean anonymous;
        private Boolean autoConfirm;
        private String confirmationFunction;
        private String resetFunction;
        private List<AppSettings.ServerKey> serverKeys;
        private AppSettings.CustomToken customToken;
        private final List<AppSettings.MetadataField> metadataFields = new ArrayList<>();
        private String authFunction;
        private final Map<String, List<AppSettings.TrustedToken>> trustedTokens = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the {@code deployment_model} of the location response.
         *
         * @param value {@code GLOBAL} (default) or {@code LOCAL}
         * @return this builder
         */
        public Builder deploymentModel(String value) {
            this.deploymentModel = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the {@code location} of the location response.
         *
         * @param value e.g. {@code US-VA} (default)
         * @return this builder
         */
        public Builder location(String value) {
            this.location = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the access token lifetime (default 30 minutes). Tests of token expiry use one or two seconds.
         *
         * @param ttl a positive duration (whole seconds are used for {@code exp}, rounded up)
         * @return this builder
         */
        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Sets the refresh token (session) lifetime (default 60 days).
         *
         * @param ttl a positive duration
         * @return this builder
         */
        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Restricts the functions clients may call to these names (built-in or discovered ones). Functions
         * registered in code for this app stay callable. Without this call every function is callable.
         *
         * @param names the callable function names
         * @return this builder
         */
        public Builder functions(String... names) {
            this.functions = new LinkedHashSet<>(List.of(names));
            return this;
        }

        /**
         * Enables the {@code anon-user} provider.
         *
         * @return this builder
         */
        public Builder anonymousAuth() {
            this.anonymous = true;
            return this;
        }

        /**
         * Enables the {@code local-userpass} provider.
         *
         * @param autoConfirm {@code true} to confirm users at registration; {@code false} to require confirmation
         *     (by email token, read through the admin API, or by a confirmation function)
         * @return this builder
         */
        public Builder emailPasswordAuth(boolean autoConfirm) {
            this.autoConfirm = autoConfirm;
            return this;
        }

        /**
         * Confirms new email/password users with a function (see {@link EmulatorFunction} for its contract);
         * enables {@code local-userpass} without auto-confirmation if it is not enabled yet.
         *
         * @param functionName the confirmation function
         * @return this builder
         */
        public Builder emailConfirmationFunction(String functionName) {
            this.confirmationFunction = Objects.requireNonNull(functionName, "functionName");
            if (autoConfirm == null) {
                autoConfirm = false;
            }
            return this;
        }

        /**
         * Approves password resets requested through {@code reset/call} with a function (see
         * {@link EmulatorFunction}); enables {@code local-userpass} without auto-confirmation if needed.
         *
         * @param functionName the reset function
         * @return this builder
         */
        public Builder passwordResetFunction(String functionName) {
            this.resetFunction = Objects.requireNonNull(functionName, "functionName");
            if (autoConfirm == null) {
                autoConfirm = false;
            }
            return this;
        }

        /**
         * Enables the {@code api-key} provider (user API keys).
         *
         * @return this builder
         */
        public Builder apiKeyAuth() {
            if (serverKeys == null) {
                serverKeys = new ArrayList<>();
            }
            return this;
        }

        /**
         * Declares a server API key and enables the {@code api-key} provider. Logging in with the key logs in its
         * server user (profile {@code type} {@code server}), created on first use.
         *
         * @param name the key's name, unique within the app
         * @param key the secret clients log in with
         * @return this builder
         */
        public Builder serverApiKey(String name, String key) {
            apiKeyAuth();
            serverKeys.add(new AppSettings.ServerKey(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(key, "key")));
            return this;
        }

        /**
         * Enables the {@code custom-token} provider.
         *
         * @param algorithm {@code HS256} or {@code RS256}; tokens signed otherwise, and unsigned tokens, are refused
         * @param signingKeys HS256 secrets (at least 32 bytes) or RS256 public keys in PEM form
         *     ({@code -----BEGIN PUBLIC KEY-----}); a token signed by any of them is accepted
         * @param audience accepted {@code aud} values; empty to accept any audience
         * @return this builder
         */
        public Builder customTokenAuth(String algorithm, List<String> signingKeys, List<String> audience) {
            this.customToken = new AppSettings.CustomToken(
                    Objects.requireNonNull(algorithm, "algorithm"), signingKeys, audience, List.of());
            return this;
        }

        /**
         * Maps a custom-token claim into the user's profile.
         *
         * @param claim the claim path, dotted for nested claims ({@code user_data.name})
         * @param fieldName the profile field (e.g. {@code name}, {@code email})
         * @param required whether tokens without the claim are refused
         * @return this builder
         */
        public Builder customTokenMetadataField(String claim, String fieldName, boolean required) {
            metadataFields.add(new AppSettings.MetadataField(
                    Objects.requireNonNull(claim, "claim"), Objects.requireNonNull(fieldName, "fieldName"), required));
            return this;
        }

        /**
         * Enables the {@code custom-function} provider.
         *
         * @param functionName the authentication function (see {@link EmulatorFunction})
         * @return this builder
         */
        public Builder customFunctionAuth(String functionName) {
            this.authFunction = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /**
         * Enables an OAuth provider without any trusted token yet.
         *
         * @param providerType {@code oauth2-google}, {@code oauth2-facebook} or {@code oauth2-apple}
         * @return this builder
         */
        public Builder oauthAuth(String providerType) {
            trustedTokens.computeIfAbsent(
                    Objects.requireNonNull(providerType, "providerType"), type -> new ArrayList<>());
            return this;
        }

        /**
         * Declares a token that an OAuth provider accepts, and enables the provider. The emulator cannot ask Google,
         * Facebook or Apple, so only declared tokens log in.
         *
         * @param providerType {@code oauth2-google}, {@code oauth2-facebook} or {@code oauth2-apple}
         * @param token the token clients send ({@code authCode}/{@code id_token} for Google, {@code accessToken}
         *     for Facebook, {@code id_token} for Apple)
         * @param userId the external user id it stands for
         * @param profile profile fields of that user (e.g. {@code name}, {@code email})
         * @return this builder
         */
        public Builder trustedOAuthToken(
                String providerType, String token, String userId, Map<String, String> profile) {
            oauthAuth(providerType);
            trustedTokens
                    .get(providerType)
                    .add(new AppSettings.TrustedToken(
                            Objects.requireNonNull(token, "token"), Objects.requireNonNull(userId, "userId"), profile));
            return this;
        }

        /**
         * Sets the custom user data of users without more specific data.
         *
         * @param data the document (copied)
         * @return this builder
         */
        public Builder defaultCustomData(BsonDocument data) {
            this.defaultCustomData = Objects.requireNonNull(data, "data").clone();
            return this;
        }

        /**
         * Sets the custom user data of the user with an identity of that email.
         *
         * @param email the email
         * @param data the document (copied)
         * @return this builder
         */
        public Builder customDataForEmail(String email, BsonDocument data) {
            customDataByEmail.put(
                    Objects.requireNonNull(email, "email"),
                    Objects.requireNonNull(data, "data").clone());
            return this;
        }

        /**
         * Sets the custom user data of the user with that id.
         *
         * @param userId the user id
         * @param data the document (copied)
         * @return this builder
         */
        public Builder customDataForUser(String userId, BsonDocument data) {
            customDataByUserId.put(
                    Objects.requireNonNull(userId, "userId"),
                    Objects.requireNonNull(data, "data").clone());
            return this;
        }

        /**
         * Reads custom user data from a collection, as App Services' {@code custom_user_data.json} does: the
         * document whose {@code userIdField} equals the user's id. It wins over the other custom data settings.
         *
         * @param service the MongoDB service (declared with {@link #mongodb})
         * @param database the database
         * @param collection the collection
         * @param userIdField the field that holds the user id
         * @return this builder
         */
        public Builder customUserDataCollection(
                String service, String database, String collection, String userIdField) {
            this.customDataCollection = new AppSettings.CustomDataCollection(
                    Objects.requireNonNull(service, "service"),
                    Objects.requireNonNull(database, "database"),
                    Objects.requireNonNull(collection, "collection"),
                    Objects.requireNonNull(userIdField, "userIdField"));
            return this;
        }

        /**
         * Declares the app's MongoDB service with its rules in App Services' export format.
         *
         * @param service the service name clients ask for, e.g. {@code mongodb-atlas}
         * @param rules {@code rules.json} documents {@code {database, collection, roles, filters}} (copied)
         * @param defaultRule the {@code default_rule.json} document {@code {roles, filters}} for collections
         *     without rules, or {@code null}: such collections are denied
         * @return this builder
         */
        public Builder mongodb(String service, List<BsonDocument> rules, BsonDocument defaultRule) {
            return mongodb(service, rules, defaultRule, new BsonDocument());
        }

        /**
         * Declares the app's MongoDB service with its rules and the values their {@code %%values} expansions read.
         *
         * @param service the service name clients ask for
         * @param rules {@code rules.json} documents (copied)
         * @param defaultRule the {@code default_rule.json} document, or {@code null}
         * @param values the values by name (copied)
         * @return this builder
         */
        public Builder mongodb(
                String service, List<BsonDocument> rules, BsonDocument defaultRule, BsonDocument values) {
            this.mongodb = new AppSettings.MongoDb(
                    Objects.requireNonNull(service, "service"),
                    rules,
                    Optional.ofNullable(defaultRule),
                    Objects.requireNonNull(values, "values"));
            return this;
        }

        /**
         * Validates and builds the definition.
         *
         * @return the definition
         * @throws EmulatorException {@code APPSVC0501} naming the invalid setting
         */
        public AppDefinition build() {
            if (!APP_ID.matcher(id).matches()) {
                throw invalid("id", "'" + id + "' is not a valid app id ([A-Za-z0-9][A-Za-z0-9._-]*)");
            }
            if (customDataCollection != null
                    && (mongodb == null || !mongodb.service().equals(customDataCollection.service()))) {
                throw invalid(
                        "customUserData.mongo_service_name",
                        "no MongoDB service '" + customDataCollection.service() + "' is declared in 'mongodb'");
            }
            requirePositive("accessTokenTtl", accessTokenTtl);
            requirePositive("refreshTokenTtl", refreshTokenTtl);
            Map<String, AppSettings.Provider> providers = new LinkedHashMap<>();
            if (anonymous) {
                providers.put("anon-user", new AppSettings.Anonymous());
            }
            if (autoConfirm != null) {
                providers.put(
                        "local-userpass",
                        new AppSettings.Userpass(
                                autoConfirm,
                                Optional.ofNullable(confirmationFunction),
                                Optional.ofNullable(resetFunction)));
            }
            if (serverKeys != null) {
                Set<String> names = new LinkedHashSet<>();
                for (AppSettings.ServerKey key : serverKeys) {
                    if (!names.add(key.name())) {
                        throw invalid("providers.api-key.serverKeys", "the name '" + key.name() + "' is used twice");
                    }
                }
                providers.put("api-key", new AppSettings.ApiKeys(serverKeys));
            }
            if (customToken != null) {
                providers.put("custom-token", customToken());
            } else if (!metadataFields.isEmpty()) {
                throw invalid("providers.custom-token.metadataFields", "the custom-token provider is not enabled");
            }
            if (authFunction != null) {
                providers.put("custom-function", new AppSettings.CustomFunction(authFunction));
            }
            for (Map.Entry<String, List<AppSettings.TrustedToken>> entry : trustedTokens.entrySet()) {
                if (!OAUTH_PROVIDERS.contains(entry.getKey())) {
                    throw invalid(
                            "providers." + entry.getKey(),
                            "not an OAuth provider (expected one of " + new TreeSet<>(OAUTH_PROVIDERS) + ")");
                }
                providers.put(entry.getKey(), new AppSettings.OAuth(entry.getValue()));
            }
            return new AppDefinition(new AppSettings(
                    id,
                    deploymentModel,
                    location,
                    accessTokenTtl,
                    refreshTokenTtl,
                    Optional.ofNullable(functions),
                    new AppSettings.CustomData(
                            customDataByUserId,
                            customDataByEmail,
                            Optional.ofNullable(defaultCustomData),
                            Optional.ofNullable(customDataCollection)),
                    providers,
                    Optional.ofNullable(mongodb)));
        }

        private AppSettings.CustomToken customToken() {
            if (!TOKEN_ALGORITHMS.contains(customToken.algorithm())) {
                throw invalid(
                        "providers.custom-token.signingAlgorithm",
                        "'" + customToken.algorithm() + "' is not supported (expected HS256 or RS256)");
            }
            if (customToken.signingKeys().isEmpty()) {
                throw invalid("providers.custom-token.signingKeys", "at least one key is required");
            }
            return new AppSettings.CustomToken(
                    customToken.algorithm(), customToken.signingKeys(), customToken.audience(), metadataFields);
        }

        private void requirePositive(String key, Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw invalid(key, "must be positive, not " + ttl);
            }
        }

        private EmulatorException invalid(String key, String problem) {
            return Messages.configInvalid("of app '" + id + "'", key, problem);
        }
    }
}
