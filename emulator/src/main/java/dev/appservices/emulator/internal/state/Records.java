package dev.appservices.emulator.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's stored records. They are immutable values (a change replaces the record) and are stored as
 * documents of the state database by {@link StateDocuments}, under their component names, which are also those of
 * the data file of earlier versions ({@link StateCodec}). Secrets are never stored in clear: passwords as PBKDF2
 * hashes, API keys as SHA-256 hashes.
 */
public final class Records {

    private Records() {}

    /**
     * A user of an app.
     *
     * @param id the user id (24 hex digits)
     * @param type {@code normal}, or {@code server} for users of server API keys
     * @param disabled whether an administrator disabled the user
     * @param identities the user's identities, oldest first
     * @param customData custom user data set through the admin API (canonical EJSON), or {@code null}
     * @param createdAt creation time, epoch milliseconds
     */
    public record User(
            String id, String type, boolean disabled, List<Identity> identities, String customData, long createdAt) {

        public User {
            identities = List.copyOf(identities);
        }

        public User withDisabled(boolean value) {
            return new User(id, type, value, identities, customData, createdAt);
        }

        public User withIdentity(Identity identity) {
            List<Identity> more = new ArrayList<>(identities);
            more.add(identity);
            return new User(id, type, disabled, more, customData, createdAt);
        }

        public User withCustomData(String canonicalEjson) {
            return new User(id, type, disabled, identities, canonicalEjson, createdAt);
        }
    }

    /**
     * One way a user can log in.
     *
     * @param id the identity's id within its provider (email account id, token subject, key id …)
     * @param providerType the provider type, e.g. {@code local-userpass}
     * @param providerId the id of the app's provider configuration (24 hex digits)
     * @param data profile fields this identity contributes (email, name …)
     */
    public record Identity(String id, String providerType, String providerId, Map<String, String> data) {

        /** The provider type of an anonymous identity, which its login makes up and no later login names. */
        public static final String ANONYMOUS = "anon-user";

        /** Memo of {@link #providerIdOf}: one entry per app and provider type, a hash each time otherwise. */
        private static final Map<String, String> PROVIDER_IDS = new ConcurrentHashMap<>();

        public Identity {
            data = Map.copyOf(data);
        }

        /**
         * The id of an app's configuration of a provider: derived from both, so that every emulator process and every
         * restart gives the same one (the service shows one per provider in profiles as {@code provider_id}).
         */
        public static String providerIdOf(String appId, String providerType) {
            return PROVIDER_IDS.computeIfAbsent(
                    appId + "/" + providerType,
                    key -> PasswordHasher.keyHash(key).substring(0, 24));
        }
    }

    /**
     * An email/password account.
     *
     * @param id the account id, which is the id of the user's {@code local-userpass} identity
     * @param email the email (user name)
     * @param passwordHash the encoded PBKDF2 hash, see {@link PasswordHasher}
     * @param confirmed whether the email was confirmed
     */
    public record Account(String id, String email, String passwordHash, boolean confirmed) {

        @Override
        public String toString() {
            return "Account[id=" + id + ", email=" + email + ", confirmed=" + confirmed + "]";
        }
    }

    /**
     * A token that the real service would send by email.
     *
     * @param kind {@code confirm} or {@code reset}
     * @param email the account's email
     * @param token the token
     * @param tokenId the token id
     * @param createdAt creation time, epoch milliseconds
     */
    public record EmailToken(String kind, String email, String token, String tokenId, long createdAt) {

        public static final String CONFIRM = "confirm";
        public static final String RESET = "reset";

        @Override
        public String toString() {
            return "EmailToken[kind=" + kind + ", email=" + email + "]";
        }
    }

    /**
     * A user API key.
     *
     * @param id the key id (24 hex digits)
     * @param name the key's name, unique per user
     * @param keyHash SHA-256 of the secret key, hex
     * @param disabled whether the key is disabled
     * @param userId the owning user
     */
    public record ApiKey(String id, String name, String keyHash, boolean disabled, String userId) {

        public ApiKey withDisabled(boolean value) {
            return new ApiKey(id, name, keyHash, value, userId);
        }

        @Override
        public String toString() {
            return "ApiKey[id=" + id + ", name=" + name + ", disabled=" + disabled + "]";
        }
    }

    /**
     * A login session: what a refresh token stands for.
     *
     * @param id the session id
     * @param userId the user
     * @param deviceId the device id given at login
     * @param expiresAt expiry of the refresh token, epoch milliseconds
     */
    public record Session(String id, String userId, String deviceId, long expiresAt) {}

    /**
     * A live session with its user, what a token's session check finds.
     *
     * @param session the session
     * @param user the session's user
     */
    public record SignedIn(Session session, User user) {}

    /**
     * Everything stored for one app.
     *
     * @param signingSecret the HS256 secret of the app's tokens, base64
     * @param domainId the app's domain id (24 hex digits)
     * @param users users
     * @param accounts email/password accounts
     * @param emailTokens pending confirmation and reset tokens
     * @param apiKeys user API keys
     * @param sessions live sessions
     */
    public record AppSnapshot(
            String signingSecret,
            String domainId,
            List<User> users,
            List<Account> accounts,
            List<EmailToken> emailTokens,
            List<ApiKey> apiKeys,
            List<Session> sessions) {

        public AppSnapshot {
            users = List.copyOf(users);
            accounts = List.copyOf(accounts);
            emailTokens = List.copyOf(emailTokens);
            apiKeys = List.copyOf(apiKeys);
            sessions = List.copyOf(sessions);
        }

        @Override
        public String toString() {
            return "AppSnapshot[domainId=" + domainId + ", users=" + users.size() + "]";
        }
    }
}
