package dev.appservices.extension.internal.sync;

import dev.appservices.mongo.Namespace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.h2.mvstore.MVMap;

/**
 * The documents of one collection of a synced database. The file holds them, one entry of an MVStore map per document
 * (its BSON, by a key made from the id); that map is the truth, and it is all a bootstrap or a download writes. The
 * {@link QueryEngine} gets a copy when something first needs it (a query without a usable index, a sort, a local
 * update) and is written along with the map from then on. {@link FieldIndex Equality indexes} on the fields that
 * queries name answer {@code find({field: value})} from the map alone.
 *
 * <p>Not thread-safe: the local store calls it under its lock, inside its transactions. After a rollback of the file,
 * {@link #rolledBack()} puts back in memory (engine, indexes) every document the failed write touched.
 */
final class LocalCollection {

    private static final int LOAD_BATCH = 1000;
    /** Indexes per collection at most: each costs memory and time on every write. */
    private static final int MAX_INDEXES = 16;

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final Namespace namespace;
    private final MVMap<String, byte[]> stored;
    private final QueryEngine engine;
    private final Map<String, FieldIndex> indexes = new HashMap<>();
    /** The ids the running transaction wrote, some more than once (a list: a bootstrap adds thousands). */
    private final List<BsonValue> touched = new ArrayList<>();

    private boolean inEngine;

    LocalCollection(Namespace namespace, MVMap<String, byte[]> stored, QueryEngine engine) {
        this.namespace = namespace;
        this.stored = stored;
        this.engine = engine;
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    List<BsonDocument> find(BsonDocument filter, BsonDocument sort, BsonDocument projection, int limit) {
        Optional<List<BsonDocument>> indexed = indexedMatches(filter);
        if (indexed.isEmpty()) {
            return engine().find(namespace, filter, sort, projection, limit);
        }
        List<BsonDocument> matches = indexed.get();
        if (sort == null && projection == null) {
            return limit > 0 && matches.size() > limit ? matches.subList(0, limit) : matches;
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        BsonArray ids = new BsonArray();
        matches.forEach(document -> ids.add(document.get("_id")));
        return engine().find(namespace, new BsonDocument("_id", new BsonDocument("$in", ids)), sort, projection, limit);
    }

    /** Counts the documents that match, up to {@code limit} (0: no limit). */
    long count(BsonDocument filter, long limit) {
        Optional<List<BsonDocument>> indexed = indexedMatches(filter);
        if (indexed.isEmpty()) {
            return engine().count(namespace, filter, limit);
        }
        long count = indexed.get().size();
        return limit > 0 ? Math.min(count, limit) : count;
    }

    Optional<BsonDocument> byId(BsonValue id) {
        return Optional.ofNullable(stored.get(key(id))).map(RawBsonDocument::new);
    }

    /** The documents of some ids, those that exist. */
    Map<BsonValue, BsonDocument> byIds(Collection<BsonValue> ids) {
        Map<BsonValue, BsonDocument> found = new HashMap<>();
        for (BsonValue id : ids) {
            byId(id).ifPresent(document -> found.put(id, document));
        }
        return found;
    }

    boolean isEmpty() {
        return stored.isEmpty();
    }

    /** The ids of all documents. */
    List<BsonValue> ids() {
        List<BsonValue> ids = new ArrayList<>();
        stored.values().forEach(document -> ids.add(LocalStore.idOf(new RawBsonDocument(document))));
        return ids;
    }

    /**
     * The documents that match a filter with an equality on a field, found through the field's index (built on first
     * use) and checked with the engine's matcher; empty when the filter has no such equality.
     */
    private Optional<List<BsonDocument>> indexedMatches(BsonDocument filter) {
        Optional<Map.Entry<String, BsonValue>> equality = FieldIndex.equalityOf(filter);
        if (equality.isEmpty()) {
            return Optional.empty();
        }
        String field = equality.get().getKey();
        FieldIndex index = indexes.get(field);
        if (index == null) {
            if (indexes.size() == MAX_INDEXES) {
                return Optional.empty();
            }
            index = new FieldIndex(field);
            for (byte[] document : stored.values()) {
                RawBsonDocument raw = new RawBsonDocument(document);
                index.put(LocalStore.idOf(raw), raw);
            }
            indexes.put(field, index);
        }
        Matcher matcher = Matcher.anyOf(List.of(filter));
        List<BsonDocument> matches = new ArrayList<>();
        // in the order of the file's keys, the order the engine loads them in: ObjectIds by creation time
        List<String> keys = index.candidates(equality.get().getValue()).stream()
                .map(LocalCollection::key)
                .sorted()
                .toList();
        for (String key : keys) {
            BsonDocument document = new RawBsonDocument(stored.get(key));
            if (matcher.matches(document)) {
                matches.add(document);
            }
        }
        return Optional.of(matches);
    }

    // --- writes (inside a transaction of the local store) ---------------------------------------------------------

    /**
     * Inserts new documents with their ids. The checks are the engine's (an {@code _id} that is not an array and not
     * taken yet), made here so that an insert does not load the collection into the engine.
     */
    void insert(List<BsonDocument> documents) {
        for (BsonDocument document : documents) {
            BsonValue id = LocalStore.idOf(document);
            if (id.isArray()) {
                throw SyncMessages.localWriteFailed("the _id of a document cannot be an array");
            }
            if (stored.containsKey(key(id))) {
                throw SyncMessages.localWriteFailed(
                        "a document with _id " + id + " already exists in '" + namespace + "'");
            }
            store(id, document);
        }
        if (inEngine) {
            engine.insert(namespace, documents);
        }
    }

    /**
     * Applies update operators to the document of an id.
     *
     * @return the document after the update
     */
    BsonDocument update(BsonValue id, BsonDocument update) {
        touched.add(id);
        engine().update(namespace, id, update);
        return storedFromEngine(id);
    }

    /**
     * Inserts the document an upsert of {@code update} (operators or a replacement) makes from {@code filter}; call
     * only when no document matches.
     *
     * @return the new document
     */
    BsonDocument upsert(BsonDocument filter, BsonDocument update) {
        BsonValue id = engine().upsert(namespace, filter, update);
        touched.add(id);
        return storedFromEngine(id);
    }

    /** Writes the engine's state of a document to the file's map and the indexes; returns it. */
    private BsonDocument storedFromEngine(BsonValue id) {
        BsonDocument document = engine.find(namespace, new BsonDocument("_id", id), null, null, 1)
                .get(0);
        store(document);
        return document;
    }

    /**
     * Makes a document of the server the local one, or removes the document of an id when {@code document} is
     * {@code null}; the engine gets it only if it already holds the collection.
     */
    void apply(BsonValue id, BsonDocument document) {
        if (document == null) {
            touched.add(id);
            stored.remove(key(id));
            indexes.values().forEach(index -> index.remove(id));
            if (inEngine) {
                engine.delete(namespace, id);
            }
        } else {
            store(id, document);
            if (inEngine) {
                engine.put(namespace, document);
            }
        }
    }

    /** Writes a document's state to the file's map and the indexes. */
    private void store(BsonDocument document) {
        store(document.get("_id"), document);
    }

    private void store(BsonValue id, BsonDocument document) {
        touched.add(id);
        stored.put(key(id), LocalStore.bytes(document));
        indexes.values().forEach(index -> index.put(id, document));
    }

    /** The transaction committed. */
    void committed() {
        touched.clear();
    }

    /**
     * The file was rolled back: the documents the failed write touched become in memory what the file holds again
     * (the engine changes its documents in place and has no rollback of its own).
     */
    void rolledBack() {
        for (BsonValue id : touched) {
            Optional<BsonDocument> document = byId(id);
            if (document.isPresent()) {
                indexes.values().forEach(index -> index.put(id, document.get()));
            } else {
                indexes.values().forEach(index -> index.remove(id));
            }
            if (inEngine && document.isPresent()) {
                engine.put(namespace, document.get());
            } else if (inEngine) {
                engine.delete(namespace, id);
            }
        }
        touched.clear();
    }

    /** The engine, holding this collection: it is loaded from the file on first use. */
    QueryEngine engine() {
        if (!inEngine) {
            List<BsonDocument> batch = new ArrayList<>();
            for (byte[] document : stored.values()) {
                batch.add(new RawBsonDocument(document));
                if (batch.size() == LOAD_BATCH) {
                    engine.insert(namespace, batch);
                    batch.clear();
                }
            }
            engine.insert(namespace, batch);
            inEngine = true;
        }
        return engine;
    }

    /**
     * The key of an id in the map: its canonical Extended JSON, which tells every BSON type apart; an ObjectId, the
     * usual id, is written without the JSON writer, in a form no JSON text takes.
     */
    private static String key(BsonValue id) {
        return id.isObjectId()
                ? "ObjectId " + id.asObjectId().getValue().toHexString()
                : new BsonDocument("_id", id).toJson(CANONICAL);
    }
}
