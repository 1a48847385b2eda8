package dev.appservices.extension.internal.sync;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import dev.appservices.mongo.Namespace;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local store of one synced database: one H2 MVStore file holding the documents (one map per collection, BSON by
 * canonical Extended JSON of the id), the outbox of changes to upload and the subscriptions; and, in memory, the same
 * documents in mongo-java-server's memory backend, which answers MongoDB queries, updates and aggregations
 * in-process (no socket), with {@link FieldIndex equality indexes} on the fields that queries name.
 *
 * <p>Transactions: auto-commit is off, every {@link #write} runs under one lock and ends with one MVStore commit, so
 * the documents and the outbox change together or not at all; MVStore keeps the last complete commit after a crash.
 * A failed write is rolled back to that commit, and the documents it touched are put back in memory from the file.
 * Reads take the same lock (they are in-memory and short).
 */
final class LocalStore implements AutoCloseable {

    private static final String OUTBOX = "$sync.outbox";
    private static final String META = "$sync.meta";
    private static final String SUBSCRIPTIONS = "subscriptions";
    private static final String NAMESPACES = "namespaces";
    private static final String DOCUMENTS = "documents/";
    private static final int LOAD_BATCH = 1000;
    /** Indexes per collection at most: each costs memory and time on every write. */
    private static final int MAX_INDEXES = 16;

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MVStore mvStore;
    private final MemoryBackend backend = new MemoryBackend();
    private final MVMap<Long, byte[]> outbox;
    private final MVMap<String, byte[]> meta;
    private final Map<Namespace, MVMap<String, byte[]>> documents = new HashMap<>();
    private final Map<Namespace, Map<String, FieldIndex>> indexes = new HashMap<>();
    /** The documents the running write changed: what a rollback must put back in memory. */
    private final Map<Namespace, Set<BsonValue>> touched = new HashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    // the engine keeps per-connection state by channel; an embedded channel has no socket and does no I/O
    private final EmbeddedChannel channel = new EmbeddedChannel();
    /** The decoded outbox, kept between its changes: server state is merged with it for every document. */
    private NavigableMap<Long, BsonDocument> pendingCache;

    private LocalStore(MVStore mvStore) {
        this.mvStore = mvStore;
        this.outbox = mvStore.openMap(OUTBOX);
        this.meta = mvStore.openMap(META);
        namespaces().forEach(this::load);
    }

    /** Puts the stored documents of a collection into the engine. */
    private void load(Namespace namespace) {
        List<BsonDocument> batch = new ArrayList<>();
        for (byte[] stored : documents(namespace).values()) {
            batch.add(decode(stored));
            if (batch.size() == LOAD_BATCH) {
                engineInsert(namespace, batch);
                batch.clear();
            }
        }
        engineInsert(namespace, batch);
    }

    /**
     * Opens (or creates) a store file.
     *
     * @param file the file
     * @param key  the file encryption key, or {@code null} for none
     */
    static LocalStore open(Path file, char[] key) {
        MVStore.Builder builder =
                new MVStore.Builder().fileName(file.toString()).autoCommitDisabled();
        if (key != null) {
            // H2's file encryption (AES in XTS mode)
            builder.encryptionKey(key);
        }
        LocalStore store;
        MVStore mvStore = builder.open();
        try {
            store = new LocalStore(mvStore);
        } catch (RuntimeException e) {
            mvStore.close();
            throw e;
        } finally {
            if (key != null) {
                Arrays.fill(key, '\0');
            }
        }
        store.mvStore.commit();
        return store;
    }

    /** Runs reads and writes as one local transaction. */
    <T> T write(Supplier<T> work) {
        lock.lock();
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                mvStore.rollback();
                pendingCache = null;
                reloadTouched();
                throw e;
            }
            mvStore.commit();
            return result;
        } finally {
            touched.clear();
            lock.unlock();
        }
    }

    /** Runs reads under the store's lock. */
    <T> T read(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    // --- documents ------------------------------------------------------------------------------------------------

    List<BsonDocument> find(
            Namespace namespace, BsonDocument filter, BsonDocument sort, BsonDocument projection, int limit) {
        Optional<List<BsonValue>> matches = indexedMatches(namespace, filter);
        if (matches.isPresent()) {
            if (matches.get().isEmpty()) {
                return List.of();
            }
            filter = new BsonDocument("_id", new BsonDocument("$in", new BsonArray(matches.get())));
        }
        BsonDocument command = command("find", namespace)
                .append("filter", filter)
                .append("batchSize", new BsonInt32(Integer.MAX_VALUE));
        if (sort != null) {
            command.append("sort", sort);
        }
        if (projection != null) {
            command.append("projection", projection);
        }
        if (limit > 0) {
            command.append("limit", new BsonInt32(limit));
        }
        return firstBatch(run(namespace, "find", command));
    }

    /** Runs an aggregation pipeline that does not write (the caller refuses {@code $out} and {@code $merge}). */
    List<BsonDocument> aggregate(Namespace namespace, BsonArray pipeline) {
        BsonDocument answer = run(
                namespace,
                "aggregate",
                command("aggregate", namespace)
                        .append("pipeline", pipeline)
                        .append("cursor", new BsonDocument("batchSize", new BsonInt32(Integer.MAX_VALUE))));
        return firstBatch(answer);
    }

    /** The results of a cursor command asked for with a batch size that fits them all. */
    private static List<BsonDocument> firstBatch(BsonDocument answer) {
        List<BsonDocument> documents = new ArrayList<>();
        answer.getDocument("cursor").getArray("firstBatch").forEach(value -> documents.add(value.asDocument()));
        return documents;
    }

    Optional<BsonDocument> byId(Namespace namespace, BsonValue id) {
        return find(namespace, new BsonDocument("_id", id), null, null, 1).stream()
                .findFirst();
    }

    /** Counts the documents that match, up to {@code limit} (0: no limit). */
    long count(Namespace namespace, BsonDocument filter, long limit) {
        Optional<List<BsonValue>> matches = indexedMatches(namespace, filter);
        if (matches.isPresent()) {
            long count = matches.get().size();
            return limit > 0 ? Math.min(count, limit) : count;
        }
        BsonDocument command = command("count", namespace).append("query", filter);
        if (limit > 0) {
            command.append("limit", new BsonInt64(limit));
        }
        BsonDocument answer = run(namespace, "count", command);
        return answer.get("n").asNumber().longValue();
    }

    /**
     * The ids of the documents that match a filter with an equality on a field, found through its index (built on
     * first use) and checked with the engine's matcher; empty when the filter has no such equality.
     */
    private Optional<List<BsonValue>> indexedMatches(Namespace namespace, BsonDocument filter) {
        Optional<Map.Entry<String, BsonValue>> equality = FieldIndex.equalityOf(filter);
        if (equality.isEmpty()) {
            return Optional.empty();
        }
        Map<String, FieldIndex> byField = indexes.computeIfAbsent(namespace, n -> new HashMap<>());
        FieldIndex index = byField.get(equality.get().getKey());
        if (index == null) {
            if (byField.size() == MAX_INDEXES) {
                return Optional.empty();
            }
            index = new FieldIndex(equality.get().getKey());
            for (byte[] stored : documents(namespace).values()) {
                RawBsonDocument document = new RawBsonDocument(stored);
                index.put(document.get("_id"), document);
            }
            byField.put(equality.get().getKey(), index);
        }
        Matcher matcher = Matcher.anyOf(List.of(filter));
        MVMap<String, byte[]> stored = documents(namespace);
        List<BsonValue> matches = new ArrayList<>();
        for (BsonValue id : index.candidates(equality.get().getValue())) {
            if (matcher.matches(new RawBsonDocument(stored.get(key(id))))) {
                matches.add(id);
            }
        }
        return Optional.of(matches);
    }

    /** Inserts documents with their ids; call inside {@link #write}. */
    void insert(Namespace namespace, List<BsonDocument> documents) {
        documents.forEach(document -> touch(namespace, document.get("_id")));
        engineInsert(namespace, documents);
        documents.forEach(document -> stored(namespace, document));
    }

    private void engineInsert(Namespace namespace, List<BsonDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BsonDocument answer =
                run(namespace, "insert", command("insert", namespace).append("documents", new BsonArray(documents)));
        requireNoWriteErrors(answer);
    }

    /** Applies update operators to the document of an id; call inside {@link #write}. */
    void update(Namespace namespace, BsonValue id, BsonDocument update) {
        touch(namespace, id);
        updateCommand(namespace, new BsonDocument("_id", id), update, false);
        byId(namespace, id).ifPresent(document -> stored(namespace, document));
    }

    /** Stores a whole document, replacing the one of its id; call inside {@link #write}. */
    void put(Namespace namespace, BsonDocument document) {
        touch(namespace, document.get("_id"));
        enginePut(namespace, document);
        stored(namespace, document);
    }

    private void enginePut(Namespace namespace, BsonDocument document) {
        updateCommand(namespace, new BsonDocument("_id", document.get("_id")), document, true);
    }

    /**
     * Inserts the document an upsert of {@code update} (operators or a replacement) makes from {@code filter}; call
     * only when no document matches, inside {@link #write}.
     *
     * @return the new document's id
     */
    BsonValue upsert(Namespace namespace, BsonDocument filter, BsonDocument update) {
        BsonValue id = updateCommand(namespace, filter, update, true)
                .getArray("upserted")
                .get(0)
                .asDocument()
                .get("_id");
        touch(namespace, id);
        stored(namespace, byId(namespace, id).orElseThrow());
        return id;
    }

    /** Deletes the document of an id; call inside {@link #write}. */
    void delete(Namespace namespace, BsonValue id) {
        touch(namespace, id);
        engineDelete(namespace, id);
        documents(namespace).remove(key(id));
        indexesOf(namespace).forEach(index -> index.remove(id));
    }

    private void engineDelete(Namespace namespace, BsonValue id) {
        BsonDocument answer = run(
                namespace,
                "delete",
                command("delete", namespace)
                        .append(
                                "deletes",
                                new BsonArray(List.of(new BsonDocument("q", new BsonDocument("_id", id))
                                        .append("limit", new BsonInt32(1))))));
        requireNoWriteErrors(answer);
    }

    /** Writes a document's new state to the file's map and the indexes. */
    private void stored(Namespace namespace, BsonDocument document) {
        BsonValue id = document.get("_id");
        touch(namespace, id);
        documents(namespace).put(key(id), bytes(document));
        indexesOf(namespace).forEach(index -> index.put(id, document));
    }

    private void touch(Namespace namespace, BsonValue id) {
        touched.computeIfAbsent(namespace, n -> new LinkedHashSet<>()).add(id);
    }

    /**
     * After a rollback, makes the engine and the indexes hold again what the file holds for every document the
     * failed write touched (the engine changes its documents in place and has no rollback of its own).
     */
    private void reloadTouched() {
        touched.forEach((namespace, ids) -> {
            for (BsonValue id : ids) {
                byte[] stored = documents(namespace).get(key(id));
                if (stored == null) {
                    engineDelete(namespace, id);
                    indexesOf(namespace).forEach(index -> index.remove(id));
                } else {
                    BsonDocument document = decode(stored);
                    enginePut(namespace, document);
                    indexesOf(namespace).forEach(index -> index.put(id, document));
                }
            }
        });
    }

    private MVMap<String, byte[]> documents(Namespace namespace) {
        return documents.computeIfAbsent(
                namespace, n -> mvStore.openMap(DOCUMENTS + n.database() + "/" + n.collection()));
    }

    private Iterable<FieldIndex> indexesOf(Namespace namespace) {
        return indexes.getOrDefault(namespace, Map.of()).values();
    }

    /** The key of an id in a collection's map: its canonical Extended JSON, which tells every BSON type apart. */
    private static String key(BsonValue id) {
        return new BsonDocument("_id", id).toJson(CANONICAL);
    }

    private BsonDocument updateCommand(Namespace namespace, BsonDocument query, BsonDocument update, boolean upsert) {
        BsonDocument answer = run(
                namespace,
                "update",
                command("update", namespace)
                        .append(
                                "updates",
                                new BsonArray(List.of(new BsonDocument("q", query)
                                        .append("u", update)
                                        .append("upsert", BsonBoolean.valueOf(upsert))))));
        requireNoWriteErrors(answer);
        return answer;
    }

    private static BsonDocument command(String name, Namespace namespace) {
        return new BsonDocument(name, new BsonString(namespace.collection()));
    }

    private BsonDocument run(Namespace namespace, String name, BsonDocument command) {
        command.append("$db", new BsonString(namespace.database()));
        try {
            MongoDatabase database = backend.resolveDatabase(namespace.database());
            Document answer = database.handleCommand(
                    channel, name, BsonBridge.toEngine(command), backend::resolveDatabase, NoopOplog.get());
            return BsonBridge.toBson(answer);
        } catch (MongoServerException e) {
            throw SyncMessages.localOperationFailed(namespace, name, e.getMessageWithoutErrorCode());
        }
    }

    private static void requireNoWriteErrors(BsonDocument answer) {
        if (answer.containsKey("writeErrors")) {
            BsonDocument first = answer.getArray("writeErrors").get(0).asDocument();
            throw SyncMessages.localWriteFailed(
                    first.getString("errmsg", new BsonString("")).getValue());
        }
    }

    // --- outbox ---------------------------------------------------------------------------------------------------

    /** Appends an entry; call inside {@link #write}. */
    long enqueue(BsonDocument entry) {
        Long last = outbox.lastKey();
        long sequence = last == null ? lastAcknowledged() + 1 : last + 1;
        outbox.put(sequence, bytes(entry));
        pendingCache = null;
        return sequence;
    }

    /** The entries not yet acknowledged, by sequence number. */
    NavigableMap<Long, BsonDocument> pending() {
        return read(() -> {
            if (pendingCache == null) {
                NavigableMap<Long, BsonDocument> entries = new TreeMap<>();
                for (Map.Entry<Long, byte[]> entry : outbox.entrySet()) {
                    entries.put(entry.getKey(), decode(entry.getValue()));
                }
                pendingCache = Collections.unmodifiableNavigableMap(entries);
            }
            return pendingCache;
        });
    }

    /** Removes an acknowledged entry; call inside {@link #write}. */
    void acknowledge(long sequence) {
        outbox.remove(sequence);
        pendingCache = null;
        meta.put(
                "acknowledged",
                bytes(new BsonDocument("sequence", new BsonInt64(Math.max(sequence, lastAcknowledged())))));
    }

    /** The highest sequence number handed out so far. */
    long lastSequence() {
        return read(() -> {
            Long last = outbox.lastKey();
            return last == null ? lastAcknowledged() : last;
        });
    }

    private long lastAcknowledged() {
        byte[] stored = meta.get("acknowledged");
        return stored == null
                ? 0
                : new RawBsonDocument(stored).getInt64("sequence").getValue();
    }

    // --- subscriptions --------------------------------------------------------------------------------------------

    Optional<BsonArray> subscriptions() {
        return read(() -> Optional.ofNullable(meta.get(SUBSCRIPTIONS))
                .map(stored -> decode(stored).getArray("list")));
    }

    /** Stores the subscriptions; call inside {@link #write}. */
    void storeSubscriptions(BsonArray list) {
        meta.put(SUBSCRIPTIONS, bytes(new BsonDocument("list", list)));
    }

    /** The namespaces any subscription ever named: where local documents may be. */
    List<Namespace> namespaces() {
        return read(() -> {
            List<Namespace> namespaces = new ArrayList<>();
            byte[] stored = meta.get(NAMESPACES);
            if (stored != null) {
                for (BsonValue value : decode(stored).getArray("list")) {
                    BsonDocument namespace = value.asDocument();
                    namespaces.add(new Namespace(
                            namespace.getString("db").getValue(),
                            namespace.getString("coll").getValue()));
                }
            }
            return namespaces;
        });
    }

    /** Remembers a namespace; call inside {@link #write}. */
    void rememberNamespace(Namespace namespace) {
        if (namespaces().contains(namespace)) {
            return;
        }
        byte[] stored = meta.get(NAMESPACES);
        BsonArray list = stored == null ? new BsonArray() : decode(stored).getArray("list");
        list.add(new BsonDocument("db", new BsonString(namespace.database()))
                .append("coll", new BsonString(namespace.collection())));
        meta.put(NAMESPACES, bytes(new BsonDocument("list", list)));
    }

    private static BsonDocument decode(byte[] stored) {
        return new RawBsonDocument(stored).decode(new BsonDocumentCodec());
    }

    private static byte[] bytes(BsonDocument document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new BsonDocumentCodec()
                .encode(
                        new BsonBinaryWriter(buffer),
                        document,
                        EncoderContext.builder().build());
        return buffer.toByteArray();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            backend.close();
            channel.close();
            if (!mvStore.isClosed()) {
                mvStore.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
