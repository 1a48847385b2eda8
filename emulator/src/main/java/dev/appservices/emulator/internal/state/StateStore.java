package dev.appservices.emulator.internal.state;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.Records.AppSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.json.JsonParseException;
import org.bson.types.ObjectId;

/**
 * The emulator's state database, shared by every emulator process that uses the same MongoDB deployment: opens it
 * (indexes, deletions left unfinished by a process that died), gives each app its {@link AppState}, removes expired
 * sessions ({@link SessionSweeper}) until it is closed, and moves the data file of emulators before the state
 * database ({@code <data-dir>/emulator-state.json}) into it once. Thread-safe.
 */
public final class StateStore implements AutoCloseable {

    static final String FILE_NAME = "emulator-state.json";
    static final String MIGRATED_SUFFIX = ".migrated";
    private static final int FORMAT_VERSION = 1;

    private final StateCollections collections;
    private final boolean owned;
    private final Clock clock;
    private final SessionSweeper sweeper;
    private final WriteBehind writes;

    private StateStore(
            StateCollections collections, boolean owned, Clock clock, SessionSweeper sweeper, WriteBehind writes) {
        this.collections = collections;
        this.owned = owned;
        this.clock = clock;
        this.sweeper = sweeper;
        this.writes = writes;
    }

    /**
     * Opens the state kept in a database.
     *
     * @param owned whether no other process uses the store (the embedded one), so that this emulator may keep the
     *     sessions it checked in memory
     * @param clock the apps' time
     */
    public static StateStore open(MongoDatabase database, boolean owned, Clock clock) {
        StateCollections collections = StateCollections.in(database);
        collections.createIndexes();
        collections.finishInterruptedDeletions();
        return new StateStore(
                collections,
                owned,
                clock,
                SessionSweeper.start(collections.sessions(), clock),
                owned ? WriteBehind.owned(collections, WriteBehind.DELAY) : WriteBehind.none(collections));
    }

    /**
     * Stops removing expired sessions and writes the logins' queued inserts (see {@link WriteBehind}); the database
     * itself belongs to the data layer.
     */
    @Override
    public void close() {
        sweeper.close();
        writes.close();
    }

    /**
     * The state of an app. The first process to ask creates the app's signing secret and domain id; every other
     * process reads the same ones, so all of them sign and verify the same tokens.
     */
    public AppState stateFor(String appId) {
        String secret =
                Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(PasswordHasher.randomSecret(32)));
        BsonDocument created = document()
                .put("signingSecret", secret)
                .put("domainId", new ObjectId().toHexString())
                .build();
        BsonDocument byId = new BsonDocument(StateDocuments.ID, new BsonString(appId));
        BsonDocument app;
        try {
            app = collections
                    .apps()
                    .findOneAndUpdate(
                            byId,
                            new BsonDocument("$setOnInsert", created),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another process inserted it between this upsert's lookup and its insert
            app = collections.apps().find(byId).first();
        }
        return new AppState(
                appId,
                app.getString("signingSecret").getValue(),
                app.getString("domainId").getValue(),
                collections,
                owned ? StateCache.owned() : StateCache.none(),
                writes,
                clock);
    }

    /**
     * Moves the data file of an emulator before the state database into it, if the directory holds one: the file's
     * apps replace what the database holds for them (so an import that a crash interrupted is simply repeated), then
     * the file is renamed to {@code emulator-state.json.migrated} and never read again. Expired sessions are left
     * behind.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0520} if the file cannot be read (it is left
     *     untouched), {@code APPSVC0521} if it cannot be renamed
     */
    public void migrate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        Map<String, AppSnapshot> apps;
        try {
            BsonDocument content = JsonSupport.parseDocument(Files.readString(file, StandardCharsets.UTF_8));
            if (StateCodec.version(content) != FORMAT_VERSION) {
                throw new IOException("unsupported format (expected version " + FORMAT_VERSION + ")");
            }
            apps = StateCodec.apps(content);
        } catch (IOException | JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            throw Messages.dataUnreadable(file, e);
        }
        apps.forEach(this::replace);
        try {
            Path migrated = file.resolveSibling(FILE_NAME + MIGRATED_SUFFIX);
            try {
                Files.move(file, migrated, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, migrated, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw Messages.dataUnwritable(file, e);
        }
    }

    private void replace(String appId, AppSnapshot snapshot) {
        BsonDocument ofApp = new BsonDocument(StateDocuments.APP, new BsonString(appId));
        collections.recordCollections().forEach(collection -> collection.deleteMany(ofApp));
        collections
                .apps()
                .replaceOne(
                        new BsonDocument(StateDocuments.ID, new BsonString(appId)),
                        document()
                                .put(StateDocuments.ID, appId)
                                .put("signingSecret", snapshot.signingSecret())
                                .put("domainId", snapshot.domainId())
                                .build(),
                        new ReplaceOptions().upsert(true));
        long now = clock.millis();
        insert(collections.users(), appId, snapshot.users(), StateDocuments::write);
        insert(collections.accounts(), appId, snapshot.accounts(), StateDocuments::write);
        insert(collections.emailTokens(), appId, snapshot.emailTokens(), StateDocuments::write);
        insert(collections.apiKeys(), appId, snapshot.apiKeys(), StateDocuments::write);
        insert(
                collections.sessions(),
                appId,
                snapshot.sessions().stream()
                        .filter(session -> session.expiresAt() > now)
                        .toList(),
                StateDocuments::write);
    }

    private static <T> void insert(
            MongoCollection<BsonDocument> collection,
            String appId,
            List<T> records,
            BiFunction<String, T, BsonDocument> writer) {
        if (!records.isEmpty()) {
            collection.insertMany(
                    records.stream().map(record -> writer.apply(appId, record)).toList());
        }
    }
}
