package dev.appservices.extension.internal.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.mongo.Namespace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.BsonDocument;

/**
 * The change listeners of a synced database's documents, own writes and downloaded ones alike. A listener follows the
 * documents that match its filter before or after a change; a document that stops matching is reported as a delete.
 * Thread-safe.
 */
final class ChangeListeners {

    private static final Logger LOG = Logger.getLogger(ChangeListeners.class.getName());

    /** One committed local change of one document. */
    record Change(Namespace namespace, BsonDocument before, BsonDocument after) {}

    private final class Entry implements ListenerRegistration {

        private final Namespace namespace;
        private final BsonDocument filter;
        private final Consumer<Change> listener;

        Entry(Namespace namespace, BsonDocument filter, Consumer<Change> listener) {
            this.namespace = namespace;
            this.filter = filter;
            this.listener = listener;
        }

        @Override
        public void close() {
            entries.remove(this);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    ListenerRegistration add(Namespace namespace, BsonDocument filter, Consumer<Change> listener) {
        Entry entry = new Entry(namespace, filter, listener);
        entries.add(entry);
        return entry;
    }

    /** Tells the listeners of the namespace whose filter the document matches before or after. */
    void fire(Change change) {
        for (Entry entry : entries) {
            if (!entry.namespace.equals(change.namespace())) {
                continue;
            }
            boolean before = change.before() != null && Matcher.matches(change.before(), entry.filter);
            boolean after = change.after() != null && Matcher.matches(change.after(), entry.filter);
            if (before || after) {
                Change seen = after ? change : new Change(change.namespace(), change.before(), null);
                try {
                    entry.listener.accept(seen);
                } catch (RuntimeException e) {
                    // a failing listener must not undo a committed change nor silence the other listeners
                    LOG.log(Level.WARNING, "a change listener of '" + change.namespace() + "' failed", e);
                }
            }
        }
    }

    /** The operation type of a change, as in change events. */
    static String operationType(Change change) {
        return change.after() == null ? "delete" : change.before() == null ? "insert" : "update";
    }
}
