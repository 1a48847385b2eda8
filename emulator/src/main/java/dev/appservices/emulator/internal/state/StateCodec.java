package dev.appservices.emulator.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import dev.appservices.emulator.internal.json.DocumentBuilder;
import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import dev.appservices.emulator.internal.state.Records.AppSnapshot;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.User;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;
import static dev.appservices.emulator.internal.json.DocumentReader.bool;
import static dev.appservices.emulator.internal.json.DocumentReader.documents;
import static dev.appservices.emulator.internal.json.DocumentReader.integer;
import static dev.appservices.emulator.internal.json.DocumentReader.requiredInteger;
import static dev.appservices.emulator.internal.json.DocumentReader.requiredString;
import static dev.appservices.emulator.internal.json.DocumentReader.string;
import static dev.appservices.emulator.internal.json.DocumentReader.strings;

/**
 * The data file's JSON form of the {@link Records}: one field per record component, under the component's name, and
 * {@code null} components left out. Reading fails with {@link IllegalArgumentException} naming the first field of
 * the wrong type or missing. Stateless.
 */
final class StateCodec {

    private StateCodec() {
    }

    static BsonDocument write(int version, Map<String, AppSnapshot> apps) {
        DocumentBuilder byId = document();
        apps.forEach((appId, snapshot) -> byId.put(appId, write(snapshot)));
        return document().put("version", (long) version).put("apps", byId.build()).build();
    }

    /** The format version of a file's content. */
    static long version(BsonDocument file) {
        return requiredInteger(file, "version");
    }

    static Map<String, AppSnapshot> apps(BsonDocument file) {
        BsonValue apps = file.get("apps");
        if (apps == null || !apps.isDocument()) {
            throw new IllegalArgumentException("'apps' must be an object");
        }
        Map<String, AppSnapshot> result = new LinkedHashMap<>();
        apps.asDocument().forEach((appId, snapshot) -> {
            if (!snapshot.isDocument()) {
                throw new IllegalArgumentException("'apps." + appId + "' must be an object");
            }
            result.put(appId, snapshot(snapshot.asDocument()));
        });
        return result;
    }

    private static BsonDocument write(AppSnapshot snapshot) {
        return document().put("signingSecret", snapshot.signingSecret()).put("domainId", snapshot.domainId())
                .putArray("users", each(snapshot.users(), StateCodec::write))
                .putArray("accounts", each(snapshot.accounts(), account -> document().put("id", account.id())
                        .put("email", account.email()).put("passwordHash", account.passwordHash())
                        .put("confirmed", account.confirmed()).build()))
                .putArray("emailTokens", each(snapshot.emailTokens(), token -> document().put("kind", token.kind())
                        .put("email", token.email()).put("token", token.token()).put("tokenId", token.tokenId())
                        .put("createdAt", token.createdAt()).build()))
                .putArray("apiKeys", each(snapshot.apiKeys(), key -> document().put("id", key.id())
                        .put("name", key.name()).put("keyHash", key.keyHash()).put("disabled", key.disabled())
                        .put("userId", key.userId()).build()))
                .putArray("sessions", each(snapshot.sessions(), session -> document().put("id", session.id())
                        .put("userId", session.userId()).put("deviceId", session.deviceId())
                        .put("expiresAt", session.expiresAt()).build()))
                .build();
    }

    private static BsonDocument write(User user) {
        return document().put("id", user.id()).put("type", user.type()).put("disabled", user.disabled())
                .putArray("identities", each(user.identities(), identity -> document().put("id", identity.id())
                        .put("providerType", identity.providerType()).put("providerId", identity.providerId())
                        .put("data", identity.data()).build()))
                .put("customData", user.customData()).put("createdAt", user.createdAt()).build();
    }

    private static AppSnapshot snapshot(BsonDocument json) {
        return new AppSnapshot(requiredString(json, "signingSecret"), requiredString(json, "domainId"),
                read(json, "users", user -> new User(requiredString(user, "id"), requiredString(user, "type"),
                        bool(user, "disabled"), read(user, "identities", identity -> new Identity(
                                requiredString(identity, "id"), requiredString(identity, "providerType"),
                                requiredString(identity, "providerId"), strings(identity, "data"))),
                        string(user, "customData"), number(user, "createdAt"))),
                read(json, "accounts", account -> new Account(requiredString(account, "id"),
                        requiredString(account, "email"), requiredString(account, "passwordHash"),
                        bool(account, "confirmed"))),
                read(json, "emailTokens", token -> new EmailToken(requiredString(token, "kind"),
                        requiredString(token, "email"), requiredString(token, "token"),
                        requiredString(token, "tokenId"), number(token, "createdAt"))),
                read(json, "apiKeys", key -> new ApiKey(requiredString(key, "id"), requiredString(key, "name"),
                        requiredString(key, "keyHash"), bool(key, "disabled"), requiredString(key, "userId"))),
                read(json, "sessions", session -> new Session(requiredString(session, "id"),
                        requiredString(session, "userId"), requiredString(session, "deviceId"),
                        number(session, "expiresAt"))));
    }

    private static long number(BsonDocument json, String key) {
        Long value = integer(json, key);
        return value == null ? 0 : value;
    }

    private static <T> List<BsonDocument> each(List<T> records, Function<T, BsonDocument> writer) {
        return records.stream().map(writer).toList();
    }

    private static <T> List<T> read(BsonDocument json, String key, Function<BsonDocument, T> reader) {
        return documents(json, key).stream().map(reader).toList();
    }
}
