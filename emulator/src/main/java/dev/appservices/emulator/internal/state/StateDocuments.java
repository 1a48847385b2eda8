package dev.appservices.emulator.internal.state;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;
import static dev.appservices.emulator.internal.json.DocumentReader.bool;
import static dev.appservices.emulator.internal.json.DocumentReader.documents;
import static dev.appservices.emulator.internal.json.DocumentReader.integer;
import static dev.appservices.emulator.internal.json.DocumentReader.requiredString;
import static dev.appservices.emulator.internal.json.DocumentReader.string;
import static dev.appservices.emulator.internal.json.DocumentReader.strings;

import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.List;
import java.util.function.Function;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The stored form of the {@link Records}: one field per record component under the component's name, the record's
 * id as {@code _id}, the owning app as {@code app}, {@code null} components left out, and so are the values a reader
 * knows without them: a user's {@code type} when {@value AppState#NORMAL_USER} and {@code disabled} when false, an
 * identity's empty {@code data} and its {@code providerId} when it is the app's own ({@link Identity#providerIdOf}).
 * The embedded store keeps every document as objects in the heap, and every anonymous login stays there as a user
 * and a session: each field left out is about 140 bytes per login that the garbage collector need not copy. Reading
 * fails with {@link IllegalArgumentException} naming the first field of the wrong type or missing. Stateless.
 */
final class StateDocuments {

    static final String ID = "_id";
    static final String APP = "app";
    /**
     * The users' array of {@link #identityKey} values, under a unique index: an identity has one owner. Absent in an
     * anonymous user's document (see {@link #identityKeys}).
     */
    static final String IDENTITY_KEYS = "identityKeys";
    /** Set on a user whose deletion has begun: readers treat the user as gone. */
    static final String DELETED = "deleted";

    private StateDocuments() {}

    /** The filter of one record by its {@code _id}. */
    static BsonDocument byId(String id) {
        return new BsonDocument(ID, new BsonString(id));
    }

    static String identityKey(String appId, Identity identity) {
        return appId + "/" + identity.providerType() + "/" + identity.id();
    }

    /**
     * The keys of the user's identities that logins name, {@code null} for none: an anonymous identity is made up by its
     * login and looked up by no other, so it needs no key, and a user without keys is left out of the identity index
     * (sparse), one index entry less per anonymous login.
     */
    private static BsonArray identityKeys(String appId, User user) {
        List<BsonString> keys = user.identities().stream()
                .filter(identity -> !Identity.ANONYMOUS.equals(identity.providerType()))
                .map(identity -> new BsonString(identityKey(appId, identity)))
                .toList();
        return keys.isEmpty() ? null : new BsonArray(keys);
    }

    static BsonDocument write(String appId, User user) {
        return document()
                .put(ID, user.id())
                .put(APP, appId)
                .put("type", AppState.NORMAL_USER.equals(user.type()) ? null : user.type())
                .put("disabled", user.disabled() ? BsonBoolean.TRUE : null)
                .putArray(
                        "identities",
                        user.identities().stream()
                                .map(identity -> write(appId, identity))
                                .toList())
                .put(IDENTITY_KEYS, identityKeys(appId, user))
                .put("customData", user.customData())
                .put("createdAt", user.createdAt())
                .build();
    }

    static BsonDocument write(String appId, Identity identity) {
        String providerType = identity.providerType();
        return document()
                .put("id", identity.id())
                .put("providerType", providerType)
                .put(
                        "providerId",
                        identity.providerId().equals(Identity.providerIdOf(appId, providerType))
                                ? null
                                : identity.providerId())
                .put("data", identity.data().isEmpty() ? null : identity.data())
                .build();
    }

    static User user(BsonDocument json) {
        String type = string(json, "type");
        // the data file of an earlier version gives every identity its provider id, and no app
        String appId = string(json, APP);
        return new User(
                requiredString(json, ID),
                type == null ? AppState.NORMAL_USER : type,
                bool(json, "disabled"),
                read(json, "identities", identity -> identity(appId, identity)),
                string(json, "customData"),
                number(json, "createdAt"));
    }

    private static Identity identity(String appId, BsonDocument json) {
        String providerType = requiredString(json, "providerType");
        String providerId = appId == null ? requiredString(json, "providerId") : string(json, "providerId");
        return new Identity(
                requiredString(json, "id"),
                providerType,
                providerId == null ? Identity.providerIdOf(appId, providerType) : providerId,
                strings(json, "data"));
    }

    static BsonDocument write(String appId, Account account) {
        return document()
                .put(ID, account.id())
                .put(APP, appId)
                .put("email", account.email())
                .put("passwordHash", account.passwordHash())
                .put("confirmed", account.confirmed())
                .build();
    }

    static Account account(BsonDocument json) {
        return new Account(
                requiredString(json, ID),
                requiredString(json, "email"),
                requiredString(json, "passwordHash"),
                bool(json, "confirmed"));
    }

    /** A pending token's id: one token per app, kind and email, so issuing a new one replaces the earlier one. */
    static String emailTokenId(String appId, String kind, String email) {
        return appId + "/" + kind + "/" + email;
    }

    static BsonDocument write(String appId, EmailToken token) {
        return document()
                .put(ID, emailTokenId(appId, token.kind(), token.email()))
                .put(APP, appId)
                .put("kind", token.kind())
                .put("email", token.email())
                .put("token", token.token())
                .put("tokenId", token.tokenId())
                .put("createdAt", token.createdAt())
                .build();
    }

    static EmailToken emailToken(BsonDocument json) {
        return new EmailToken(
                requiredString(json, "kind"),
                requiredString(json, "email"),
                requiredString(json, "token"),
                requiredString(json, "tokenId"),
                number(json, "createdAt"));
    }

    static BsonDocument write(String appId, ApiKey key) {
        return document()
                .put(ID, key.id())
                .put(APP, appId)
                .put("name", key.name())
                .put("keyHash", key.keyHash())
                .put("disabled", key.disabled())
                .put("userId", key.userId())
                .build();
    }

    static ApiKey apiKey(BsonDocument json) {
        return new ApiKey(
                requiredString(json, ID),
                requiredString(json, "name"),
                requiredString(json, "keyHash"),
                bool(json, "disabled"),
                requiredString(json, "userId"));
    }

    static BsonDocument write(String appId, Session session) {
        return document()
                .put(ID, session.id())
                .put(APP, appId)
                .put("userId", session.userId())
                .put("deviceId", session.deviceId())
                .put("expiresAt", session.expiresAt())
                .build();
    }

    static Session session(BsonDocument json) {
        return new Session(
                requiredString(json, ID),
                requiredString(json, "userId"),
                requiredString(json, "deviceId"),
                number(json, "expiresAt"));
    }

    private static long number(BsonDocument json, String key) {
        Long value = integer(json, key);
        return value == null ? 0 : value;
    }

    private static <T> List<T> read(BsonDocument json, String key, Function<BsonDocument, T> reader) {
        return documents(json, key).stream().map(reader).toList();
    }
}
