package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.messages.Messages;

/**
 * A data service call that fails in a way the client is told about: the {@code error_code} of the service's error
 * body, a kind that tells the HTTP layer the status, and a message that names what was wrong.
 *
 * <p>Carries no stack trace: it is an expected outcome, not a bug.
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The request was malformed or the store refused it (400). */
        BAD_REQUEST,
        /** The service or operation does not exist (404). */
        NOT_FOUND,
        /** Rules refused the namespace or the operation (403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String errorCode;

    DataException(Kind kind, String errorCode, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    public String errorCode() {
        return errorCode;
    }

    public static DataException invalidParameter(String message) {
        return new DataException(Kind.BAD_REQUEST, "InvalidParameter", message);
    }

    static DataException missingParameter(String field) {
        return new DataException(Kind.BAD_REQUEST, "MissingParameter", Messages.missingField(field));
    }

    static DataException mongo(String message) {
        return new DataException(Kind.BAD_REQUEST, "MongoDBError", message);
    }

    /** The real service's text for a duplicate key, which clients look for. */
    static String duplicateKey(String detail) {
        return "Duplicate key error: " + detail;
    }

    public static DataException serviceNotFound(String service) {
        return new DataException(Kind.NOT_FOUND, "ServiceNotFound", "service not found: '" + service + "'");
    }

    static DataException operationNotFound(String operation) {
        return new DataException(Kind.NOT_FOUND, "FunctionNotFound", "function not found: '" + operation + "'");
    }

    /** The message the real service used for a namespace without rules. */
    public static DataException noRule(Namespace namespace) {
        return new DataException(
                Kind.FORBIDDEN, "NoMatchingRuleFound", "no rule exists for namespace '" + namespace + "'");
    }

    /** A role refused the operation: no role applied, or the one that applied does not permit it. */
    public static DataException notPermitted(String operation, Namespace namespace) {
        return new DataException(
                Kind.FORBIDDEN, "NoMatchingRuleFound", operation + " not permitted for namespace '" + namespace + "'");
    }

    /** The emulator's own state database, which the MongoDB service never reaches, even as system. */
    static DataException stateDatabase(String database) {
        return new DataException(Kind.FORBIDDEN, "NoMatchingRuleFound", Messages.stateDatabaseReserved(database));
    }
}
