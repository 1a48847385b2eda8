package dev.appservices.extension.internal.client;

import dev.appservices.AppServicesException;
import dev.appservices.CredentialsCannotBeLinkedException;
import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;
import dev.appservices.ServiceException;
import org.bson.BsonType;

/**
 * The message factory of the user operations: function calls, the email/password provider, API keys, identity
 * linking, user deletion and the data services' entry point. Every failure these raise is built here, so that their {@code APPSVCnnnn:} codes stay
 * unique and no message ever carries a token, password, key, argument or result value.
 *
 * <p>Codes: 0250–0289. A code, once published, is never reused for a different meaning.
 */
final class UserOperationMessages {

    private UserOperationMessages() {}

    static FunctionException undecodableResult(
            String functionName, BsonType resultType, Class<?> type, Throwable cause) {
        return new FunctionException(
                "APPSVC0250: the result of function '" + functionName + "' (BSON "
                        + resultType + ") cannot be decoded into " + type.getName()
                        + "; call it with a matching result type or a codec registry that has a codec for that type",
                ErrorCode.BAD_BSON_PARSE,
                functionName,
                cause);
    }

    static FunctionException unreadableResult(String functionName) {
        // No cause: the parser's message quotes the text it could not read, and that is the function's data.
        return new FunctionException(
                "APPSVC0251: the result of function '" + functionName + "' is not valid Extended JSON",
                ErrorCode.BAD_BSON_PARSE,
                functionName,
                null);
    }

    /** A function error reported by the server, such as {@code FunctionNotFound} or {@code FunctionExecutionError}. */
    static FunctionException functionFailed(String functionName, ServiceException refusal) {
        return new FunctionException(
                "APPSVC0252: function '" + functionName + "' failed on the server: "
                        + withoutCode(refusal.getMessage()),
                refusal.errorCode(),
                functionName,
                refusal.httpStatus().orElse(-1),
                refusal.serverErrorCode().orElse(null),
                refusal.link().orElse(null));
    }

    /** An API-key id that cannot be one: the server's ids are ObjectIds in hex. */
    static IllegalArgumentException malformedApiKeyId(String id) {
        return new IllegalArgumentException("APPSVC0260: API key id '" + id
                + "' is not a 24-digit hexadecimal ObjectId, as the ids returned by ApiKeyAuth.create and fetchAll "
                + "are");
    }

    /** {@code linkCredentials} with anonymous credentials, refused locally as in the SDKs. */
    static AppServicesException anonymousCredentialsNotLinkable(String appId, String userId) {
        return new AppServicesException(
                "APPSVC0270: anonymous credentials cannot be linked to user '" + userId
                        + "' of App '" + appId + "'; link an identity that can log in again (email/password, API key, "
                        + "JWT, function, OAuth)",
                ErrorCode.CLIENT_USER_ALREADY_NAMED);
    }

    /** The server refused to link an identity (for example one that belongs to another user). */
    static CredentialsCannotBeLinkedException linkRefused(
            String appId, String userId, String provider, ServiceException refusal) {
        return new CredentialsCannotBeLinkedException(
                "APPSVC0271: linking " + provider + " credentials to user '" + userId + "' of App '" + appId
                        + "' was refused: " + withoutCode(refusal.getMessage()),
                refusal.errorCode(),
                refusal.httpStatus().orElse(-1),
                refusal.serverErrorCode().orElse(null),
                refusal.link().orElse(null));
    }

    /** {@code User.mongoClient} with a blank service name. */
    static IllegalArgumentException blankServiceName() {
        return new IllegalArgumentException("APPSVC0280: the data service name must not be blank; an app names its "
                + "MongoDB service 'mongodb-atlas' unless it chose another name");
    }

    /**
     * The message of a refusal without its own {@code APPSVCnnnn: } prefix, to be quoted after a more specific code:
     * the refusal's message is the only place that keeps the server's own message.
     */
    private static String withoutCode(String message) {
        return message.matches("(?s)APPSVC\\d{4}: .*") ? message.substring("APPSVCnnnn: ".length()) : message;
    }
}
