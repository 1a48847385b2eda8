package dev.appservices.extension.internal.metadata;

import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The JSON form of a {@link MetadataSnapshot}, format version {@value #VERSION} (documented in
 * {@code docs/metadata.adoc}): the content of the {@code NO_ENCRYPTION} file and the plaintext sealed in the
 * {@code ENCRYPTION} file.
 * <p>
 * Written and parsed with {@code org.bson} ({@link Document}, relaxed Extended JSON, indented), so the file stays
 * readable by people and profile values keep their BSON types. Only what a restart needs is written: removed users
 * are left out, and tokens only for logged-in users. Reading is strict: a missing or mistyped field makes the whole
 * file invalid rather than silently dropping a user. Stateless.
 */
final class MetadataJson {

    /** The value of the top-level {@code format} field, which tells a metadata file from any other JSON. */
    static final String FORMAT = "appservices-metadata";

    /** The schema version written by, and the newest one readable by, this class. */
    static final int VERSION = 1;

    private static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED)
            .indent(true)
            .build();

    private MetadataJson() {}

    static byte[] encode(MetadataSnapshot snapshot) {
        return new Encoder().encode(snapshot);
    }

    /**
     * Encodes the snapshots of one store one after the other, reusing the JSON of each user that is the same object
     * as in the previous snapshot (snapshots share their unchanged users), so that a change costs the encoding of
     * the users it changed, not of every stored user. The output is exactly what {@link Document#toJson} gives for
     * the whole document: the users' JSON is written at their indentation in it. Not thread-safe.
     */
    static final class Encoder {

        /** A user's JSON as an element of the {@code users} array: two levels deeper than a document of its own. */
        private static final String ELEMENT_INDENT = "\n    ";

        private Map<StoredUser, byte[]> previous = new IdentityHashMap<>();
        private int previousLength = 256;

        byte[] encode(MetadataSnapshot snapshot) {
            // the current user is only kept if it is written too (a removed current user is no current user)
            Optional<String> current = snapshot.currentUserId()
                    .filter(id -> snapshot.user(id)
                            .filter(user -> user.state() != UserState.REMOVED)
                            .isPresent());
            String header = new Document("format", FORMAT)
                    .append("version", VERSION)
                    .append("currentUser", current.orElse(null))
                    .toJson(SETTINGS);
            // sized for the previous snapshot, so that the usual change copies the bytes once
            ByteArrayOutputStream out = new ByteArrayOutputStream(previousLength + 1024);
            // the header without its closing "\n}", continued by the users array
            out.writeBytes(utf8(header.substring(0, header.length() - 2) + ",\n  \"users\": ["));
            Map<StoredUser, byte[]> written = new IdentityHashMap<>();
            for (StoredUser user : snapshot.users()) {
                if (user.state() == UserState.REMOVED) {
                    continue;
                }
                byte[] json = previous.get(user);
                if (json == null) {
                    json = utf8(MetadataJson.encode(user).toJson(SETTINGS).replace("\n", ELEMENT_INDENT));
                }
                out.writeBytes(utf8(written.isEmpty() ? ELEMENT_INDENT : "," + ELEMENT_INDENT));
                out.writeBytes(json);
                written.put(user, json);
            }
            out.writeBytes(utf8(written.isEmpty() ? "]\n}" : "\n  ]\n}"));
            previous = written;
            previousLength = out.size();
            return out.toByteArray();
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Document encode(StoredUser user) {
        Document json =
                new Document("id", user.id()).append("state", user.state().name());
        if (user.state() == UserState.LOGGED_IN) {
            user.accessToken().ifPresent(token -> json.append("accessToken", token));
            user.refreshToken().ifPresent(token -> json.append("refreshToken", token));
        }
        user.deviceId().ifPresent(deviceId -> json.append("deviceId", deviceId));
        List<Document> identities = new ArrayList<>();
        for (UserIdentity identity : user.identities()) {
            identities.add(new Document("id", identity.id()).append("providerType", identity.providerType()));
        }
        return json.append("profile", user.profile()).append("identities", identities);
    }

    /**
     * Parses a file's content.
     *
     * @throws dev.appservices.MetadataIntegrityException naming {@code file} if the content is not valid JSON of a
     *                                                     supported version of this format
     */
    static MetadataSnapshot decode(byte[] content, StoredItem file) {
        Document root = parse(content, file);
        Fields fields = new Fields(root, "", file);
        if (!FORMAT.equals(root.get("format"))) {
            throw MetadataMessages.malformed(
                    file, "it is not a metadata file (field 'format' is not '" + FORMAT + "')");
        }
        int version = fields.integer("version");
        if (version != VERSION) {
            throw MetadataMessages.unsupportedVersion(file, "format", version, VERSION);
        }
        List<StoredUser> users = new ArrayList<>();
        List<Document> userDocuments = fields.documents("users");
        for (int i = 0; i < userDocuments.size(); i++) {
            users.add(decodeUser(new Fields(userDocuments.get(i), "users[" + i + "].", file)));
        }
        Optional<String> current = fields.optionalString("currentUser");
        if (current.isPresent() && users.stream().noneMatch(user -> user.id().equals(current.get()))) {
            throw MetadataMessages.malformed(file, "field 'currentUser' names no stored user");
        }
        return new MetadataSnapshot(users, current);
    }

    private static StoredUser decodeUser(Fields user) {
        UserState state = user.state("state");
        List<UserIdentity> identities = new ArrayList<>();
        List<Document> identityDocuments = user.documents("identities");
        for (int i = 0; i < identityDocuments.size(); i++) {
            Fields identity = user.nested(identityDocuments.get(i), "identities[" + i + "].");
            identities.add(new UserIdentity(identity.string("id"), identity.string("providerType")));
        }
        return new StoredUser(
                user.string("id"),
                state,
                user.optionalString("accessToken"),
                user.optionalString("refreshToken"),
                user.optionalString("deviceId"),
                user.document("profile"),
                identities);
    }

    private static Document parse(byte[] content, StoredItem file) {
        String json;
        try {
            // strict decoding: a damaged byte must not be replaced by U+FFFD and accepted
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw MetadataMessages.malformed(file, "it is not UTF-8 text");
        }
        try {
            return Document.parse(json);
        } catch (RuntimeException e) {
            // the parser's message quotes the text it failed on (possibly a token): it is not passed on
            throw MetadataMessages.malformed(file, "it is not a complete JSON document");
        }
    }

    /** Typed access to the fields of one JSON object; failures name the field by its path, never its value. */
    private static final class Fields {

        private final Document document;
        private final String prefix;
        private final StoredItem file;

        Fields(Document document, String prefix, StoredItem file) {
            this.document = document;
            this.prefix = prefix;
            this.file = file;
        }

        Fields nested(Document child, String childPrefix) {
            return new Fields(child, prefix + childPrefix, file);
        }

        String string(String name) {
            return optionalString(name).orElseThrow(() -> missing(name, "a string"));
        }

        Optional<String> optionalString(String name) {
            Object value = document.get(name);
            if (value == null || value instanceof String) {
                return Optional.ofNullable((String) value);
            }
            throw missing(name, "a string");
        }

        int integer(String name) {
            Object value = document.get(name);
            if (value instanceof Integer) {
                return (Integer) value;
            }
            throw missing(name, "an integer");
        }

        Document document(String name) {
            Object value = document.get(name);
            if (value instanceof Document) {
                return (Document) value;
            }
            throw missing(name, "an object");
        }

        List<Document> documents(String name) {
            Object value = document.get(name);
            if (!(value instanceof List)) {
                throw missing(name, "an array of objects");
            }
            List<Document> documents = new ArrayList<>();
            for (Object element : (List<?>) value) {
                if (!(element instanceof Document)) {
                    throw missing(name, "an array of objects");
                }
                documents.add((Document) element);
            }
            return documents;
        }

        UserState state(String name) {
            String value = string(name);
            if (value.equals(UserState.LOGGED_IN.name()) || value.equals(UserState.LOGGED_OUT.name())) {
                return UserState.valueOf(value);
            }
            throw missing(name, "LOGGED_IN or LOGGED_OUT");
        }

        private RuntimeException missing(String name, String expected) {
            return MetadataMessages.malformed(file, "field '" + prefix + name + "' is missing or not " + expected);
        }
    }
}
