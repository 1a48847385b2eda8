package dev.appservices.emulator.internal.state;

import static dev.appservices.emulator.internal.json.DocumentReader.documents;
import static dev.appservices.emulator.internal.json.DocumentReader.requiredInteger;
import static dev.appservices.emulator.internal.json.DocumentReader.requiredString;

import dev.appservices.emulator.internal.state.Records.AppSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads the data file that emulators before the shared state store wrote ({@code emulator-state.json}): per app the
 * signing secret, the domain id and arrays of records whose fields are the {@link StateDocuments} fields with the
 * record's id under {@code id} instead of {@code _id}. Reading fails with {@link IllegalArgumentException} naming the
 * first field of the wrong type or missing. Stateless.
 */
final class StateCodec {

    private StateCodec() {}

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

    private static AppSnapshot snapshot(BsonDocument json) {
        return new AppSnapshot(
                requiredString(json, "signingSecret"),
                requiredString(json, "domainId"),
                records(json, "users", StateDocuments::user),
                records(json, "accounts", StateDocuments::account),
                records(json, "emailTokens", StateDocuments::emailToken),
                records(json, "apiKeys", StateDocuments::apiKey),
                records(json, "sessions", StateDocuments::session));
    }

    private static <T> List<T> records(BsonDocument json, String key, Function<BsonDocument, T> reader) {
        return documents(json, key).stream()
                .map(record -> {
                    try {
                        return reader.apply(withStoredId(record));
                    } catch (IllegalArgumentException e) {
                        // name the field as the file has it
                        throw new IllegalArgumentException(
                                e.getMessage().replace("'" + StateDocuments.ID + "'", "'id'"), e);
                    }
                })
                .toList();
    }

    /** The file's {@code id} under the store's {@code _id}; records without one (email tokens) stay as they are. */
    private static BsonDocument withStoredId(BsonDocument record) {
        BsonDocument stored = record.clone();
        BsonValue id = stored.remove("id");
        if (id != null) {
            stored.put(StateDocuments.ID, id);
        }
        return stored;
    }
}
