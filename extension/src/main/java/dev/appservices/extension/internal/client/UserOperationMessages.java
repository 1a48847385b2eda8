package dev.appservices.extension.internal.client;

import org.bson.BsonType;

import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;

/**
 * The message factory of the user operations: function calls, the email/password provider, API keys, identity
 * linking and user deletion. Every failure these raise is built here, so that their {@code APPSVCnnnn:} codes stay
 * unique and no message ever carries a token, password, key, argument or result value.
 *
 * <p>Codes: 0250–0289. A code, once published, is never reused for a different meaning.
 */
final class UserOperationMessages {

    private UserOperationMessages() {
    }

    static FunctionException undecodableResult(String functionName, BsonType resultType, Class<?> type,
            Throwable cause) {
        return new FunctionException("APPSVC0250: the result of function '" + functionName + "' (BSON "
                + resultType + ") cannot be decoded into " + type.getName()
                + "; call it with a matching result type or a codec registry that has a codec for that type",
                ErrorCode.BAD_BSON_PARSE, functionName, cause);
    }

    static FunctionException unreadableResult(String functionName) {
        // No cause: the parser's message quotes the text it could not read, and that is the function's data.
        return new FunctionException("APPSVC0251: the result of function '" + functionName
                + "' is not valid Extended JSON", ErrorCode.BAD_BSON_PARSE, functionName, null);
    }
}
