package dev.appservices;

/**
 * The user's session has ended: the server refused its refresh token ({@link ErrorCode#INVALID_SESSION}). The user
 * is logged out (an {@link AuthEvent.Type#SESSION_EXPIRED} event is fired) and must log in again.
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}.
 *
 * @since 0.1
 */
public class SessionExpiredException extends AuthException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for a failure detected by the client.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param code    the error code
     * @throws NullPointerException if {@code code} is null
     */
    public SessionExpiredException(String message, ErrorCode code) {
        super(message, code);
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
    public SessionExpiredException(
            String message, ErrorCode code, int httpStatus, String serverErrorCode, String link) {
        super(message, code, httpStatus, serverErrorCode, link);
    }
}
