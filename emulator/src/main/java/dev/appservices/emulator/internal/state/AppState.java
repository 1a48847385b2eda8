package dev.appservices.emulator.internal.state;

import static dev.appservices.emulator.internal.state.StateDocuments.APP;
import static dev.appservices.emulator.internal.state.StateDocuments.DELETED;
import static dev.appservices.emulator.internal.state.StateDocuments.ID;
import static dev.appservices.emulator.internal.state.StateDocuments.IDENTITY_KEYS;
import static dev.appservices.emulator.internal.state.StateDocuments.byId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.SignedIn;
import dev.appservices.emulator.internal.state.Records.User;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.types.ObjectId;

/**
 * The state of one app in the shared state database: users and their identities, email/password accounts, pending
 * email tokens, API keys and sessions, plus the app's token signing secret and domain id (read once, they never
 * change).
 *
 * <p>Every emulator process on the same database sees the same state: each operation is one atomic MongoDB operation
 * on one document, or a sequence that stays correct if the process dies between its steps (see {@link #deleteUser}),
 * and only an emulator that owns its store keeps what the request path reads (sessions, accounts, the owners of
 * identities) in memory (see {@link StateCache}) and writes a login's inserts and a logout's delete after answering
 * (see {@link WriteBehind}); everything else it does with the store writes those first. Races between processes are
 * settled by the database: unique indexes make an email, an identity and an API key name per user taken once, and
 * single-use tokens are consumed by one {@code findOneAndDelete}. Thread-safe.
 */
public final class AppState {

    /** Users' type for ordinary users. */
    public static final String NORMAL_USER = "normal";
    /** Users' type for users of server API keys. */
    public static final String SERVER_USER = "server";

    /** Racing inserts retry this often before giving up; two suffice unless records are deleted meanwhile. */
    private static final int ATTEMPTS = 5;

    private static final BsonInt32 ONE = new BsonInt32(1);

    private final String appId;
    private final byte[] signingSecret;
    private final String domainId;
    private final StateCollections collections;
    private final StateCache cache;
    private final WriteBehind writes;
    private final Clock clock;

    AppState(
            String appId,
            String signingSecret,
            String domainId,
            StateCollections collections,
            StateCache cache,
            WriteBehind writes,
            Clock clock) {
        this.appId = appId;
        this.signingSecret = Base64.getDecoder().decode(signingSecret);
        this.domainId = domainId;
        this.collections = collections;
        this.cache = cache;
        this.writes = writes;
        this.clock = clock;
    }

    public byte[] signingSecret() {
        return signingSecret.clone();
    }

    public String domainId() {
        return domainId;
    }

    // users and identities

    public Optional<User> user(String userId) {
        return live(store().users().find(byId(userId)).first()).map(StateDocuments::user);
    }

    public List<User> users() {
        return store()
                .users()
                .find(ofApp())
                .sort(new BsonDocument("createdAt", ONE).append(ID, ONE))
                .into(new ArrayList<>())
                .stream()
                .filter(document -> !document.containsKey(DELETED))
                .map(StateDocuments::user)
                .toList();
    }

    /**
     * The user an identity logged in, and whether the login created it.
     *
     * @param user    the identity's owner
     * @param created whether the user was created by this login
     */
    public record IdentityLogin(User user, boolean created) {}

    /**
     * Returns the user that owns the identity, creating the user when the identity is new. The identity's unique
     * index decides which of several processes logging in the same new identity at once creates the user.
     */
    public IdentityLogin loginIdentity(Identity identity, String userType) {
        String key = StateDocuments.identityKey(appId, identity);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<User> owner = cache.owner(key, () -> liveOwner(key));
            if (owner.isPresent()) {
                return new IdentityLogin(owner.get(), false);
            }
            Optional<IdentityLogin> created =
                    insertUser(identity, userType, document -> store().users().insertOne(document));
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new IllegalStateException(
                "the owner of an identity of app " + appId + " changed " + ATTEMPTS + " times during one login");
    }

    /** The user that owns an identity key; one marked deleted has its deletion finished first, and then none does. */
    private Optional<User> liveOwner(String identityKey) {
        StateCollections store = store();
        BsonDocument owner = store.users()
                .find(new BsonDocument(IDENTITY_KEYS, new BsonString(identityKey)))
                .first();
        if (owner != null && owner.containsKey(DELETED)) {
            store.finishDeletion(owner);
            cache.forgetUser(owner.getString(ID).getValue());
            cache.forgetAccounts();
            return Optional.empty();
        }
        return Optional.ofNullable(owner).map(StateDocuments::user);
    }

    /**
     * Creates the user of an identity this login made up (an anonymous login's): one insert, without first looking for
     * an owner that cannot exist, written after the answer by an emulator that owns its store (see
     * {@link WriteBehind}). Should the store refuse it all the same (the new user id taken), the login goes the usual
     * way.
     */
    public IdentityLogin createUser(Identity identity, String userType) {
        return insertUser(identity, userType, writes::insertUser).orElseGet(() -> loginIdentity(identity, userType));
    }

    /**
     * A new user owning the identity, inserted by {@code insert}; empty if the identity's unique index refused it
     * (another user owns it).
     */
    private Optional<IdentityLogin> insertUser(Identity identity, String userType, Consumer<BsonDocument> insert) {
        User user = new User(new ObjectId().toHexString(), userType, false, List.of(identity), null, clock.millis());
        if (!inserted(() -> insert.accept(StateDocuments.write(appId, user)))) {
            return Optional.empty();
        }
        cache.created(user);
        return Optional.of(new IdentityLogin(user, true));
    }

    /**
     * Adds an identity to a user in one update of the user's document; the identity's unique index refuses it if
     * another user took it meanwhile.
     *
     * @return the user with the identity; empty when the user does not exist or the identity belongs to another
     *     user
     */
    public Optional<User> linkIdentity(String userId, Identity identity) {
        BsonString key = new BsonString(StateDocuments.identityKey(appId, identity));
        StateCollections store = store();
        BsonDocument owner =
                store.users().find(new BsonDocument(IDENTITY_KEYS, key)).first();
        if (owner != null) {
            return owner.getString(ID).getValue().equals(userId)
                    ? live(owner).map(StateDocuments::user)
                    : Optional.empty();
        }
        BsonDocument push = new BsonDocument(
                "$push",
                new BsonDocument("identities", StateDocuments.write(appId, identity)).append(IDENTITY_KEYS, key));
        try {
            Optional<User> linked = live(store.users()
                            .findOneAndUpdate(
                                    ofApp(userId),
                                    push,
                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                    .map(StateDocuments::user);
            cache.forgetUser(userId);
            return linked;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Disables or enables a user; disabling ends the user's sessions (and tokens are refused for it anyway). */
    public boolean setDisabled(String userId, boolean disabled) {
        StateCollections store = store();
        boolean found = store.users()
                        .updateOne(
                                ofApp(userId),
                                new BsonDocument("$set", new BsonDocument("disabled", BsonBoolean.valueOf(disabled))))
                        .getMatchedCount()
                > 0;
        if (found && disabled) {
            store.sessions().deleteMany(new BsonDocument("userId", new BsonString(userId)));
        }
        cache.forgetUser(userId);
        return found;
    }

    public boolean setCustomData(String userId, String canonicalEjson) {
        BsonDocument change = canonicalEjson == null
                ? new BsonDocument("$unset", new BsonDocument("customData", new BsonString("")))
                : new BsonDocument("$set", new BsonDocument("customData", new BsonString(canonicalEjson)));
        boolean found = store().users().updateOne(ofApp(userId), change).getMatchedCount() > 0;
        cache.forgetUser(userId);
        return found;
    }

    /**
     * Deletes a user with its email accounts, API keys and sessions. The user's document is first marked deleted,
     * one atomic update after which every process treats the user as gone; then the records it owns go, then the
     * document itself. A process that dies on the way leaves a marked document that the next process to start, or
     * the next login of one of its identities, finishes deleting.
     */
    public boolean deleteUser(String userId) {
        StateCollections store = store();
        BsonDocument marked = store.users()
                .findOneAndUpdate(
                        ofApp(userId),
                        new BsonDocument("$set", new BsonDocument(DELETED, BsonBoolean.TRUE)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (marked == null) {
            return false;
        }
        cache.forgetUser(userId);
        store.finishDeletion(marked);
        cache.forgetAccounts();
        return true;
    }

    /** Forgets all users, accounts, tokens, keys and sessions of the app; the signing secret stays. */
    public void reset() {
        store().recordCollections().forEach(collection -> collection.deleteMany(ofApp()));
        cache.forgetAll();
    }

    // email/password accounts

    public Optional<Account> account(String email) {
        return cache.account(
                email,
                () -> Optional.ofNullable(
                                store().accounts().find(byEmail(email)).first())
                        .map(StateDocuments::account));
    }

    /**
     * Adds a new account.
     *
     * @return {@code false} (and nothing changes) when the email is taken; the unique index of app and email decides
     *     between processes registering the same email at once
     */
    public boolean addAccount(Account account) {
        return inserted(() -> store().accounts().insertOne(StateDocuments.write(appId, account)));
    }

    public void confirmAccount(String email) {
        StateCollections store = store();
        store.accounts()
                .updateOne(byEmail(email), new BsonDocument("$set", new BsonDocument("confirmed", BsonBoolean.TRUE)));
        store.emailTokens().deleteOne(emailTokenId(EmailToken.CONFIRM, email));
        cache.forgetAccount(email);
    }

    public void removeAccount(String email) {
        StateCollections store = store();
        store.accounts().deleteOne(byEmail(email));
        cache.forgetAccount(email);
        store.emailTokens()
                .deleteMany(new BsonDocument(
                        ID,
                        new BsonDocument(
                                "$in",
                                new BsonArray(List.of(
                                        emailTokenId(EmailToken.CONFIRM, email).get(ID),
                                        emailTokenId(EmailToken.RESET, email).get(ID))))));
    }

    public void setPassword(String email, String passwordHash) {
        store().accounts()
                .updateOne(
                        byEmail(email),
                        new BsonDocument("$set", new BsonDocument("passwordHash", new BsonString(passwordHash))));
        cache.forgetAccount(email);
    }

    /** Issues a token of the given kind for an email, replacing an earlier one of the same kind in one write. */
    public EmailToken issueEmailToken(String kind, String email) {
        EmailToken token =
                new EmailToken(kind, email, PasswordHasher.randomHex(32), new ObjectId().toHexString(), clock.millis());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // two upserts of one new _id can race on a real deployment: the loser retries as an update
            if (inserted(() -> store().emailTokens()
                    .replaceOne(
                            emailTokenId(kind, email),
                            StateDocuments.write(appId, token),
                            new ReplaceOptions().upsert(true)))) {
                return token;
            }
        }
        throw new IllegalStateException("the pending token of an account of app " + appId + " kept changing");
    }

    /** Removes and returns the matching token, if any: one atomic delete, so a token works once. */
    public Optional<EmailToken> consumeEmailToken(String kind, String token, String tokenId) {
        return Optional.ofNullable(store().emailTokens()
                        .findOneAndDelete(ofApp().append("kind", new BsonString(kind))
                                .append("tokenId", new BsonString(tokenId))
                                .append("token", new BsonString(token))))
                .map(StateDocuments::emailToken);
    }

    public List<EmailToken> emailTokens(String kind) {
        return store().emailTokens()
                .find(ofApp().append("kind", new BsonString(kind)))
                .sort(new BsonDocument("createdAt", ONE))
                .map(StateDocuments::emailToken)
                .into(new ArrayList<>());
    }

    // API keys

    /**
     * Adds a user API key.
     *
     * @return the new key; empty when the user already has a key of that name (the unique index of app, user and
     *     name decides)
     */
    public Optional<ApiKey> addApiKey(String userId, String name, String keyHash) {
        ApiKey key = new ApiKey(new ObjectId().toHexString(), name, keyHash, false, userId);
        return inserted(() -> store().apiKeys().insertOne(StateDocuments.write(appId, key)))
                ? Optional.of(key)
                : Optional.empty();
    }

    public Optional<ApiKey> apiKey(String userId, String keyId) {
        return ownKey(userId, keyId).map(StateDocuments::apiKey);
    }

    public List<ApiKey> apiKeys(String userId) {
        return store().apiKeys()
                .find(ofApp().append("userId", new BsonString(userId)))
                .sort(new BsonDocument(ID, ONE))
                .map(StateDocuments::apiKey)
                .into(new ArrayList<>());
    }

    public Optional<ApiKey> apiKeyByHash(String keyHash) {
        return ofThisApp(store().apiKeys()
                        .find(new BsonDocument("keyHash", new BsonString(keyHash)))
                        .first())
                .map(StateDocuments::apiKey);
    }

    public boolean setApiKeyDisabled(String userId, String keyId, boolean disabled) {
        return ownKey(userId, keyId).isPresent()
                && store().apiKeys()
                                .updateOne(
                                        byId(keyId),
                                        new BsonDocument(
                                                "$set", new BsonDocument("disabled", BsonBoolean.valueOf(disabled))))
                                .getMatchedCount()
                        > 0;
    }

    public boolean deleteApiKey(String userId, String keyId) {
        return ownKey(userId, keyId).isPresent()
                && store().apiKeys().deleteOne(byId(keyId)).getDeletedCount() > 0;
    }

    // sessions

    public Session createSession(String userId, String deviceId, Duration ttl) {
        // Whole seconds, like the refresh token's exp claim, so the session ends exactly when the token does.
        long expiresAt = (clock.millis() + ttl.toMillis() + 999) / 1000 * 1000;
        Session session = new Session(PasswordHasher.randomHex(12), userId, deviceId, expiresAt);
        writes.insertSession(session.id(), StateDocuments.write(appId, session));
        cache.opened(session);
        return session;
    }

    /** The live session with that id; an expired one is forgotten. */
    private Optional<Session> session(String sessionId) {
        StateCollections store = store();
        Optional<Session> session =
                ofThisApp(store.sessions().find(byId(sessionId)).first()).map(StateDocuments::session);
        if (session.isPresent() && session.get().expiresAt() <= clock.millis()) {
            store.sessions().deleteOne(byId(sessionId));
            return Optional.empty();
        }
        return session;
    }

    /**
     * The live session with that id and its user, as a token's session check needs them: read from the store, or
     * from memory when this emulator owns its store (see {@link StateCache}).
     */
    public Optional<SignedIn> signedIn(String sessionId) {
        Optional<SignedIn> found = cache.get(
                sessionId,
                () -> session(sessionId)
                        .flatMap(session -> user(session.userId()).map(user -> new SignedIn(session, user))));
        if (found.isPresent() && found.get().session().expiresAt() <= clock.millis()) {
            revokeSession(sessionId);
            return Optional.empty();
        }
        return found;
    }

    public void revokeSession(String sessionId) {
        writes.deleteSession(sessionId);
        cache.forgetSession(sessionId);
    }

    public boolean revokeSessions(String userId) {
        store().sessions().deleteMany(new BsonDocument("userId", new BsonString(userId)));
        cache.forgetUser(userId);
        return user(userId).isPresent();
    }

    /**
     * The collections, once they hold every write this process made before (see {@link WriteBehind}); an operation
     * takes them once.
     */
    private StateCollections store() {
        writes.settle();
        return collections;
    }

    private Optional<BsonDocument> ownKey(String userId, String keyId) {
        return ofThisApp(store().apiKeys().find(byId(keyId)).first())
                .filter(key -> key.getString("userId").getValue().equals(userId));
    }

    /** The document if it belongs to this app and is no user marked deleted. */
    private Optional<BsonDocument> live(BsonDocument document) {
        return ofThisApp(document).filter(found -> !found.containsKey(DELETED));
    }

    private Optional<BsonDocument> ofThisApp(BsonDocument document) {
        return Optional.ofNullable(document)
                .filter(found -> appId.equals(found.getString(APP).getValue()));
    }

    private BsonDocument ofApp() {
        return new BsonDocument(APP, new BsonString(appId));
    }

    private BsonDocument ofApp(String id) {
        return byId(id).append(APP, new BsonString(appId));
    }

    private BsonDocument byEmail(String email) {
        return ofApp().append("email", new BsonString(email));
    }

    private BsonDocument emailTokenId(String kind, String email) {
        return byId(StateDocuments.emailTokenId(appId, kind, email));
    }

    /** Runs an insert; {@code false} if a unique index refused it. */
    private static boolean inserted(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A unique index refused a write (as a write error of an insert or update, or as a findAndModify's error). */
    private static boolean isDuplicateKey(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
