package dev.appservices;

/**
 * The server could not be reached or did not answer in time: connection refused, DNS failure, TLS failure, I/O
 * error, or the configured {@linkplain AppConfiguration#timeout() timeout} expired. Its error code is always
 * {@link ErrorCode#CUSTOM_ERROR}.
 *
 * <p>This is how "network unavailable" is told apart from "credentials rejected"
 * ({@link InvalidCredentialsException}) or any other answer of the server ({@link ServiceException}): the request
 * may be retried later, and stored users are never logged out or discarded because of it.
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException} and name the endpoint.
 *
 * @since 0.1
 */
public class ConnectionException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception without a cause (for example a timeout detected by the client).
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     */
    public ConnectionException(String message) {
        super(message, ErrorCode.CUSTOM_ERROR);
    }

    /**
     * Creates an exception caused by a transport failure.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param cause   the transport exception, may be null
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, ErrorCode.CUSTOM_ERROR, cause);
    }
}
