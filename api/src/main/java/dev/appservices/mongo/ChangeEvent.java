package dev.appservices.mongo;

import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * One change of a watched collection, in the shape of a MongoDB change event. Immutable: the documents it returns
 * are copies.
 *
 * @param <T> the class of the collection's documents
 * @since 0.1
 */
public final class ChangeEvent<T> {

    private final OperationType operationType;
    private final Namespace namespace;
    private final BsonDocument documentKey;
    private final T fullDocument;
    private final UpdateDescription updateDescription;
    private final BsonTimestamp clusterTime;
    private final BsonDocument raw;

    /**
     * Creates an event; the client builds them from the stream.
     *
     * @param operationType     the kind of change
     * @param namespace         where it happened
     * @param documentKey       {@code {_id: ...}} of the changed document; empty for events without one
     * @param fullDocument      the document after the change, or null (deletes)
     * @param updateDescription what an update changed, or null
     * @param clusterTime       when it happened on the server, or null
     * @param raw               the whole event as received
     * @throws NullPointerException if {@code operationType}, {@code namespace}, {@code documentKey} or {@code raw}
     *                              is null
     */
    public ChangeEvent(
            OperationType operationType,
            Namespace namespace,
            BsonDocument documentKey,
            T fullDocument,
            UpdateDescription updateDescription,
            BsonTimestamp clusterTime,
            BsonDocument raw) {
        this.operationType = Objects.requireNonNull(operationType, "operationType");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.documentKey = Objects.requireNonNull(documentKey, "documentKey").clone();
        this.fullDocument = fullDocument;
        this.updateDescription = updateDescription;
        this.clusterTime = clusterTime;
        this.raw = Objects.requireNonNull(raw, "raw").clone();
    }

    /**
     * Returns the kind of change.
     *
     * @return the operation type, {@link OperationType#OTHER} for kinds this client does not know
     */
    public OperationType operationType() {
        return operationType;
    }

    /**
     * Returns where the change happened.
     *
     * @return the namespace of the event ({@code ns})
     */
    public Namespace namespace() {
        return namespace;
    }

    /**
     * Returns the key of the changed document.
     *
     * @return a copy of {@code documentKey}, such as {@code {"_id": ...}}; empty for events without a document
     */
    public BsonDocument documentKey() {
        return documentKey.clone();
    }

    /**
     * Returns the document after the change, decoded into the collection's document class.
     *
     * @return the document; empty for deletes and other events without one
     */
    public Optional<T> fullDocument() {
        return Optional.ofNullable(fullDocument);
    }

    /**
     * Returns what an update changed.
     *
     * @return the description; empty for events other than updates
     */
    public Optional<UpdateDescription> updateDescription() {
        return Optional.ofNullable(updateDescription);
    }

    /**
     * Returns when the change happened on the server.
     *
     * @return the cluster time, empty if the event carries none
     */
    public Optional<BsonTimestamp> clusterTime() {
        return Optional.ofNullable(clusterTime);
    }

    /**
     * Returns the event as the server sent it (its {@code _id} is the resume token).
     *
     * @return a copy of the event
     */
    public BsonDocument raw() {
        return raw.clone();
    }

    /** Names the kind, the namespace and the document key; never the document's contents. */
    @Override
    public String toString() {
        return "ChangeEvent[" + operationType + " " + namespace + " " + documentKey.toJson() + "]";
    }
}
