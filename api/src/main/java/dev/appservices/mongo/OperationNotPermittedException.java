package dev.appservices.mongo;

import dev.appservices.ErrorCode;

/**
 * The app's rules refused the operation for this user: no rule matched, or the matching role may not read or write
 * the document ({@link ErrorCode#NO_MATCHING_RULE_FOUND}, or a message such as {@code "update not permitted"}).
 *
 * @since 0.1
 */
public class OperationNotPermittedException extends MongoOperationException {

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
    public OperationNotPermittedException(
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
