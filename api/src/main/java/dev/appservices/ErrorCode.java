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
     */
    MISSING_AUTH_REQ(4300, "MissingAuthReq", Category.SERVICE),

    /**
     * {@code InvalidSession} (4301): The access or refresh token is expired or revoked (HTTP 401).
     */
    INVALID_SESSION(4301, "InvalidSession", Category.SERVICE),

    /**
     * {@code UserAppDomainMismatch} (4302): The user belongs to another App than the one the request was sent to.
     */
    USER_APP_DOMAIN_MISMATCH(4302, "UserAppDomainMismatch", Category.SERVICE),

    /**
     * {@code DomainNotAllowed} (4303): The request came from a web origin that the App does not allow.
     */
    DOMAIN_NOT_ALLOWED(4303, "DomainNotAllowed", Category.SERVICE),

    /**
     * {@code ReadSizeLimitExceeded} (4304): A read returned more data than the service allows in one answer.
     */
    READ_SIZE_LIMIT_EXCEEDED(4304, "ReadSizeLimitExceeded", Category.SERVICE),

    /**
     * {@code InvalidParameter} (4305): An argument of the request was invalid (for example a malformed id or value).
     */
    INVALID_PARAMETER(4305, "InvalidParameter", Category.SERVICE),

    /**
     * {@code MissingParameter} (4306): A required argument of the request was missing.
     */
    MISSING_PARAMETER(4306, "MissingParameter", Category.SERVICE),

    /**
     * {@code TwilioError} (4307): The Twilio service of the App failed.
     */
    TWILIO_ERROR(4307, "TwilioError", Category.SERVICE),

    /**
     * {@code GCMError} (4308): The push-notification (GCM/FCM) service of the App failed.
     */
    GCM_ERROR(4308, "GCMError", Category.SERVICE),

    /**
     * {@code HTTPError} (4309): A non-2xx HTTP response without a recognised error body; the status is in {@link
     * AppServicesException#httpStatus()}.
     */
    HTTP_ERROR(4309, "HTTPError", Category.HTTP),

    /**
     * {@code AWSError} (4310): The AWS service of the App failed.
     */
    AWS_ERROR(4310, "AWSError", Category.SERVICE),

    /**
     * {@code MongoDBError} (4311): The MongoDB data service failed the operation (for example a duplicate key).
     */
    MONGODB_ERROR(4311, "MongoDBError", Category.SERVICE),

    /**
     * {@code ArgumentsNotAllowed} (4312): The rules of a service refused the arguments of a call.
     */
    ARGUMENTS_NOT_ALLOWED(4312, "ArgumentsNotAllowed", Category.SERVICE),

    /**
     * {@code FunctionExecutionError} (4313): The function threw an error.
     */
    FUNCTION_EXECUTION_ERROR(4313, "FunctionExecutionError", Category.SERVICE),

    /**
     * {@code NoMatchingRuleFound} (4314): No rule of the data service lets the user perform the operation on that namespace.
     */
    NO_MATCHING_RULE_FOUND(4314, "NoMatchingRuleFound", Category.SERVICE),

    /**
     * {@code InternalServerError} (4315): The server failed to process the request.
     */
    INTERNAL_SERVER_ERROR(4315, "InternalServerError", Category.SERVICE),

    /**
     * {@code AuthProviderNotFound} (4316): The authentication provider named by the request does not exist or is disabled.
     */
    AUTH_PROVIDER_NOT_FOUND(4316, "AuthProviderNotFound", Category.SERVICE),

    /**
     * {@code AuthProviderAlreadyExists} (4317): An authentication provider of that type already exists (administration API).
     */
    AUTH_PROVIDER_ALREADY_EXISTS(4317, "AuthProviderAlreadyExists", Category.SERVICE),

    /**
     * {@code ServiceNotFound} (4318): The service named by the request does not exist in the App.
     */
    SERVICE_NOT_FOUND(4318, "ServiceNotFound", Category.SERVICE),

    /**
     * {@code ServiceTypeNotFound} (4319): The service type named by the request does not exist.
     */
    SERVICE_TYPE_NOT_FOUND(4319, "ServiceTypeNotFound", Category.SERVICE),

    /**
     * {@code ServiceAlreadyExists} (4320): A service of that name already exists (administration API).
     */
    SERVICE_ALREADY_EXISTS(4320, "ServiceAlreadyExists", Category.SERVICE),

    /**
     * {@code ServiceCommandNotFound} (4321): The service has no operation of the requested name.
     */
    SERVICE_COMMAND_NOT_FOUND(4321, "ServiceCommandNotFound", Category.SERVICE),

    /**
     * {@code ValueNotFound} (4322): The value named by the request does not exist in the App.
     */
    VALUE_NOT_FOUND(4322, "ValueNotFound", Category.SERVICE),

    /**
     * {@code ValueAlreadyExists} (4323): A value of that name already exists (administration API).
     */
    VALUE_ALREADY_EXISTS(4323, "ValueAlreadyExists", Category.SERVICE),

    /**
     * {@code ValueDuplicateName} (4324): Two values share a name (administration API).
     */
    VALUE_DUPLICATE_NAME(4324, "ValueDuplicateName", Category.SERVICE),

    /**
     * {@code FunctionNotFound} (4325): No function of that name.
     */
    FUNCTION_NOT_FOUND(4325, "FunctionNotFound", Category.SERVICE),

    /**
     * {@code FunctionAlreadyExists} (4326): A function of that name already exists (administration API).
     */
    FUNCTION_ALREADY_EXISTS(4326, "FunctionAlreadyExists", Category.SERVICE),

    /**
     * {@code FunctionDuplicateName} (4327): Two functions share a name (administration API).
     */
    FUNCTION_DUPLICATE_NAME(4327, "FunctionDuplicateName", Category.SERVICE),

    /**
     * {@code FunctionSyntaxError} (4328): The source of the called function does not compile.
     */
    FUNCTION_SYNTAX_ERROR(4328, "FunctionSyntaxError", Category.SERVICE),

    /**
     * {@code FunctionInvalid} (4329): The called function is not valid.
     */
    FUNCTION_INVALID(4329, "FunctionInvalid", Category.SERVICE),

    /**
     * {@code IncomingWebhookNotFound} (4330): The incoming webhook named by the request does not exist.
     */
    INCOMING_WEBHOOK_NOT_FOUND(4330, "IncomingWebhookNotFound", Category.SERVICE),

    /**
     * {@code IncomingWebhookAlreadyExists} (4331): An incoming webhook of that name already exists (administration API).
     */
    INCOMING_WEBHOOK_ALREADY_EXISTS(4331, "IncomingWebhookAlreadyExists", Category.SERVICE),

    /**
     * {@code IncomingWebhookDuplicateName} (4332): Two incoming webhooks share a name (administration API).
     */
    INCOMING_WEBHOOK_DUPLICATE_NAME(4332, "IncomingWebhookDuplicateName", Category.SERVICE),

    /**
     * {@code RuleNotFound} (4333): The rule named by the request does not exist.
     */
    RULE_NOT_FOUND(4333, "RuleNotFound", Category.SERVICE),

    /**
     * {@code APIKeyNotFound} (4334): No API key with that id.
     */
    API_KEY_NOT_FOUND(4334, "APIKeyNotFound", Category.SERVICE),

    /**
     * {@code RuleAlreadyExists} (4335): A rule for that namespace already exists (administration API).
     */
    RULE_ALREADY_EXISTS(4335, "RuleAlreadyExists", Category.SERVICE),

    /**
     * {@code RuleDuplicateName} (4336): Two rules share a name (administration API).
     */
    RULE_DUPLICATE_NAME(4336, "RuleDuplicateName", Category.SERVICE),

    /**
     * {@code AuthProviderDuplicateName} (4337): Two authentication providers share a name (administration API).
     */
    AUTH_PROVIDER_DUPLICATE_NAME(4337, "AuthProviderDuplicateName", Category.SERVICE),

    /**
     * {@code RestrictedHost} (4338): A function tried to reach a host that the App does not allow.
     */
    RESTRICTED_HOST(4338, "RestrictedHost", Category.SERVICE),

    /**
     * {@code APIKeyAlreadyExists} (4339): The user already has an API key of that name.
     */
    API_KEY_ALREADY_EXISTS(4339, "APIKeyAlreadyExists", Category.SERVICE),

    /**
     * {@code IncomingWebhookAuthFailed} (4340): The request to an incoming webhook failed its authentication.
     */
    INCOMING_WEBHOOK_AUTH_FAILED(4340, "IncomingWebhookAuthFailed", Category.SERVICE),

    /**
     * {@code ExecutionTimeLimitExceeded} (4341): The called function ran longer than the service allows.
     */
    EXECUTION_TIME_LIMIT_EXCEEDED(4341, "ExecutionTimeLimitExceeded", Category.SERVICE),

    /**
     * {@code NotCallable} (4342): The called function is private or otherwise not callable by clients.
     */
    NOT_CALLABLE(4342, "NotCallable", Category.SERVICE),

    /**
     * {@code UserAlreadyConfirmed} (4343): The email/password user is already confirmed.
     */
    USER_ALREADY_CONFIRMED(4343, "UserAlreadyConfirmed", Category.SERVICE),

    /**
     * {@code UserNotFound} (4344): No such user on the server.
     */
    USER_NOT_FOUND(4344, "UserNotFound", Category.SERVICE),

    /**
     * {@code UserDisabled} (4345): The user was disabled by an administrator.
     */
    USER_DISABLED(4345, "UserDisabled", Category.SERVICE),

    /**
     * {@code AuthError} (4346): Authentication refused (disabled or deleted API key, unconfirmed user, identity already
     * linked).
     */
    AUTH_ERROR(4346, "AuthError", Category.SERVICE),

    /**
     * {@code BadRequest} (4347): The request was malformed or one of its arguments was invalid.
     */
    BAD_REQUEST(4347, "BadRequest", Category.SERVICE),

    /**
     * {@code AccountNameInUse} (4348): The email address is already registered.
     */
    ACCOUNT_NAME_IN_USE(4348, "AccountNameInUse", Category.SERVICE),

    /**
     * {@code InvalidPassword} (4349): Wrong email or password.
     */
    INVALID_PASSWORD(4349, "InvalidPassword", Category.SERVICE),

    /**
     * {@code SchemaValidationFailedWrite} (4350): A write did not match the schema of the collection.
     */
    SCHEMA_VALIDATION_FAILED_WRITE(4350, "SchemaValidationFailedWrite", Category.SERVICE),

    /**
     * {@code AppUnknownError} (4351): An error body with a message but no {@code error_code}.
     */
    APP_UNKNOWN_ERROR(4351, "AppUnknownError", Category.SERVICE),

    /**
     * {@code MaintenanceInProgress} (4352): The App is under maintenance and does not accept requests.
     */
    MAINTENANCE_IN_PROGRESS(4352, "MaintenanceInProgress", Category.SERVICE),

    /**
     * {@code UserpassTokenInvalid} (4353): The confirmation or reset token pair is invalid or expired.
     */
    USERPASS_TOKEN_INVALID(4353, "UserpassTokenInvalid", Category.SERVICE),

    /**
     * {@code InvalidServerResponse} (4354): The server answered with something the protocol does not allow.
     */
    INVALID_SERVER_RESPONSE(4354, "InvalidServerResponse", Category.SERVICE),

    /**
     * {@code AppServerError} (4355): An {@code error_code} this client does not know; the raw string is in {@link
     * AppServicesException#serverErrorCode()}.
     */
    APP_SERVER_ERROR(4355, "AppServerError", Category.SERVICE),

    /**
     * {@code CustomError} (4000): A failure on the client side that has no protocol code: transport failure, timeout,
     * configuration or metadata store problem.
     */
    CUSTOM_ERROR(4000, "CustomError", Category.CUSTOM),

    /**
     * {@code ClientUserNotFound} (4100): The user does not belong to this App.
     */
    CLIENT_USER_NOT_FOUND(4100, "ClientUserNotFound", Category.CLIENT),

    /**
     * {@code ClientUserNotLoggedIn} (4101): The operation needs a logged-in user.
     */
    CLIENT_USER_NOT_LOGGED_IN(4101, "ClientUserNotLoggedIn", Category.CLIENT),

    /**
     * {@code ClientAppClosed} (4102): The App was closed.
     */
    CLIENT_APP_CLOSED(4102, "ClientAppClosed", Category.CLIENT),

    /**
     * {@code ClientRedirectError} (4103): A redirect without a usable {@code Location} header.
     */
    CLIENT_REDIRECT_ERROR(4103, "ClientRedirectError", Category.CLIENT),

    /**
     * {@code ClientTooManyRedirects} (4104): More redirects than the client follows.
     */
    CLIENT_TOO_MANY_REDIRECTS(4104, "ClientTooManyRedirects", Category.CLIENT),

    /**
     * {@code ClientUserAlreadyNamed} (4105): Anonymous credentials cannot be linked to an existing user.
     */
    CLIENT_USER_ALREADY_NAMED(4105, "ClientUserAlreadyNamed", Category.CLIENT),

    /**
     * {@code BadToken} (4200): A token in a response is not a readable JWT.
     */
    BAD_TOKEN(4200, "BadToken", Category.JSON),

    /**
     * {@code MalformedJson} (4201): A response body is not valid JSON.
     */
    MALFORMED_JSON(4201, "MalformedJson", Category.JSON),

    /**
     * {@code MissingJsonKey} (4202): A response body lacks a required key.
     */
    MISSING_JSON_KEY(4202, "MissingJsonKey", Category.JSON),

    /**
     * {@code BadBsonParse} (4203): A response or function result is not valid Extended JSON, or cannot be decoded into
     * the requested type.
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
         */
        SERVICE,

        /**
         * An HTTP error status without a recognised error body (4309).
         */
        HTTP,

        /**
         * Preconditions checked by the client (4100–4105).
         */
        CLIENT,

        /**
         * Unreadable responses (4200–4203).
         */
        JSON,

        /**
         * Client failures without a protocol code (4000).
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
     */
    public int code() {
        return code;
    }

    /**
     * Returns the protocol's name of the code.
     *
     * @return the name, for example {@code "InvalidSession"}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the group of the code.
     *
     * @return the category, never null
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
     */
    public static Optional<ErrorCode> fromWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
