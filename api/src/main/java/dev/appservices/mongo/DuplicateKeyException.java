package dev.appservices.mongo;

import dev.appservices.ErrorCode;

/**
 * A write failed because a document with the same value of a unique index (usually {@code _id}) exists already.
 * The server reports it with {@code MongoDBError} and a message containing {@code "Duplicate key error"}.
 *
 * @since 0.1
 */
public class DuplicateKeyException extends MongoOperationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the arguments are those of
     * {@link MongoOperationException#MongoOperationException(String, ErrorCode, Namespace, String, int, String,
     * String, String)}.
     *
     * @param message         the message, starting with {@code APPSVCnnnn:}
     * @param code            the error code
     * @param namespace       the collection of the operation
     * @param operation       the operation's wire name
     * @param httpStatus      the HTTP status of the response
     * @param serverErrorCode the raw {@code error_code} of the error body, or null
     * @param serverMessage   the {@code error} text of the error body, or null
     * @param link            the {@code link} of the error body, or null
     */
    public DuplicateKeyException(
            String message,
            ErrorCode code,
            Namespace namespace,
            String operation,
            int httpStatus,
            String serverErrorCode,
            String serverMessage,
            String link) {
        super(message, code, namespace, operation, httpStatus, serverErrorCode, serverMessage, link);
    }
}
