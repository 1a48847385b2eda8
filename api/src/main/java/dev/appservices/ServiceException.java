package dev.appservices;

/**
 * A failure reported by the server: an error response of the App Services protocol (codes 4300–4355), or a
 * non-2xx HTTP response ({@link ErrorCode#HTTP_ERROR}). The server answered, so this is never a transport failure
 * (that is {@link ConnectionException}).
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}.
 *
 * @since 0.1
 */
public class ServiceException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for a server-side failure known without a response (for example derived from a cached
     * answer).
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param code    the error code
     * @throws NullPointerException if {@code code} is null
     */
    public ServiceException(String message, ErrorCode code) {
        super(message, code);
    }

    /**
     * Creates an exception for a server-side failure, caused by another exception (for example an unreadable
     * response body).
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param code    the error code
     * @param cause   the cause, may be null
     * @throws NullPointerException if {@code code} is null
     */
    public ServiceException(String message, ErrorCode code, Throwable cause) {
        super(message, code, cause);
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
    public ServiceException(String message, ErrorCode code, int httpStatus, String serverErrorCode, String link) {
        super(message, code, httpStatus, serverErrorCode, link);
    }
}
