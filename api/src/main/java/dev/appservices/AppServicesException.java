package dev.appservices;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception of App Services for Jakarta EE: catch it to handle any failure of the client.
 *
 * <p>Every exception carries an {@link ErrorCode}. Failures reported by the server also carry the HTTP status, the
 * raw {@code error_code} string and the link to the server logs, when the server sent them.
 *
 * <p><b>Messages.</b> Every message starts with a stable code {@code APPSVCnnnn:} (0100–0199 configuration,
 * 0200–0299 client and protocol, 0300–0399 metadata store) and names what was wrong: the configuration key, the app
 * id, the endpoint. A message never contains a token, password, key or decrypted data.
 *
 * <p>Wrong arguments (a null or malformed value passed to a method) are reported with
 * {@link NullPointerException} and {@link IllegalArgumentException} instead; project exceptions are for backend,
 * transport, configuration and storage failures. {@code …Async} methods complete exceptionally with the same
 * types, possibly wrapped in {@link java.util.concurrent.CompletionException}.
 *
 * <p>Exceptions are immutable once thrown and safe to share between threads.
 *
 * @since 0.1
 */
public class AppServicesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** -1 when absent; {@link OptionalInt} is not serializable. */
    private final int httpStatus;

    private final ErrorCode errorCode;
    private final String serverErrorCode;
    private final String link;

    /**
     * Creates an exception for a failure detected by the client.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param code    the error code
     * @throws NullPointerException if {@code code} is null
     */
    public AppServicesException(String message, ErrorCode code) {
        this(message, code, null, -1, null, null);
    }

    /**
     * Creates an exception for a failure detected by the client, caused by another exception.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param code    the error code
     * @param cause   the cause, may be null
     * @throws NullPointerException if {@code code} is null
     */
    public AppServicesException(String message, ErrorCode code, Throwable cause) {
        this(message, code, cause, -1, null, null);
    }

    /**
     * Creates an exception for a failure reported by the server.
     *
     * @param message         the message, starting with {@code APPSVCnnnn:}
     * @param code            the error code
     * @param httpStatus      the HTTP status of the response
     * @param serverErrorCode the raw {@code error_code} string of the error body, or null if there was none
     * @param link            the {@code link} of the error body (server logs), or null if there was none
     * @throws NullPointerException if {@code code} is null
     */
    public AppServicesException(String message, ErrorCode code, int httpStatus, String serverErrorCode, String link) {
        this(message, code, null, httpStatus, serverErrorCode, link);
    }

    private AppServicesException(
            String message, ErrorCode code, Throwable cause, int httpStatus, String serverErrorCode, String link) {
        super(message, cause);
        this.errorCode = ApiMessages.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.serverErrorCode = serverErrorCode;
        this.link = link;
    }

    /**
     * Returns the error code.
     *
     * @return the error code, never null
     */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Returns the HTTP status of the response that reported the failure.
     *
     * @return the status, or empty if the failure was not reported by an HTTP response
     */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Returns the {@code error_code} string exactly as the server sent it, also when it is not a known
     * {@link ErrorCode} (then {@link #errorCode()} is {@link ErrorCode#APP_SERVER_ERROR}).
     *
     * @return the raw server error code, or empty if the server sent none
     */
    public Optional<String> serverErrorCode() {
        return Optional.ofNullable(serverErrorCode);
    }

    /**
     * Returns the link to the server logs of this request, as sent in the error body.
     *
     * @return the link, or empty if the server sent none
     */
    public Optional<String> link() {
        return Optional.ofNullable(link);
    }
}
