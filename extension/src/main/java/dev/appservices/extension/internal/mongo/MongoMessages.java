package dev.appservices.extension.internal.mongo;

import dev.appservices.AuthException;
import dev.appservices.ConnectionException;
import dev.appservices.ErrorCode;
import dev.appservices.ServiceException;
import dev.appservices.extension.internal.client.ClientMessages;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.DuplicateKeyException;
import dev.appservices.mongo.MongoOperationException;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.OperationNotPermittedException;
import java.util.Locale;
import java.util.Optional;
import org.bson.BsonType;

/**
 * The message factory of remote MongoDB access. Every message names the namespace and the operation; none carries a
 * document, a filter value or the server's own text (which can quote them: it stays in
 * {@link MongoOperationException#serverMessage()}).
 *
 * <p>Codes: 0700–0739. A code, once published, is never reused for a different meaning.
 */
final class MongoMessages {

    private MongoMessages() {}

    /**
     * The exception for a failure of an operation: a refusal by the server becomes a {@link MongoOperationException}
     * of the right kind; everything else (session, connection, client errors) is returned unchanged.
     */
    static RuntimeException failed(Namespace namespace, String operation, String service, RuntimeException failure) {
        if (!(failure instanceof ServiceException refusal)
                || refusal instanceof AuthException
                || refusal.httpStatus().isEmpty()
                || refusal.errorCode() == ErrorCode.HTTP_ERROR) {
            return failure;
        }
        int status = refusal.httpStatus().getAsInt();
        String wire = refusal.serverErrorCode().orElse(refusal.errorCode().wireName());
        String server = ClientMessages.serverMessage(refusal).orElse(null);
        String lower = server == null ? "" : server.toLowerCase(Locale.ROOT);
        String head = operation + " on " + namespace + " (service '" + service + "') ";
        String tail = " (HTTP " + status + ", " + wire + ")";
        ErrorCode code = refusal.errorCode();
        String link = refusal.link().orElse(null);
        ExceptionKind kind = MongoOperationException::new;
        String message;
        if (lower.contains("duplicate key")) {
            kind = DuplicateKeyException::new;
            message = "APPSVC0701: " + head + "failed: a document with the same key exists" + tail;
        } else if (code == ErrorCode.NO_MATCHING_RULE_FOUND || lower.contains("not permitted") || status == 403) {
            kind = OperationNotPermittedException::new;
            message = "APPSVC0702: " + head + "was refused by the app's rules for this user" + tail;
        } else if (code == ErrorCode.SERVICE_NOT_FOUND) {
            message = "APPSVC0703: " + head + "failed: the app has no service of that name" + tail;
        } else if (code == ErrorCode.INVALID_PARAMETER
                || code == ErrorCode.MISSING_PARAMETER
                || code == ErrorCode.BAD_REQUEST
                || code == ErrorCode.ARGUMENTS_NOT_ALLOWED) {
            message = "APPSVC0704: " + head + "was refused: a filter, update, pipeline or option is not valid" + tail;
        } else {
            message = "APPSVC0705: " + head + "failed on the server" + tail;
        }
        return kind.create(message, code, namespace, operation, status, wire, server, link);
    }

    /** The constructor every {@link MongoOperationException} kind shares. */
    @FunctionalInterface
    private interface ExceptionKind {
        MongoOperationException create(
                String message,
                ErrorCode code,
                Namespace namespace,
                String operation,
                int httpStatus,
                String serverErrorCode,
                String serverMessage,
                String link);
    }

    /** An answer that is not valid Extended JSON or lacks what the operation returns. */
    static ServiceException unreadableAnswer(Namespace namespace, String operation, String what) {
        return new ServiceException(
                "APPSVC0706: the answer to " + operation + " on " + namespace + " is not readable: " + what,
                ErrorCode.BAD_BSON_PARSE);
    }

    /** A document of an answer or an event that the codec cannot decode into the document class. */
    static ServiceException undecodable(
            Namespace namespace, String operation, BsonType type, Class<?> target, Throwable cause) {
        // the cause's message may quote the document's values: it is kept as cause only
        return new ServiceException(
                "APPSVC0707: a result of " + operation + " on " + namespace + " (BSON " + type
                        + ") cannot be decoded into " + target.getName() + "; use a matching document class or a codec "
                        + "registry with a codec for it",
                ErrorCode.BAD_BSON_PARSE,
                cause);
    }

    static IllegalArgumentException blankName(String what) {
        return new IllegalArgumentException("APPSVC0708: the " + what + " name must not be blank");
    }

    static IllegalArgumentException negative(String what, long value) {
        return new IllegalArgumentException("APPSVC0709: " + what + " must not be negative, was " + value);
    }

    static IllegalArgumentException nothingToDo(Namespace namespace, String operation, String what) {
        return new IllegalArgumentException(
                "APPSVC0710: " + operation + " on " + namespace + " needs at least one " + what);
    }

    /** The signal that a stream ended. */
    static ChangeStreamEndedException ended(Namespace namespace, Reason reason) {
        String why = switch (reason) {
            case SERVER_CLOSED ->
                "the server closed it; streams cannot be resumed: watch again, and find what " + "changed meanwhile";
            case CLOSED -> "it was closed";
            case USER_LOGGED_OUT -> "its user logged out or was removed";
            case APP_CLOSED -> "its App was closed";
        };
        return new ChangeStreamEndedException(
                "APPSVC0711: the change stream of " + namespace + " has ended: " + why, reason);
    }

    /** An {@code event: error} of a stream, with the server's error code. */
    static MongoOperationException streamError(
            Namespace namespace, String service, String errorCode, String serverMessage) {
        ErrorCode code = Optional.ofNullable(errorCode)
                .flatMap(ErrorCode::fromWireName)
                .orElse(errorCode == null ? ErrorCode.APP_UNKNOWN_ERROR : ErrorCode.APP_SERVER_ERROR);
        return new MongoOperationException(
                "APPSVC0712: the change stream of " + namespace + " (service '" + service
                        + "') was ended by the server with an error ("
                        + (errorCode == null ? code.wireName() : errorCode)
                        + ")",
                code,
                namespace,
                "watch",
                200,
                errorCode,
                serverMessage,
                null);
    }

    /** An event of a stream that is not a readable change event. */
    static ServiceException malformedEvent(Namespace namespace) {
        return new ServiceException(
                "APPSVC0713: the server sent a malformed event on the change stream of " + namespace,
                ErrorCode.BAD_BSON_PARSE);
    }

    /** The connection of a stream failed while it was read. */
    static ConnectionException streamBroken(Namespace namespace, Throwable cause) {
        return new ConnectionException(
                "APPSVC0714: the connection of the change stream of " + namespace + " failed: "
                        + cause.getClass().getSimpleName(),
                cause);
    }

    /** {@code request(n)} with a non-positive n (Reactive Streams rule 3.9). */
    static IllegalArgumentException nonPositiveRequest(long n) {
        return new IllegalArgumentException(
                "APPSVC0715: a subscriber must request a positive number of events, " + "requested " + n);
    }
}
