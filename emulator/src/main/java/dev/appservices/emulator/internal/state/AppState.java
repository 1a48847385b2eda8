package dev.appservices.emulator.internal.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.types.ObjectId;

import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import dev.appservices.emulator.internal.state.Records.AppSnapshot;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.User;

/**
 * The mutable state of one app: users and their identities, email/password accounts, pending email tokens, API keys
 * and sessions, plus the app's token signing secret.
 *
 * <p>Thread-safe: every operation runs under the instance's lock, and compound operations that must be atomic (find
 * an identity's owner or create the user; check a name and add an account) are single methods. After each change
 * the {@code onChange} callback runs <em>outside</em> the lock, so persisting several apps cannot deadlock.
 * Lives as long as the emulator; {@link #reset()} empties it.
 */
public final class AppState {

    /** Users' type for ordinary users. */
    public static final String NORMAL_USER = "normal";
    /** Users' type for users of server API keys. */
    public static final String SERVER_USER = "server";

    private final byte[] signingSecret;
    private final String domainId;
    private final Runnable onChange;
    private final Clock clock;

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> identityOwners = new HashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<EmailToken> emailTokens = new ArrayList<>();
    private final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    private AppState(byte[] signingSecret, String domainId, Runnable onChange, Clock clock) {
        this.signingSecret = signingSecret.clone();
        this.domainId = domainId;
        this.onChange = onChange;
        this.clock = clock;
    }

    /** A new, empty app state with a fresh signing secret; {@code clock} decides when sessions expire. */
    public static AppState create(Runnable onChange, Clock clock) {
        return new AppState(Base64.getUrlDecoder().decode(PasswordHasher.randomSecret(32)),
                new ObjectId().toHexString(), onChange, clock);
    }

    /** The state stored in a snapshot. */
    public static AppState restore(AppSnapshot snapshot, Runnable onChange, Clock clock) {
        AppState state = new AppState(Base64.getDecoder().decode(snapshot.signingSecret()), snapshot.domainId(),
                onChange, clock);
        snapshot.users().forEach(state::putUser);
        snapshot.accounts().forEach(account -> state.accounts.put(account.email(), account));
        state.emailTokens.addAll(snapshot.emailTokens());
        snapshot.apiKeys().forEach(key -> state.apiKeys.put(key.id(), key));
        snapshot.sessions().forEach(session -> state.sessions.put(session.id(), session));
        return state;
    }

    public synchronized AppSnapshot snapshot() {
        long now = clock.millis();
        sessions.values().removeIf(session -> session.expiresAt() <= now);
        return new AppSnapshot(Base64.getEncoder().encodeToString(signingSecret), domainId,
                new ArrayList<>(users.values()), new ArrayList<>(accounts.values()), emailTokens,
                new ArrayList<>(apiKeys.values()), new ArrayList<>(sessions.values()));
    }

    public byte[] signingSecret() {
        return signingSecret.clone();
    }

    public String domainId() {
        return domainId;
    }

    // users and identities

    public synchronized Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public synchronized List<User> users() {
        return new ArrayList<>(users.values());
    }

    /** Whether a user owns the identity already. */
    public synchronized boolean hasIdentity(Identity identity) {
        return identityOwners.containsKey(identityKey(identity.providerType(), identity.id()));
    }

    /** Returns the user that owns the identity, creating the user when the identity is new. */
    public User loginIdentity(Identity identity, String userType) {
        return change(() -> {
            String owner = identityOwners.get(identityKey(identity.providerType(), identity.id()));
            if (owner != null) {
                return users.get(owner);
            }
            User user = new User(new ObjectId().toHexString(), userType, false, List.of(identity), null,
                    clock.millis());
            putUser(user);
            return user;
        });
    }

    /**
     * Adds an identity to a user.
     *
     * @return the user with the identity; empty when the user does not exist or the identity belongs to another
     *     user
     */
    public Optional<User> linkIdentity(String userId, Identity identity) {
        return change(() -> {
            String owner = identityOwners.get(identityKey(identity.providerType(), identity.id()));
            User user = users.get(userId);
            if (owner != null && !owner.equals(userId) || user == null) {
                return Optional.empty();
            }
            if (owner == null) {
                user = user.withIdentity(identity);
                putUser(user);
            }
            return Optional.of(user);
        });
    }

    public boolean setDisabled(String userId, boolean disabled) {
        return change(() -> {
            User user = users.get(userId);
            if (user == null) {
                return false;
            }
            users.put(userId, user.withDisabled(disabled));
            if (disabled) {
                sessions.values().removeIf(session -> session.userId().equals(userId));
            }
            return true;
        });
    }

    public boolean setCustomData(String userId, String canonicalEjson) {
        return change(() -> {
            User user = users.get(userId);
            if (user == null) {
                return false;
            }
            users.put(userId, user.withCustomData(canonicalEjson));
            return true;
        });
    }

    /** Deletes a user with its identities, email accounts, API keys and sessions. */
    public boolean deleteUser(String userId) {
        return change(() -> {
            User user = users.remove(userId);
            if (user == null) {
                return false;
            }
            for (Identity identity : user.identities()) {
                identityOwners.remove(identityKey(identity.providerType(), identity.id()));
                accounts.values().removeIf(account -> account.id().equals(identity.id()));
            }
            apiKeys.values().removeIf(key -> key.userId().equals(userId));
            sessions.values().removeIf(session -> session.userId().equals(userId));
            return true;
        });
    }

    /** Forgets all users, accounts, tokens, keys and sessions; the signing secret stays. */
    public void reset() {
        change(() -> {
            users.clear();
            identityOwners.clear();
            accounts.clear();
            emailTokens.clear();
            apiKeys.clear();
            sessions.clear();
            return null;
        });
    }

    // email/password accounts

    public synchronized Optional<Account> account(String email) {
        return Optional.ofNullable(accounts.get(email));
    }

    /**
     * Adds a new account.
     *
     * @return {@code false} (and nothing changes) when the email is taken
     */
    public boolean addAccount(Account account) {
        return change(() -> accounts.putIfAbsent(account.email(), account) == null);
    }

    public void confirmAccount(String email) {
        change(() -> {
            Account account = accounts.get(email);
            if (account != null) {
                accounts.put(email, new Account(account.id(), email, account.passwordHash(), true));
            }
            emailTokens.removeIf(token -> token.email().equals(email) && token.kind().equals(EmailToken.CONFIRM));
            return null;
        });
    }

    public void removeAccount(String email) {
        change(() -> {
            accounts.remove(email);
            emailTokens.removeIf(token -> token.email().equals(email));
            return null;
        });
    }

    public void setPassword(String email, String passwordHash) {
        change(() -> {
            Account account = accounts.get(email);
            if (account != null) {
                accounts.put(email, new Account(account.id(), email, passwordHash, account.confirmed()));
            }
            return null;
        });
    }

    /** Issues a token of the given kind for an email, replacing an earlier one of the same kind. */
    public EmailToken issueEmailToken(String kind, String email) {
        return change(() -> {
            emailTokens.removeIf(token -> token.email().equals(email) && token.kind().equals(kind));
            EmailToken token = new EmailToken(kind, email, PasswordHasher.randomHex(32),
                    new ObjectId().toHexString(), clock.millis());
            emailTokens.add(token);
            return token;
        });
    }

    /** Removes and returns the matching token, if any. */
    public Optional<EmailToken> consumeEmailToken(String kind, String token, String tokenId) {
        return change(() -> {
            for (EmailToken candidate : emailTokens) {
                if (candidate.kind().equals(kind) && candidate.token().equals(token)
                        && candidate.tokenId().equals(tokenId)) {
                    emailTokens.remove(candidate);
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    public synchronized List<EmailToken> emailTokens(String kind) {
        return emailTokens.stream().filter(token -> token.kind().equals(kind)).toList();
    }

    // API keys

    /**
     * Adds a user API key.
     *
     * @return the new key; empty when the user already has a key of that name
     */
    public Optional<ApiKey> addApiKey(String userId, String name, String keyHash) {
        return change(() -> {
            boolean taken = apiKeys.values().stream()
                    .anyMatch(key -> key.userId().equals(userId) && key.name().equals(name));
            if (taken) {
                return Optional.empty();
            }
            ApiKey key = new ApiKey(new ObjectId().toHexString(), name, keyHash, false, userId);
            apiKeys.put(key.id(), key);
            return Optional.of(key);
        });
    }

    public synchronized Optional<ApiKey> apiKey(String userId, String keyId) {
        return Optional.ofNullable(apiKeys.get(keyId)).filter(key -> key.userId().equals(userId));
    }

    public synchronized List<ApiKey> apiKeys(String userId) {
        return apiKeys.values().stream().filter(key -> key.userId().equals(userId)).toList();
    }

    public synchronized Optional<ApiKey> apiKeyByHash(String keyHash) {
        return apiKeys.values().stream().filter(key -> key.keyHash().equals(keyHash)).findFirst();
    }

    public boolean setApiKeyDisabled(String userId, String keyId, boolean disabled) {
        return change(() -> {
            ApiKey key = apiKeys.get(keyId);
            if (key == null || !key.userId().equals(userId)) {
                return false;
            }
            apiKeys.put(keyId, key.withDisabled(disabled));
            return true;
        });
    }

    public boolean deleteApiKey(String userId, String keyId) {
        return change(() -> {
            ApiKey key = apiKeys.get(keyId);
            return key != null && key.userId().equals(userId) && apiKeys.remove(keyId) != null;
        });
    }

    // sessions

    public Session createSession(String userId, String deviceId, Duration ttl) {
        return change(() -> {
            // Whole seconds, like the refresh token's exp claim, so the session ends exactly when the token does.
            long expiresAt = (clock.millis() + ttl.toMillis() + 999) / 1000 * 1000;
            Session session = new Session(PasswordHasher.randomHex(12), userId, deviceId, expiresAt);
            sessions.put(session.id(), session);
            return session;
        });
    }

    /** The live session with that id; an expired one is forgotten. */
    public synchronized Optional<Session> session(String sessionId) {
        Session session = sessions.get(sessionId);
        if (session != null && session.expiresAt() <= clock.millis()) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    public boolean revokeSession(String sessionId) {
        return change(() -> sessions.remove(sessionId) != null);
    }

    public boolean revokeSessions(String userId) {
        return change(() -> {
            sessions.values().removeIf(session -> session.userId().equals(userId));
            return users.containsKey(userId);
        });
    }

    private void putUser(User user) {
        users.put(user.id(), user);
        for (Identity identity : user.identities()) {
            identityOwners.put(identityKey(identity.providerType(), identity.id()), user.id());
        }
    }

    private <T> T change(Supplier<T> operation) {
        T result;
        synchronized (this) {
            result = operation.get();
        }
        onChange.run();
        return result;
    }

    private static String identityKey(String providerType, String identityId) {
        return providerType + "\u0000" + identityId;
    }
}
