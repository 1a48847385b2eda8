package dev.appservices.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The JSON body of every failed request of the sample: the coded message, and for a failure of the App the name of
 * its {@link dev.appservices.ErrorCode} ({@code null}, and so absent, for the sample's own failures).
 *
 * @param message   the message, starting with {@code APPSVCnnnn:}
 * @param errorCode the App's error code, e.g. {@code INVALID_PASSWORD}, or {@code null}
 */
public record ErrorView(String message, String errorCode) {

    /** A failure of the sample itself, ready to be thrown from a resource method. */
    static WebApplicationException failure(Status status, String message) {
        return new WebApplicationException(message, response(status.getStatusCode(), new ErrorView(message, null)));
    }

    static Response response(int status, ErrorView body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
