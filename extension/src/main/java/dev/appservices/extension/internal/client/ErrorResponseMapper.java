package dev.appservices.extension.internal.client;

import dev.appservices.ErrorCode;
import dev.appservices.extension.internal.client.rest.ErrorBody;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every non-2xx response into the exception hierarchy of the API, as the Realm SDKs decode errors
 * (protocol.md §10): an error body is read only if {@code Content-Type} is exactly {@code application/json};
 * its {@code error_code} names the {@link ErrorCode} (an unknown name becomes {@link ErrorCode#APP_SERVER_ERROR},
 * the raw string is kept), a body with only {@code error} is {@link ErrorCode#APP_UNKNOWN_ERROR}, anything else is
 * {@link ErrorCode#HTTP_ERROR} with the status. 301 and 308 become a {@link RedirectSignal} for the redirect
 * handling. Registered programmatically on each client, one instance per App; immutable and thread-safe.
 */
final class ErrorResponseMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final String JSON = "application/json";

    private final String appId;

    ErrorResponseMapper(String appId) {
        this.appId = appId;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status == 301 || status == 308) {
            return new RedirectSignal(status, response.getHeaderString(HttpHeaders.LOCATION));
        }
        Optional<ErrorBody> body = errorBody(response);
        Optional<String> errorCode = body.map(ErrorBody::errorCode).filter(code -> !code.isEmpty());
        if (errorCode.isPresent()) {
            ErrorCode code = ErrorCode.fromWireName(errorCode.get()).orElse(ErrorCode.APP_SERVER_ERROR);
            return ClientMessages.rejected(
                    appId,
                    status,
                    code,
                    errorCode.get(),
                    body.get().error(),
                    body.get().link());
        }
        if (body.map(ErrorBody::error).isPresent()) {
            return ClientMessages.rejected(
                    appId,
                    status,
                    ErrorCode.APP_UNKNOWN_ERROR,
                    null,
                    body.get().error(),
                    body.get().link());
        }
        return ClientMessages.httpError(appId, status, response.getStatusInfo().getReasonPhrase());
    }

    /** The error body, if the response declares exactly {@code application/json} and its body can be read. */
    private static Optional<ErrorBody> errorBody(Response response) {
        String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !JSON.equals(contentType.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(response.readEntity(ErrorBody.class));
        } catch (RuntimeException e) {
            // As in the SDKs, an unreadable error body is ignored: the status alone is reported.
            return Optional.empty();
        }
    }
}
