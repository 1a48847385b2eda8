package dev.appservices.sync;

import dev.appservices.mongo.Namespace;
import org.bson.BsonValue;

/**
 * A local write the server refused (its rules, or the document was deleted there meanwhile): the write has been
 * undone locally, the document now holds the server's state (or is gone), and the error handler receives this.
 * Non-fatal.
 *
 * @since 0.1
 */
public class CompensatingWriteException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final transient Namespace namespace;
    private final transient BsonValue documentId;
    private final String reason;

    /**
     * Creates the report of one undone write.
     *
     * @param message    the message, starting with its {@code APPSVCnnnn:} code
     * @param namespace  the collection of the document
     * @param documentId the document's {@code _id}
     * @param reason     why the server refused it
     * @param cause      the server's answer, or {@code null}
     */
    public CompensatingWriteException(
            String message, Namespace namespace, BsonValue documentId, String reason, Throwable cause) {
        super(message, false, cause);
        this.namespace = namespace;
        this.documentId = documentId;
        this.reason = reason;
    }

    /** The collection of the refused write. */
    public Namespace namespace() {
        return namespace;
    }

    /** The {@code _id} of the document whose write was undone. */
    public BsonValue documentId() {
        return documentId;
    }

    /** Why the server refused the write. */
    public String reason() {
        return reason;
    }
}
