package dev.appservices.emulator.internal.http;

import dev.appservices.emulator.internal.data.DataException;
import dev.appservices.emulator.internal.messages.Messages;

/**
 * A failure that the emulator answers with the service's error body {@code {"error","error_code","link"}}.
 *
 * <p>The static factories hold the status codes and {@code error_code} strings of protocol.md §10. Where the real
 * service's message text is known it is used verbatim (SDK tests and users recognise it); messages the emulator
 * invents carry an {@code APPSVC05nn} code from {@link Messages}. Thrown by endpoints and caught by
 * {@link Dispatcher}; it carries no stack trace because it is an expected outcome, not a bug.
 */
public final class ServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    public ServiceError(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public static ServiceError appNotFound(String appId) {
        return new ServiceError(404, "AppNotFound", "cannot find app using Client App ID '" + appId + "'");
    }

    public static ServiceError missingAuthorization() {
        return new ServiceError(401, "MissingAuthReq", "expected Authorization header with JWT (Bearer schema)");
    }

    public static ServiceError invalidSession(String detail) {
        return new ServiceError(401, "InvalidSession", "invalid session: " + detail);
    }

    /** A refresh token whose session no longer exists (user deleted, session revoked or logged out). */
    public static ServiceError refreshTokenNotFound() {
        return new ServiceError(401, "InvalidSession", "failed to find refresh token");
    }

    public static ServiceError authError(String detail) {
        return new ServiceError(401, "AuthError", detail);
    }

    public static ServiceError unauthorized() {
        return authError("unauthorized");
    }

    public static ServiceError invalidPassword() {
        return new ServiceError(401, "InvalidPassword", "invalid username/password");
    }

    public static ServiceError userDisabled() {
        return new ServiceError(401, "UserDisabled", "user disabled");
    }

    public static ServiceError providerNotFound(String provider) {
        return new ServiceError(400, "AuthProviderNotFound", "authentication via '" + provider + "' is unsupported");
    }

    public static ServiceError accountNameInUse() {
        return new ServiceError(409, "AccountNameInUse", "name already in use");
    }

    public static ServiceError userAlreadyConfirmed() {
        return new ServiceError(400, "UserAlreadyConfirmed", "already confirmed");
    }

    public static ServiceError userNotFound() {
        return new ServiceError(404, "UserNotFound", "user not found");
    }

    public static ServiceError userpassTokenInvalid() {
        return new ServiceError(400, "UserpassTokenInvalid", "invalid token data");
    }

    public static ServiceError badRequest(String message) {
        return new ServiceError(400, "BadRequest", message);
    }

    public static ServiceError invalidParameter(String message) {
        return new ServiceError(400, "InvalidParameter", message);
    }

    public static ServiceError apiKeyNotFound(String message) {
        return new ServiceError(404, "APIKeyNotFound", message);
    }

    public static ServiceError apiKeyAlreadyExists(String name) {
        return new ServiceError(409, "APIKeyAlreadyExists", "API key with name '" + name + "' already exists");
    }

    public static ServiceError functionNotFound(String name) {
        return new ServiceError(404, "FunctionNotFound", "function not found: '" + name + "'");
    }

    public static ServiceError functionExecution(String message) {
        return new ServiceError(400, "FunctionExecutionError", message);
    }

    /** A data service failure, with the status its kind stands for. */
    public static ServiceError of(DataException failure) {
        int status = switch (failure.kind()) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
        };
        return new ServiceError(status, failure.errorCode(), failure.getMessage());
    }

    public static ServiceError noSuchEndpoint(String method, String path) {
        return new ServiceError(404, "ServiceCommandNotFound", Messages.noSuchEndpoint(method, path));
    }

    public static ServiceError methodNotAllowed(String method, String path) {
        return new ServiceError(405, "ServiceCommandNotFound", Messages.methodNotAllowed(method, path));
    }

    public static ServiceError bodyTooLarge(long limit) {
        return new ServiceError(413, "ReadSizeLimitExceeded", Messages.bodyTooLarge(limit));
    }

    public static ServiceError internal(String requestId) {
        return new ServiceError(500, "InternalServerError", Messages.internalError(requestId));
    }
}
