package dev.appservices.extension.internal.client;

import dev.appservices.AppServicesConfigException;
import dev.appservices.AppServicesException;
import dev.appservices.AuthException;
import dev.appservices.ConnectionException;
import dev.appservices.ErrorCode;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.ServiceException;
import dev.appservices.SessionExpiredException;
import dev.appservices.UserAlreadyConfirmedException;
import dev.appservices.UserAlreadyExistsException;
import dev.appservices.UserNotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message factory of the App client core: the App cache, requests, location and redirects, logins, users and
 * sessions. Every failure (and every warning) they raise is built here, so that their {@code APPSVCnnnn:} codes stay
 * unique and no message ever carries a token, password, key or header value.
 *
 * <p>Codes: 0200–0229 core, 0230–0249 sessions. A code, once published, is never reused for a different meaning.
 */
public final class ClientMessages {

    private ClientMessages() {}

    // --- 0200-0229: core ---------------------------------------------------------------------------------------

    /** {@code App.getApp(id)} of an id that neither the cache nor the configuration knows. */
    public static AppServicesConfigException unknownApp(String appId) {
        String key = "appservices." + appId + ".base-url";
        return new AppServicesConfigException(
                "APPSVC0200: no App with id '" + appId + "' exists and none is "
                        + "configured: create it with App.create(AppConfiguration.builder(\"" + appId + "\")...), or "
                        + "configure it with MicroProfile Config (" + key + ", or list it in appservices.ids)",
                key,
                appId);
    }

    /** Warning: {@code App.create} found the id cached with other settings. */
    public static String differingSettingsIgnored(String appId, Collection<String> settings) {
        return "APPSVC0201: App '" + appId + "' exists already; these settings of the new configuration differ and "
                + "are ignored: " + String.join(", ", settings) + " (only baseUrl takes effect on an existing App; "
                + "close the App first to change the others)";
    }

    /** Any call on a closed App or on a user of a closed App. */
    public static AppServicesException appClosed(String appId) {
        return new AppServicesException(
                "APPSVC0202: App '" + appId + "' is closed; obtain a new one with " + "App.getApp(\"" + appId
                        + "\") or App.create(...)",
                ErrorCode.CLIENT_APP_CLOSED);
    }

    /** The server could not be reached or the connection failed. */
    public static ConnectionException connectionFailed(String appId, String endpoint, URI server, Throwable cause) {
        return new ConnectionException(
                "APPSVC0203: App '" + appId + "': " + endpoint + " at " + server + " failed: " + describe(cause),
                cause);
    }

    /** The server did not answer within the App timeout. */
    public static ConnectionException timedOut(
            String appId, String endpoint, URI server, Duration timeout, Throwable cause) {
        return new ConnectionException(
                "APPSVC0204: App '" + appId + "': " + endpoint + " at " + server
                        + " did not complete within the timeout of " + timeout.toMillis()
                        + " ms (appservices." + appId + ".timeout)",
                cause);
    }

    /** A 301/308 answer without a usable {@code Location} header. */
    public static ServiceException redirectWithoutLocation(String appId, String endpoint, int status) {
        return new ServiceException(
                "APPSVC0205: App '" + appId + "': " + endpoint + " was redirected (HTTP " + status
                        + ") without a usable Location header",
                ErrorCode.CLIENT_REDIRECT_ERROR);
    }

    /** More redirects than the client follows. */
    public static ServiceException tooManyRedirects(String appId, String endpoint, int limit) {
        return new ServiceException(
                "APPSVC0206: App '" + appId + "': " + endpoint + " was redirected more than " + limit + " times",
                ErrorCode.CLIENT_TOO_MANY_REDIRECTS);
    }

    /**
     * An error response with an App Services error body: the exception type follows the error code, so that callers
     * can catch the common cases by type.
     */
    public static ServiceException rejected(
            String appId, int status, ErrorCode code, String serverErrorCode, String serverMessage, String link) {
        String message = "APPSVC0207: App '" + appId + "': the server refused the request (HTTP " + status + ", "
                + (serverErrorCode == null ? code.wireName() : serverErrorCode) + "): "
                + (serverMessage == null || serverMessage.isBlank() ? "no error message" : serverMessage);
        switch (code) {
            case INVALID_PASSWORD:
            case AUTH_ERROR:
                return new InvalidCredentialsException(message, code, status, serverErrorCode, link);
            case USER_NOT_FOUND:
                return new UserNotFoundException(message, code, status, serverErrorCode, link);
            case ACCOUNT_NAME_IN_USE:
                return new UserAlreadyExistsException(message, code, status, serverErrorCode, link);
            case USER_ALREADY_CONFIRMED:
                return new UserAlreadyConfirmedException(message, code, status, serverErrorCode, link);
            case MISSING_AUTH_REQ:
            case INVALID_SESSION:
            case USER_DISABLED:
            case USERPASS_TOKEN_INVALID:
            case AUTH_PROVIDER_NOT_FOUND:
                return new AuthException(message, code, status, serverErrorCode, link);
            default:
                return new ServiceException(message, code, status, serverErrorCode, link);
        }
    }

    /**
     * The server's own text in a message of {@link #rejected}, for callers that must keep it apart (it may quote
     * values of the request, such as a duplicate key).
     *
     * @return the text, empty if {@code refusal} is not such a message or the server sent none
     */
    public static Optional<String> serverMessage(ServiceException refusal) {
        Matcher rejected = REJECTED.matcher(refusal.getMessage());
        String text = rejected.matches() ? rejected.group(1) : "";
        return text.isEmpty() || text.equals("no error message") ? Optional.empty() : Optional.of(text);
    }

    /** The text {@link #rejected} writes, with the server's own text as the group. */
    private static final Pattern REJECTED = Pattern.compile(
            "APPSVC\\d{4}: App '[^']*': the server refused the request \\(HTTP \\d+, [^)]*\\): (.*)", Pattern.DOTALL);

    /** An error status without an App Services error body (a proxy page, a plain-text error…). */
    public static ServiceException httpError(String appId, int status, String reason) {
        return new ServiceException(
                "APPSVC0208: App '" + appId + "': the server answered HTTP " + status
                        + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                        + " without an App Services error body",
                ErrorCode.HTTP_ERROR,
                status,
                null,
                null);
    }

    /** A response body that is not the JSON it should be. */
    public static ServiceException malformedResponse(String appId, String endpoint, Throwable cause) {
        return new ServiceException(
                "APPSVC0209: App '" + appId + "': the response to " + endpoint + " is not valid JSON",
                ErrorCode.MALFORMED_JSON,
                cause);
    }

    /** A response body without a field the protocol requires. */
    public static ServiceException missingJsonKey(String appId, String endpoint, String key) {
        return new ServiceException(
                "APPSVC0210: App '" + appId + "': the response to " + endpoint + " lacks the required field '" + key
                        + "'",
                ErrorCode.MISSING_JSON_KEY);
    }

    /** A token in a response that is not a readable JWT; the token itself is never shown. */
    public static ServiceException badToken(String appId, String endpoint, String field) {
        return new ServiceException(
                "APPSVC0211: App '" + appId + "': the " + field + " received from " + endpoint
                        + " is not a readable JWT",
                ErrorCode.BAD_TOKEN);
    }

    /** A location response whose {@code hostname} is not an http(s) URL. */
    public static ServiceException invalidHostname(String appId, URI server) {
        return new ServiceException(
                "APPSVC0212: App '" + appId + "': the location answered by " + server
                        + " has a hostname that is not an absolute http(s) URL",
                ErrorCode.MALFORMED_JSON);
    }

    /** A user object passed to an App it does not belong to, or one that was removed. */
    public static UserNotFoundException userNotFound(String appId, String userId) {
        return new UserNotFoundException(
                "APPSVC0213: user '" + userId + "' is not a user of App '" + appId
                        + "' (removed, or it belongs to another App)",
                ErrorCode.CLIENT_USER_NOT_FOUND);
    }

    /** An operation that needs a logged-in user. */
    public static AppServicesException userNotLoggedIn(String appId, String userId, String operation) {
        return new AppServicesException(
                "APPSVC0214: " + operation + " needs a logged-in user, but user '" + userId + "' of App '" + appId
                        + "' is logged out; log in again",
                ErrorCode.CLIENT_USER_NOT_LOGGED_IN);
    }

    /** Warning: a listener threw. */
    public static String listenerFailed(String appId, Object event) {
        return "APPSVC0215: a listener of App '" + appId + "' failed on " + event + "; the other listeners were called";
    }

    /** Warning: the server could not be told about a logout that already happened locally. */
    public static String serverLogoutFailed(String appId, String userId) {
        return "APPSVC0216: user '" + userId + "' of App '" + appId + "' is logged out locally, but revoking its "
                + "session on the server failed; the session ends when its refresh token expires";
    }

    /** A request that failed inside the HTTP client for a reason other than the network. */
    public static AppServicesException requestFailed(String appId, String endpoint, URI server, Throwable cause) {
        return new AppServicesException(
                "APPSVC0217: App '" + appId + "': " + endpoint + " at " + server + " could not be processed: "
                        + describe(cause),
                ErrorCode.CUSTOM_ERROR,
                cause);
    }

    // APPSVC0218 (retired): a capability whose implementation was not part of the build.

    /** Warning: the base URL of a cached App was changed through {@code App.create}. */
    public static String baseUrlChanged(String appId, URI url) {
        return "APPSVC0219: App '" + appId + "' now uses base URL " + url
                + " (set by App.create); its location is discovered again at the next request";
    }

    // --- 0230-0249: sessions -------------------------------------------------------------------------------------

    /** The server refused the refresh token: the session ended. */
    public static SessionExpiredException sessionExpired(String appId, String userId, AppServicesException cause) {
        int status = cause.httpStatus().orElse(401);
        return new SessionExpiredException(
                "APPSVC0230: the session of user '" + userId + "' of App '" + appId
                        + "' has ended (the server refused its refresh token); the user is logged out and must log in "
                        + "again",
                ErrorCode.INVALID_SESSION,
                status,
                cause.serverErrorCode().orElse(null),
                cause.link().orElse(null));
    }

    /** Warning: a request with the refresh token was refused, so the user was logged out. */
    public static String refreshTokenRefused(String appId, String userId, String endpoint) {
        return "APPSVC0231: " + endpoint + " refused the refresh token of user '" + userId + "' of App '" + appId
                + "' (HTTP 401); the user is logged out";
    }

    /**
     * Describes a transport failure without its message when that could quote request data: the exception class
     * and, for the JDK's network exceptions, their message (host and port, never headers or bodies).
     */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        boolean network = root instanceof java.io.IOException;
        return root.getClass().getSimpleName() + (network && text != null ? " (" + text + ")" : "");
    }
}
