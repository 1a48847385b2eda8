package dev.appservices;

/**
 * A function call failed: the function does not exist ({@link ErrorCode#FUNCTION_NOT_FOUND}), threw
 * ({@link ErrorCode#FUNCTION_EXECUTION_ERROR}), ran too long ({@link ErrorCode#EXECUTION_TIME_LIMIT_EXCEEDED}),
 * or its result could not be decoded into the requested type ({@link ErrorCode#BAD_BSON_PARSE}).
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}; they name the function but never show its arguments.
 *
 * @since 0.1
 */
public class FunctionException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String functionName;

    /**
     * Creates an exception for a failure detected by the client, such as a result that cannot be decoded.
     *
     * @param message      the message, starting with {@code APPSVCnnnn:}
     * @param code         the error code
     * @param functionName the name of the function called
     * @param cause        the cause, may be null
     * @throws NullPointerException if {@code code} or {@code functionName} is null
     */
    public FunctionException(String message, ErrorCode code, String functionName, Throwable cause) {
        super(message, code, cause);
        this.functionName = ApiMessages.requireNonNull(functionName, "functionName");
    }

    /**
     * Creates an exception for a failure reported by the server.
     *
     * @param message         the message, starting with {@code APPSVCnnnn:}
     * @param code            the error code
     * @param functionName    the name of the function called
     * @param httpStatus      the HTTP status of the response
     * @param serverErrorCode the raw {@code error_code} string of the error body, or null if there was none
     * @param link            the {@code link} of the error body (server logs), or null if there was none
     * @throws NullPointerException if {@code code} or {@code functionName} is null
     */
    public FunctionException(
            String message, ErrorCode code, String functionName, int httpStatus, String serverErrorCode, String link) {
        super(message, code, httpStatus, serverErrorCode, link);
        this.functionName = ApiMessages.requireNonNull(functionName, "functionName");
    }

    /**
     * Returns the name of the function called.
     *
     * @return the function name, never null
     */
    public String functionName() {
        return functionName;
    }
}
