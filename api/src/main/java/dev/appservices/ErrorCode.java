package dev.appservices;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The error codes of the App Services client protocol, as in the Realm SDKs: the server's codes 4300–4355 (sent as
 * the {@code error_code} string of an error body), and the client-side codes 4000, 4100–4105 and 4200–4203.
 *
 * <p>Every {@link AppServicesException} carries one; {@link #wireName()} is the protocol's name of the code and
 * {@link #code()} its number.
 *
 * @since 0.1
 */
public enum ErrorCode {

    /**
     * {@code MissingAuthReq} (4300): The request had no or a malformed Authorization header.
     *
     * @since 0.1
     */
    MISSING_AUTH_REQ(4300, "MissingAuthReq", Category.SERVICE),

    /**
     * {@code InvalidSession} (4301): The access or refresh token is expired or revoked (HTTP 401).
     *
     * @since 0.1
     */
    INVALID_SESSION(4301, "InvalidSession", Category.SERVICE),

    /**
     * {@code UserAppDomainMismatch} (4302): reported by the server.
     *
     * @since 0.1
     */
    USER_APP_DOMAIN_MISMATCH(4302, "UserAppDomainMismatch", Category.SERVICE),

    /**
     * {@code DomainNotAllowed} (4303): reported by the server.
     *
     * @since 0.1
     */
    DOMAIN_NOT_ALLOWED(4303, "DomainNotAllowed", Category.SERVICE),

    /**
     * {@code ReadSizeLimitExceeded} (4304): reported by the server.
     *
     * @since 0.1
     */
    READ_SIZE_LIMIT_EXCEEDED(4304, "ReadSizeLimitExceeded", Category.SERVICE),

    /**
     * {@code InvalidParameter} (4305): reported by the server.
     *
     * @since 0.1
     */
    INVALID_PARAMETER(4305, "InvalidParameter", Category.SERVICE),

    /**
     * {@code MissingParameter} (4306): reported by the server.
     *
     * @since 0.1
     */
    MISSING_PARAMETER(4306, "MissingParameter", Category.SERVICE),

    /**
     * {@code TwilioError} (4307): reported by the server.
     *
     * @since 0.1
     */
    TWILIO_ERROR(4307, "TwilioError", Category.SERVICE),

    /**
     * {@code GCMError} (4308): reported by the server.
     *
     * @since 0.1
     */
    GCM_ERROR(4308, "GCMError", Category.SERVICE),

    /**
     * {@code HTTPError} (4309): A non-2xx HTTP response without a recognised error body; the status is in {@link
     * AppServicesException#httpStatus()}.
     *
     * @since 0.1
     */
    HTTP_ERROR(4309, "HTTPError", Category.HTTP),

    /**
     * {@code AWSError} (4310): reported by the server.
     *
     * @since 0.1
     */
    AWS_ERROR(4310, "AWSError", Category.SERVICE),

    /**
     * {@code MongoDBError} (4311): reported by the server.
     *
     * @since 0.1
     */
    MONGODB_ERROR(4311, "MongoDBError", Category.SERVICE),

    /**
     * {@code ArgumentsNotAllowed} (4312): reported by the server.
     *
     * @since 0.1
     */
    ARGUMENTS_NOT_ALLOWED(4312, "ArgumentsNotAllowed", Category.SERVICE),

    /**
     * {@code FunctionExecutionError} (4313): The function threw an error.
     *
     * @since 0.1
     */
    FUNCTION_EXECUTION_ERROR(4313, "FunctionExecutionError", Category.SERVICE),

    /**
     * {@code NoMatchingRuleFound} (4314): reported by the server.
     *
     * @since 0.1
     */
    NO_MATCHING_RULE_FOUND(4314, "NoMatchingRuleFound", Category.SERVICE),

    /**
     * {@code InternalServerError} (4315): reported by the server.
     *
     * @since 0.1
     */
    INTERNAL_SERVER_ERROR(4315, "InternalServerError", Category.SERVICE),

    /**
     * {@code AuthProviderNotFound} (4316): reported by the server.
     *
     * @since 0.1
     */
    AUTH_PROVIDER_NOT_FOUND(4316, "AuthProviderNotFound", Category.SERVICE),

    /**
     * {@code AuthProviderAlreadyExists} (4317): reported by the server.
     *
     * @since 0.1
     */
    AUTH_PROVIDER_ALREADY_EXISTS(4317, "AuthProviderAlreadyExists", Category.SERVICE),

    /**
     * {@code ServiceNotFound} (4318): reported by the server.
     *
     * @since 0.1
     */
    SERVICE_NOT_FOUND(4318, "ServiceNotFound", Category.SERVICE),

    /**
     * {@code ServiceTypeNotFound} (4319): reported by the server.
     *
     * @since 0.1
     */
    SERVICE_TYPE_NOT_FOUND(4319, "ServiceTypeNotFound", Category.SERVICE),

    /**
     * {@code ServiceAlreadyExists} (4320): reported by the server.
     *
     * @since 0.1
     */
    SERVICE_ALREADY_EXISTS(4320, "ServiceAlreadyExists", Category.SERVICE),

    /**
     * {@code ServiceCommandNotFound} (4321): reported by the server.
     *
     * @since 0.1
     */
    SERVICE_COMMAND_NOT_FOUND(4321, "ServiceCommandNotFound", Category.SERVICE),

    /**
     * {@code ValueNotFound} (4322): reported by the server.
     *
     * @since 0.1
     */
    VALUE_NOT_FOUND(4322, "ValueNotFound", Category.SERVICE),

    /**
     * {@code ValueAlreadyExists} (4323): reported by the server.
     *
     * @since 0.1
     */
    VALUE_ALREADY_EXISTS(4323, "ValueAlreadyExists", Category.SERVICE),

    /**
     * {@code ValueDuplicateName} (4324): reported by the server.
     *
     * @since 0.1
     */
    VALUE_DUPLICATE_NAME(4324, "ValueDuplicateName", Category.SERVICE),

    /**
     * {@code FunctionNotFound} (4325): No function of that name.
     *
     * @since 0.1
     */
    FUNCTION_NOT_FOUND(4325, "FunctionNotFound", Category.SERVICE),

    /**
     * {@code FunctionAlreadyExists} (4326): reported by the server.
     *
     * @since 0.1
     */
    FUNCTION_ALREADY_EXISTS(4326, "FunctionAlreadyExists", Category.SERVICE),

    /**
     * {@code FunctionDuplicateName} (4327): reported by the server.
     *
     * @since 0.1
     */
    FUNCTION_DUPLICATE_NAME(4327, "FunctionDuplicateName", Category.SERVICE),

    /**
     * {@code FunctionSyntaxError} (4328): reported by the server.
     *
     * @since 0.1
     */
    FUNCTION_SYNTAX_ERROR(4328, "FunctionSyntaxError", Category.SERVICE),

    /**
     * {@code FunctionInvalid} (4329): reported by the server.
     *
     * @since 0.1
     */
    FUNCTION_INVALID(4329, "FunctionInvalid", Category.SERVICE),

    /**
     * {@code IncomingWebhookNotFound} (4330): reported by the server.
     *
     * @since 0.1
     */
    INCOMING_WEBHOOK_NOT_FOUND(4330, "IncomingWebhookNotFound", Category.SERVICE),

    /**
     * {@code IncomingWebhookAlreadyExists} (4331): reported by the server.
     *
     * @since 0.1
     */
    INCOMING_WEBHOOK_ALREADY_EXISTS(4331, "IncomingWebhookAlreadyExists", Category.SERVICE),

    /**
     * {@code IncomingWebhookDuplicateName} (4332): reported by the server.
     *
     * @since 0.1
     */
    INCOMING_WEBHOOK_DUPLICATE_NAME(4332, "IncomingWebhookDuplicateName", Category.SERVICE),

    /**
     * {@code RuleNotFound} (4333): reported by the server.
     *
     * @since 0.1
     */
    RULE_NOT_FOUND(4333, "RuleNotFound", Category.SERVICE),

    /**
     * {@code APIKeyNotFound} (4334): No API key with that id.
     *
     * @since 0.1
     */
    API_KEY_NOT_FOUND(4334, "APIKeyNotFound", Category.SERVICE),

    /**
     * {@code RuleAlreadyExists} (4335): reported by the server.
     *
     * @since 0.1
     */
    RULE_ALREADY_EXISTS(4335, "RuleAlreadyExists", Category.SERVICE),

    /**
     * {@code RuleDuplicateName} (4336): reported by the server.
     *
     * @since 0.1
     */
    RULE_DUPLICATE_NAME(4336, "RuleDuplicateName", Category.SERVICE),

    /**
     * {@code AuthProviderDuplicateName} (4337): reported by the server.
     *
     * @since 0.1
     */
    AUTH_PROVIDER_DUPLICATE_NAME(4337, "AuthProviderDuplicateName", Category.SERVICE),

    /**
     * {@code RestrictedHost} (4338): reported by the server.
     *
     * @since 0.1
     */
    RESTRICTED_HOST(4338, "RestrictedHost", Category.SERVICE),

    /**
     * {@code APIKeyAlreadyExists} (4339): reported by the server.
     *
     * @since 0.1
     */
    API_KEY_ALREADY_EXISTS(4339, "APIKeyAlreadyExists", Category.SERVICE),

    /**
     * {@code IncomingWebhookAuthFailed} (4340): reported by the server.
     *
     * @since 0.1
     */
    INCOMING_WEBHOOK_AUTH_FAILED(4340, "IncomingWebhookAuthFailed", Category.SERVICE),

    /**
     * {@code ExecutionTimeLimitExceeded} (4341): reported by the server.
     *
     * @since 0.1
     */
    EXECUTION_TIME_LIMIT_EXCEEDED(4341, "ExecutionTimeLimitExceeded", Category.SERVICE),

    /**
     * {@code NotCallable} (4342): reported by the server.
     *
     * @since 0.1
     */
    NOT_CALLABLE(4342, "NotCallable", Category.SERVICE),

    /**
     * {@code UserAlreadyConfirmed} (4343): The email/password user is already confirmed.
     *
     * @since 0.1
     */
    USER_ALREADY_CONFIRMED(4343, "UserAlreadyConfirmed", Category.SERVICE),

    /**
     * {@code UserNotFound} (4344): No such user on the server.
     *
     * @since 0.1
     */
    USER_NOT_FOUND(4344, "UserNotFound", Category.SERVICE),

    /**
     * {@code UserDisabled} (4345): The user was disabled by an administrator.
     *
     * @since 0.1
     */
    USER_DISABLED(4345, "UserDisabled", Category.SERVICE),

    /**
     * {@code AuthError} (4346): Authentication refused (disabled or deleted API key, unconfirmed user, identity already
     * linked).
     *
     * @since 0.1
     */
    AUTH_ERROR(4346, "AuthError", Category.SERVICE),

    /**
     * {@code BadRequest} (4347): reported by the server.
     *
     * @since 0.1
     */
    BAD_REQUEST(4347, "BadRequest", Category.SERVICE),

    /**
     * {@code AccountNameInUse} (4348): The email address is already registered.
     *
     * @since 0.1
     */
    ACCOUNT_NAME_IN_USE(4348, "AccountNameInUse", Category.SERVICE),

    /**
     * {@code InvalidPassword} (4349): Wrong email or password.
     *
     * @since 0.1
     */
    INVALID_PASSWORD(4349, "InvalidPassword", Category.SERVICE),

    /**
     * {@code SchemaValidationFailedWrite} (4350): reported by the server.
     *
     * @since 0.1
     */
    SCHEMA_VALIDATION_FAILED_WRITE(4350, "SchemaValidationFailedWrite", Category.SERVICE),

    /**
     * {@code AppUnknownError} (4351): An error body with a message but no {@code error_code}.
     *
     * @since 0.1
     */
    APP_UNKNOWN_ERROR(4351, "AppUnknownError", Category.SERVICE),

    /**
     * {@code MaintenanceInProgress} (4352): reported by the server.
     *
     * @since 0.1
     */
    MAINTENANCE_IN_PROGRESS(4352, "MaintenanceInProgress", Category.SERVICE),

    /**
     * {@code UserpassTokenInvalid} (4353): The confirmation or reset token pair is invalid or expired.
     *
     * @since 0.1
     */
    USERPASS_TOKEN_INVALID(4353, "UserpassTokenInvalid", Category.SERVICE),

    /**
     * {@code InvalidServerResponse} (4354): reported by the server.
     *
     * @since 0.1
     */
    INVALID_SERVER_RESPONSE(4354, "InvalidServerResponse", Category.SERVICE),

    /**
     * {@code AppServerError} (4355): An {@code error_code} this client does not know; the raw string is in {@link
     * AppServicesException#serverErrorCode()}.
     *
     * @since 0.1
     */
    APP_SERVER_ERROR(4355, "AppServerError", Category.SERVICE),

    /**
     * {@code CustomError} (4000): A failure on the client side that has no protocol code: transport failure, timeout,
     * configuration or metadata store problem.
     *
     * @since 0.1
     */
    CUSTOM_ERROR(4000, "CustomError", Category.CUSTOM),

    /**
     * {@code ClientUserNotFound} (4100): The user does not belong to this App.
     *
     * @since 0.1
     */
    CLIENT_USER_NOT_FOUND(4100, "ClientUserNotFound", Category.CLIENT),

    /**
     * {@code ClientUserNotLoggedIn} (4101): The operation needs a logged-in user.
     *
     * @since 0.1
     */
    CLIENT_USER_NOT_LOGGED_IN(4101, "ClientUserNotLoggedIn", Category.CLIENT),

    /**
     * {@code ClientAppClosed} (4102): The App was closed.
     *
     * @since 0.1
     */
    CLIENT_APP_CLOSED(4102, "ClientAppClosed", Category.CLIENT),

    /**
     * {@code ClientRedirectError} (4103): A redirect without a usable {@code Location} header.
     *
     * @since 0.1
     */
    CLIENT_REDIRECT_ERROR(4103, "ClientRedirectError", Category.CLIENT),

    /**
     * {@code ClientTooManyRedirects} (4104): More redirects than the client follows.
     *
     * @since 0.1
     */
    CLIENT_TOO_MANY_REDIRECTS(4104, "ClientTooManyRedirects", Category.CLIENT),

    /**
     * {@code ClientUserAlreadyNamed} (4105): Anonymous credentials cannot be linked to an existing user.
     *
     * @since 0.1
     */
    CLIENT_USER_ALREADY_NAMED(4105, "ClientUserAlreadyNamed", Category.CLIENT),

    /**
     * {@code BadToken} (4200): A token in a response is not a readable JWT.
     *
     * @since 0.1
     */
    BAD_TOKEN(4200, "BadToken", Category.JSON),

    /**
     * {@code MalformedJson} (4201): A response body is not valid JSON.
     *
     * @since 0.1
     */
    MALFORMED_JSON(4201, "MalformedJson", Category.JSON),

    /**
     * {@code MissingJsonKey} (4202): A response body lacks a required key.
     *
     * @since 0.1
     */
    MISSING_JSON_KEY(4202, "MissingJsonKey", Category.JSON),

    /**
     * {@code BadBsonParse} (4203): A response or function result is not valid Extended JSON, or cannot be decoded into
     * the requested type.
     *
     * @since 0.1
     */
    BAD_BSON_PARSE(4203, "BadBsonParse", Category.JSON);

    /**
     * The group of an error code, as in the protocol.
     *
     * @since 0.1
     */
    public enum Category {

        /**
         * Errors reported by the server in an error body (4300–4355, except 4309).
         *
         * @since 0.1
         */
        SERVICE,

        /**
         * An HTTP error status without a recognised error body (4309).
         *
         * @since 0.1
         */
        HTTP,

        /**
         * Preconditions checked by the client (4100–4105).
         *
         * @since 0.1
         */
        CLIENT,

        /**
         * Unreadable responses (4200–4203).
         *
         * @since 0.1
         */
        JSON,

        /**
         * Client failures without a protocol code (4000).
         *
         * @since 0.1
         */
        CUSTOM
    }

    private static final Map<String, ErrorCode> BY_WIRE_NAME = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            if (code.category == Category.SERVICE || code.category == Category.HTTP) {
                BY_WIRE_NAME.put(code.wireName, code);
            }
        }
        // The name used by servers before core v13.
        BY_WIRE_NAME.put("NoMatchingRule", NO_MATCHING_RULE_FOUND);
    }

    private final int code;
    private final String wireName;
    private final Category category;

    ErrorCode(int code, String wireName, Category category) {
        this.code = code;
        this.wireName = wireName;
        this.category = category;
    }

    /**
     * Returns the numeric code.
     *
     * @return the code, for example 4301 for {@link #INVALID_SESSION}
     * @since 0.1
     */
    public int code() {
        return code;
    }

    /**
     * Returns the protocol's name of the code.
     *
     * @return the name, for example {@code "InvalidSession"}
     * @since 0.1
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the group of the code.
     *
     * @return the category, never null
     * @since 0.1
     */
    public Category category() {
        return category;
    }

    /**
     * Looks up the code the server names in the {@code error_code} field of an error body. Only the server codes
     * 4300–4355 are found (the older name {@code NoMatchingRule} included); client-side names never come from a
     * server and are not found. The lookup is case-sensitive.
     *
     * @param wireName the {@code error_code} string, may be null
     * @return the code, or empty for null or an unknown name (which a client reports as {@link #APP_SERVER_ERROR})
     * @since 0.1
     */
    public static Optional<ErrorCode> fromWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
