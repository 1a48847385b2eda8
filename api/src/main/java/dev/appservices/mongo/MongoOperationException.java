package dev.appservices.mongo;

import dev.appservices.ErrorCode;
import dev.appservices.ServiceException;
import java.util.Objects;
import java.util.Optional;

/**
 * The data service refused an operation of a {@link RemoteMongoCollection}. The {@link #errorCode()} tells why: a
 * missing service is {@link ErrorCode#SERVICE_NOT_FOUND}, a bad argument (an unknown operator, a malformed update)
 * {@link ErrorCode#INVALID_PARAMETER} or {@link ErrorCode#MISSING_PARAMETER}; a duplicate key and a write the app's
 * rules refuse have the subtypes {@link DuplicateKeyException} and {@link OperationNotPermittedException}.
 *
 * <p>The message names the namespace, the operation and the server's error code but never the server's own text,
 * which may quote a document's values (a duplicate key does); that text is in {@link #serverMessage()}.
 *
 * @since 0.1
 */
public class MongoOperationException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final Namespace namespace;
    private final String operation;
    private final String serverMessage;

    /**
     * Creates an exception for an operation the server refused.
     *
     * @param message         the message, starting with {@code APPSVCnnnn:}
     * @param code            the error code
     * @param namespace       the collection of the operation
     * @param operation       the operation's wire name, such as {@code "insertOne"}
     * @param httpStatus      the HTTP status of the response
     * @param serverErrorCode the raw {@code error_code} of the error body, or null if there was none
     * @param serverMessage   the {@code error} text of the error body, or null if there was none
     * @param link            the {@code link} of the error body, or null if there was none
     * @throws NullPointerException if {@code code}, {@code namespace} or {@code operation} is null
     */
    public MongoOperationException(
            String message,
            ErrorCode code,
            Namespace namespace,
            String operation,
            int httpStatus,
            String serverErrorCode,
            String serverMessage,
            String link) {
        super(message, code, httpStatus, serverErrorCode, link);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.serverMessage = serverMessage;
    }

    /**
     * Returns the collection of the refused operation.
     *
     * @return the namespace, never null
     */
    public Namespace namespace() {
        return namespace;
    }

    /**
     * Returns the refused operation.
     *
     * @return its wire name, such as {@code "insertOne"} or {@code "watch"}
     */
    public String operation() {
        return operation;
    }

    /**
     * Returns the server's own description of the failure. It is kept out of {@link #getMessage()} because it may
     * quote values of the documents; do not log it where those must not appear.
     *
     * @return the {@code error} text of the error body, empty if there was none
     */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
