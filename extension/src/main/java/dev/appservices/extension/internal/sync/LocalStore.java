package dev.appservices.extension.internal.sync;

import dev.appservices.mongo.Namespace;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The local store of one synced database: one H2 MVStore file holding the documents of each collection (see
 * {@link LocalCollection}), the outbox of changes to upload and the subscriptions, with one {@link QueryEngine} for
 * the queries that need it.
 *
 * <p>Transactions: auto-commit is off, every {@link #write} runs under one lock and ends with one MVStore commit, so
 * the documents and the outbox change together or not at all; MVStore keeps the last complete commit after a crash.
 * A failed write is rolled back to that commit, in memory as well. Reads take the same lock (they are in-memory and
 * short).
 */
final class LocalStore implements AutoCloseable {

    private static final String OUTBOX = "$sync.outbox";
    private static final String META = "$sync.meta";
    private static final String SUBSCRIPTIONS = "subscriptions";
    private static final String NAMESPACES = "namespaces";
    private static final String DOCUMENTS = "docs/";
    /** The documents of the layout before, whose keys were written another way: dropped, and downloaded again. */
    private static final String FORMER_DOCUMENTS = "documents/";

    /** Stateless once built, and building one looks up a codec for every BSON type: one for every document. */
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private static final EncoderContext ENCODER_CONTEXT =
            EncoderContext.builder().build();
    /** The first buffer of an encoding; it grows as a document needs (the default, 1 KiB, is mostly unused). */
    private static final int ENCODING_BUFFER = 256;
    /** Where the first field ends in BSON bytes that begin with an ObjectId {@code _id}. */
    private static final int OBJECT_ID_FIELD_END = 4 + 1 + 4 + 12;

    private final MVStore mvStore;
    private final QueryEngine engine = new QueryEngine();
    private final MVMap<Long, byte[]> outbox;
    private final MVMap<String, byte[]> meta;
    private final Map<Namespace, LocalCollection> collections = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** The outbox decoded, changed along with it: server state is merged with it for every document. */
    private NavigableMap<Long, BsonDocument> pendingEntries;
    /** A copy of {@link #pendingEntries} handed to readers, made again after a change. */
    private NavigableMap<Long, BsonDocument> pendingSnapshot;

    private LocalStore(MVStore mvStore) {
        this.mvStore = mvStore;
        this.outbox = mvStore.openMap(OUTBOX);
        this.meta = mvStore.openMap(META);
        for (String name : mvStore.getMapNames()) {
            if (name.startsWith(FORMER_DOCUMENTS)) {
                mvStore.removeMap(name);
            }
        }
        decodeOutbox();
    }

    private void decodeOutbox() {
        pendingEntries = new TreeMap<>();
        for (Map.Entry<Long, byte[]> entry : outbox.entrySet()) {
            pendingEntries.put(entry.getKey(), decode(entry.getValue()));
        }
        pendingSnapshot = null;
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
        try {
            store = new LocalStore(builder.open());
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
                decodeOutbox();
                collections.values().forEach(LocalCollection::rolledBack);
                throw e;
            }
            mvStore.commit();
            collections.values().forEach(LocalCollection::committed);
            return result;
        } finally {
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

    /** The documents of a collection; use them inside {@link #read} or {@link #write}. */
    LocalCollection collection(Namespace namespace) {
        return collections.computeIfAbsent(
                namespace,
                n -> new LocalCollection(
                        n,
                        mvStore.openMap(
                                DOCUMENTS + n.database() + "/" + n.collection(),
                                new MVMap.Builder<String, byte[]>()
                                        .keyType(Utf8KeyType.INSTANCE)
                                        .valueType(ByteArrayDataType.INSTANCE)),
                        engine));
    }

    /**
     * Runs an aggregation pipeline that does not write (the caller refuses {@code $out} and {@code $merge}) on a
     * collection; the local collections its {@code $lookup} and {@code $graphLookup} stages read are put in the engine
     * first.
     */
    List<BsonDocument> aggregate(Namespace namespace, BsonArray pipeline) {
        Set<String> joined = new HashSet<>();
        collectJoined(pipeline, joined);
        namespaces().stream()
                .filter(other -> other.database().equals(namespace.database()) && joined.contains(other.collection()))
                .forEach(other -> collection(other).engine());
        return collection(namespace).engine().aggregate(namespace, pipeline);
    }

    /** Adds the {@code from} of every {@code $lookup} and {@code $graphLookup}, also in nested pipelines. */
    private static void collectJoined(BsonValue value, Set<String> joined) {
        if (value.isArray()) {
            value.asArray().forEach(element -> collectJoined(element, joined));
        } else if (value.isDocument()) {
            value.asDocument().forEach((key, nested) -> {
                if ((key.equals("$lookup") || key.equals("$graphLookup"))
                        && nested.isDocument()
                        && nested.asDocument().isString("from")) {
                    joined.add(nested.asDocument().getString("from").getValue());
                }
                collectJoined(nested, joined);
            });
        }
    }

    // --- outbox ---------------------------------------------------------------------------------------------------

    /** Appends an entry; call inside {@link #write}. */
    long enqueue(BsonDocument entry) {
        Long last = outbox.lastKey();
        long sequence = last == null ? lastAcknowledged() + 1 : last + 1;
        outbox.put(sequence, bytes(entry));
        pendingEntries.put(sequence, entry);
        pendingSnapshot = null;
        return sequence;
    }

    /** The entries not yet acknowledged, by sequence number. */
    NavigableMap<Long, BsonDocument> pending() {
        return read(() -> {
            if (pendingSnapshot == null) {
                pendingSnapshot = Collections.unmodifiableNavigableMap(new TreeMap<>(pendingEntries));
            }
            return pendingSnapshot;
        });
    }

    /** Removes acknowledged entries; call inside {@link #write}. */
    void acknowledge(Collection<Long> sequences) {
        long highest = lastAcknowledged();
        for (long sequence : sequences) {
            pendingEntries.remove(sequence);
            highest = Math.max(highest, sequence);
        }
        if (pendingEntries.isEmpty()) {
            // an upload usually answers the whole outbox: one operation instead of one per entry
            outbox.clear();
        } else {
            sequences.forEach(outbox::remove);
        }
        pendingSnapshot = null;
        meta.put("acknowledged", bytes(new BsonDocument("sequence", new BsonInt64(highest))));
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

    /** A copy to change: a document read as BSON bytes cannot be changed itself. */
    static BsonDocument mutableCopy(BsonDocument document) {
        return document instanceof RawBsonDocument raw ? raw.decode(CODEC) : document.clone();
    }

    private static BsonDocument decode(byte[] stored) {
        return new RawBsonDocument(stored).decode(CODEC);
    }

    /**
     * The {@code _id} of a document. BSON bytes that begin with an ObjectId {@code _id}, as servers write documents,
     * are read in place: the general lookup (a reader, and a codec looked up for the value) took a tenth of a
     * download's parsing. Any other document is asked for it.
     */
    static BsonValue idOf(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            // int32 length, then the first field: type 0x07, the name "_id" and its NUL, and the 12 bytes of the id
            ByteBuffer bytes = raw.getByteBuffer().asNIO();
            int start = bytes.position();
            if (bytes.remaining() >= OBJECT_ID_FIELD_END
                    && bytes.get(start + 4) == BsonType.OBJECT_ID.getValue()
                    && bytes.get(start + 5) == '_'
                    && bytes.get(start + 6) == 'i'
                    && bytes.get(start + 7) == 'd'
                    && bytes.get(start + 8) == 0) {
                byte[] id = new byte[12];
                bytes.get(start + 9, id);
                return new BsonObjectId(new ObjectId(id));
            }
        }
        return document.get("_id");
    }

    /** The document as BSON bytes, encoded unless it already is. */
    static RawBsonDocument raw(BsonDocument document) {
        return document instanceof RawBsonDocument raw ? raw : new RawBsonDocument(bytes(document));
    }

    static byte[] bytes(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            ByteBuffer buffer = raw.getByteBuffer().asNIO();
            if (buffer.hasArray() && buffer.position() == 0 && buffer.limit() == buffer.array().length) {
                // the document's own array, not a copy: neither it nor the store ever changes the bytes
                return buffer.array();
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        BasicOutputBuffer buffer = new BasicOutputBuffer(ENCODING_BUFFER);
        CODEC.encode(new BsonBinaryWriter(buffer), document, ENCODER_CONTEXT);
        return buffer.toByteArray();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            engine.close();
            if (!mvStore.isClosed()) {
                try {
                    mvStore.close();
                } catch (MVStoreException e) {
                    // e.g. an interrupt during the last write: the last commit stays, and the file is released
                    mvStore.closeImmediately();
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
