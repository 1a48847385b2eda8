package dev.appservices.sample;

import dev.appservices.AppServicesException;
import dev.appservices.ConnectionException;
import dev.appservices.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Answers a failure of the App with its coded message (which never contains a secret) and error code, so the page
 * shows exactly what the library reports. The HTTP status follows the backend's when it refused the request (4xx);
 * an unreachable or failing backend is 502, a client-side refusal (no logged-in user, a closed App) 409, anything
 * else (configuration, metadata store) 500.
 */
@Provider
public class AppServicesExceptionMapper implements ExceptionMapper<AppServicesException> {

    private static final Logger LOG = System.getLogger(AppServicesExceptionMapper.class.getName());

    @Override
    public Response toResponse(AppServicesException exception) {
        int status = status(exception);
        if (status >= 500) {
            LOG.log(Level.WARNING, exception.getMessage(), exception);
        }
        return ErrorView.response(
                status,
                new ErrorView(exception.getMessage(), exception.errorCode().name()));
    }

    private static int status(AppServicesException exception) {
        if (exception instanceof ConnectionException) {
            return Status.BAD_GATEWAY.getStatusCode();
        }
        int backendStatus = exception.httpStatus().orElse(-1);
        if (backendStatus >= 400 && backendStatus < 500) {
            return backendStatus;
        }
        if (backendStatus >= 500) {
            return Status.BAD_GATEWAY.getStatusCode();
        }
        return exception.errorCode().category() == ErrorCode.Category.CLIENT
                ? Status.CONFLICT.getStatusCode()
                : Status.INTERNAL_SERVER_ERROR.getStatusCode();
    }
}
