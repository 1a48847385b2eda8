package dev.appservices.extension.internal.sync;

import dev.appservices.extension.internal.sync.ChangeListeners.Change;
import dev.appservices.mongo.Namespace;
import dev.appservices.sync.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * The data of one open synced database: the local store, the subscriptions, the change listeners, and the two ways
 * documents change: local writes (recorded in the outbox in the same transaction) and server state (with the pending
 * local changes of the document re-applied on top). Thread-safe.
 */
final class SyncedData {

    static final String INSERT = "insert";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final String name;
    private final LocalStore store;
    private final ChangeListeners listeners = new ChangeListeners();
    private final Runnable localChanged;
    private volatile List<Subscription> subscriptions;

    SyncedData(String name, LocalStore store, List<Subscription> initial, Runnable localChanged) {
        this.name = name;
        this.store = store;
        this.localChanged = localChanged;
        this.subscriptions = store.subscriptions().map(SyncedData::fromBson).orElse(List.copyOf(initial));
        store.write(() -> {
            storeSubscriptions(subscriptions);
            return null;
        });
    }

    String name() {
        return name;
    }

    LocalStore store() {
        return store;
    }

    ChangeListeners listeners() {
        return listeners;
    }

    List<Subscription> subscriptions() {
        return subscriptions;
    }

    void replaceSubscriptions(List<Subscription> changed) {
        store.write(() -> {
            storeSubscriptions(changed);
            return null;
        });
        subscriptions = List.copyOf(changed);
    }

    /** The namespaces of the current subscriptions. */
    List<Namespace> subscribedNamespaces() {
        return subscriptions.stream()
                .map(s -> new Namespace(s.database(), s.collection()))
                .distinct()
                .toList();
    }

    List<Subscription> subscriptionsOf(Namespace namespace) {
        return subscriptions.stream()
                .filter(s -> s.database().equals(namespace.database())
                        && s.collection().equals(namespace.collection()))
                .toList();
    }

    private Matcher subscriptionMatcher(Namespace namespace) {
        return Matcher.anyOf(
                subscriptionsOf(namespace).stream().map(Subscription::filter).toList());
    }

    // --- local writes ---------------------------------------------------------------------------------------------

    List<BsonValue> insert(Namespace namespace, List<BsonDocument> documents) {
        List<BsonValue> ids = new ArrayList<>();
        Matcher subscribed = subscriptionMatcher(namespace);
        List<Change> changes = commit(done -> {
            List<BsonDocument> withIds = new ArrayList<>();
            for (BsonDocument document : documents) {
                BsonValue id = document.get("_id");
                if (id == null) {
                    id = new BsonObjectId(new ObjectId());
                    BsonDocument withId = new BsonDocument("_id", id);
                    withId.putAll(document);
                    document = withId;
                }
                requireSubscribed(subscribed, namespace, document);
                // encoded once: the file, the outbox entry and the upload take these bytes as they are
                withIds.add(LocalStore.raw(document));
                ids.add(id);
            }
            store.collection(namespace).insert(withIds);
            for (int i = 0; i < withIds.size(); i++) {
                store.enqueue(entry(namespace, INSERT, ids.get(i)).append("doc", withIds.get(i)));
                done.add(new Change(namespace, null, withIds.get(i)));
            }
        });
        return changes.isEmpty() ? List.of() : ids;
    }

    /** Applies update operators locally; the outbox gets the top-level fields they changed. */
    long[] update(Namespace namespace, BsonDocument filter, BsonDocument update, boolean many) {
        long[] counts = new long[2];
        commit(done -> {
            for (BsonDocument before : store.collection(namespace).find(filter, null, null, many ? 0 : 1)) {
                counts[0]++;
                if (updateDocument(namespace, before, update, done)) {
                    counts[1]++;
                }
            }
        });
        return counts;
    }

    long delete(Namespace namespace, BsonDocument filter, boolean many) {
        return commit(done -> {
                    for (BsonDocument before : store.collection(namespace).find(filter, null, null, many ? 0 : 1)) {
                        deleteDocument(namespace, before, done);
                    }
                })
                .size();
    }

    /**
     * A {@code findOneAnd…}: the first document that matches in {@code sort} order is updated (operators) or replaced
     * (a whole document) with {@code update}, or deleted when {@code update} is null; with {@code upsert}, an update
     * that matches nothing inserts. One local transaction, like every write.
     *
     * @return the document before the change, or after it with {@code returnNew}, projected; null if there is none
     */
    BsonDocument findOneAndModify(
            Namespace namespace,
            BsonDocument filter,
            BsonDocument update,
            BsonDocument sort,
            BsonDocument projection,
            boolean returnNew,
            boolean upsert) {
        BsonDocument[] result = new BsonDocument[1];
        commit(done -> {
            LocalCollection collection = store.collection(namespace);
            List<BsonDocument> found = collection.find(filter, sort, null, 1);
            if (found.isEmpty()) {
                if (update != null && upsert) {
                    BsonDocument inserted = collection.upsert(filter, update);
                    BsonValue id = inserted.get("_id");
                    done.add(new Change(namespace, null, inserted));
                    requireSubscribed(namespace, inserted);
                    store.enqueue(entry(namespace, INSERT, id).append("doc", inserted));
                    result[0] = returnNew ? projected(namespace, id, projection) : null;
                }
                return;
            }
            BsonDocument before = found.get(0);
            BsonValue id = before.get("_id");
            if (!returnNew || update == null) {
                result[0] = projected(namespace, id, projection);
            }
            if (update == null) {
                deleteDocument(namespace, before, done);
            } else {
                updateDocument(namespace, before, update, done);
                if (returnNew) {
                    result[0] = projected(namespace, id, projection);
                }
            }
        });
        return result[0];
    }

    private BsonDocument projected(Namespace namespace, BsonValue id, BsonDocument projection) {
        return store.collection(namespace)
                .find(new BsonDocument("_id", id), null, projection, 1)
                .get(0);
    }

    /**
     * Updates one document; call inside {@link LocalStore#write}.
     *
     * @return whether it changed
     */
    private boolean updateDocument(Namespace namespace, BsonDocument before, BsonDocument update, List<Change> done) {
        BsonValue id = before.get("_id");
        BsonDocument after = store.collection(namespace).update(id, update);
        BsonDocument set = changedFields(before, after);
        BsonArray unset = new BsonArray();
        removedFields(before, after).forEach(key -> unset.add(new BsonString(key)));
        if (set.isEmpty() && unset.isEmpty()) {
            return false;
        }
        done.add(new Change(namespace, before, after));
        requireSubscribed(namespace, after);
        store.enqueue(entry(namespace, UPDATE, id).append("set", set).append("unset", unset));
        return true;
    }

    /** Deletes one document; call inside {@link LocalStore#write}. */
    private void deleteDocument(Namespace namespace, BsonDocument before, List<Change> done) {
        BsonValue id = before.get("_id");
        store.collection(namespace).apply(id, null);
        done.add(new Change(namespace, before, null));
        store.enqueue(entry(namespace, DELETE, id));
    }

    /** The top-level fields an update set (added or changed), with their new values. */
    static BsonDocument changedFields(BsonDocument before, BsonDocument after) {
        BsonDocument changed = new BsonDocument();
        for (Map.Entry<String, BsonValue> field : after.entrySet()) {
            if (!field.getValue().equals(before.get(field.getKey()))) {
                changed.append(field.getKey(), field.getValue());
            }
        }
        return changed;
    }

    /** The top-level fields an update removed. */
    static List<String> removedFields(BsonDocument before, BsonDocument after) {
        return before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
    }

    /** Runs a local write (one by the application) in one transaction; the session is told there is more to upload. */
    private List<Change> commit(Consumer<List<Change>> write) {
        List<Change> changes = transact(write);
        if (!changes.isEmpty()) {
            localChanged.run();
        }
        return changes;
    }

    /**
     * Runs document changes in one transaction, then tells the listeners; {@code write} adds each change to the list
     * as soon as the engine made it. On failure the store rolls the transaction back, documents included.
     */
    private List<Change> transact(Consumer<List<Change>> write) {
        List<Change> changes = new ArrayList<>();
        store.write(() -> {
            write.accept(changes);
            return null;
        });
        changes.forEach(listeners::fire);
        return changes;
    }

    private void requireSubscribed(Namespace namespace, BsonDocument document) {
        requireSubscribed(subscriptionMatcher(namespace), namespace, document);
    }

    private static void requireSubscribed(Matcher subscribed, Namespace namespace, BsonDocument document) {
        if (!subscribed.matches(document)) {
            throw SyncMessages.outsideSubscriptions(namespace, document.get("_id"));
        }
    }

    private static BsonDocument entry(Namespace namespace, String operation, BsonValue id) {
        return new BsonDocument("db", new BsonString(namespace.database()))
                .append("coll", new BsonString(namespace.collection()))
                .append("op", new BsonString(operation))
                .append("id", id);
    }

    static Namespace namespaceOf(BsonDocument entry) {
        return new Namespace(
                entry.getString("db").getValue(), entry.getString("coll").getValue());
    }

    // --- server state ---------------------------------------------------------------------------------------------

    /**
     * Makes the server's state of a document the local one, with the document's pending local changes re-applied on
     * top; a document outside the subscriptions counts as absent.
     *
     * @param server the server's document, or {@code null} if it is absent
     */
    void applyServer(Namespace namespace, BsonValue id, BsonDocument server) {
        applyServer(namespace, Collections.singletonMap(id, server));
    }

    /** {@link #applyServer(Namespace, BsonValue, BsonDocument)} for many documents, in one local transaction. */
    void applyServer(Namespace namespace, Map<BsonValue, BsonDocument> states) {
        if (states.isEmpty()) {
            return;
        }
        Matcher subscribed = subscriptionMatcher(namespace);
        transact(done -> {
            Map<BsonValue, List<BsonDocument>> pending = pendingById(namespace);
            LocalCollection collection = store.collection(namespace);
            // a bootstrap writes into an empty collection: nothing to compare with
            Map<BsonValue, BsonDocument> local = collection.isEmpty() ? Map.of() : collection.byIds(states.keySet());
            for (Map.Entry<BsonValue, BsonDocument> state : states.entrySet()) {
                BsonValue id = state.getKey();
                BsonDocument server = state.getValue();
                BsonDocument base = server != null && subscribed.matches(server) ? server : null;
                BsonDocument desired = withPending(pending.getOrDefault(id, List.of()), base);
                BsonDocument current = local.get(id);
                if (Objects.equals(current, desired)) {
                    continue;
                }
                collection.apply(id, desired);
                done.add(new Change(namespace, current, desired));
            }
        });
    }

    /** The outbox entries of a collection, by document id, in outbox order. */
    private Map<BsonValue, List<BsonDocument>> pendingById(Namespace namespace) {
        Map<BsonValue, List<BsonDocument>> byId = new HashMap<>();
        for (BsonDocument entry : store.pending().values()) {
            if (namespaceOf(entry).equals(namespace)) {
                byId.computeIfAbsent(entry.get("id"), id -> new ArrayList<>()).add(entry);
            }
        }
        return byId;
    }

    /** A document's state with its pending local changes applied on top, in order. */
    private static BsonDocument withPending(List<BsonDocument> entries, BsonDocument base) {
        if (entries.isEmpty()) {
            return base;
        }
        BsonDocument result = base == null ? null : LocalStore.mutableCopy(base);
        for (BsonDocument entry : entries) {
            switch (entry.getString("op").getValue()) {
                case INSERT -> result = result == null ? LocalStore.mutableCopy(entry.getDocument("doc")) : result;
                case UPDATE -> {
                    if (result != null) {
                        result.putAll(entry.getDocument("set"));
                        for (BsonValue key : entry.getArray("unset")) {
                            result.remove(key.asString().getValue());
                        }
                    }
                }
                default -> result = null;
            }
        }
        return result;
    }

    boolean hasLocalDocuments(Namespace namespace) {
        return store.read(() -> !store.collection(namespace).isEmpty());
    }

    /** The ids of the local documents of a namespace. */
    List<BsonValue> localIds(Namespace namespace) {
        return store.read(() -> store.collection(namespace).ids());
    }

    private void storeSubscriptions(List<Subscription> list) {
        BsonArray stored = new BsonArray();
        for (Subscription subscription : list) {
            stored.add(new BsonDocument("name", new BsonString(subscription.name()))
                    .append("db", new BsonString(subscription.database()))
                    .append("coll", new BsonString(subscription.collection()))
                    .append("filter", subscription.filter()));
            store.rememberNamespace(new Namespace(subscription.database(), subscription.collection()));
        }
        store.storeSubscriptions(stored);
    }

    private static List<Subscription> fromBson(BsonArray stored) {
        List<Subscription> list = new ArrayList<>();
        for (BsonValue value : stored) {
            BsonDocument subscription = value.asDocument();
            list.add(new Subscription(
                    subscription.getString("name").getValue(),
                    subscription.getString("db").getValue(),
                    subscription.getString("coll").getValue(),
                    subscription.getDocument("filter")));
        }
        return List.copyOf(list);
    }
}
