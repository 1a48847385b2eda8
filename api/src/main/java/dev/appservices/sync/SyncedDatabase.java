package dev.appservices.sync;

import org.bson.Document;

/**
 * A user's offline-first local copy of the documents its {@link Subscriptions} match, with the {@link SyncSession}
 * that keeps it in step with the backend. Opened with {@link SyncManager#open(SyncConfiguration)}; closing it stops
 * the session (no thread or connection is left) and closes the local store, whose data stays on disk for the next
 * open. Thread-safe.
 *
 * @since 0.1
 */
public interface SyncedDatabase extends AutoCloseable {

    /** The configuration it was opened with. */
    SyncConfiguration configuration();

    /**
     * A synced collection of documents.
     *
     * @param database   the database
     * @param collection the collection
     * @return the collection
     */
    SyncedCollection<Document> collection(String database, String collection);

    /**
     * A synced collection of a document class (records and POJOs, with the default codec registry).
     *
     * @param database      the database
     * @param collection    the collection
     * @param documentClass the class
     * @param <T>           the document type
     * @return the collection
     */
    <T> SyncedCollection<T> collection(String database, String collection, Class<T> documentClass);

    /** Its subscriptions. */
    Subscriptions subscriptions();

    /** Its session. */
    SyncSession session();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /** Stops the session, fails its pending waits and closes the local store. Idempotent. */
    @Override
    void close();
}
