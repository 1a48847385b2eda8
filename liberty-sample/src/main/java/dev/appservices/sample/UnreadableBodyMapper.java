package dev.appservices.sample;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Answers a request body that JSON-B cannot read (empty, not JSON, a field of the wrong type) with 400 and a coded
 * message, instead of the server's default 500. The parser's own explanation is only logged, at DEBUG: it may quote
 * part of the body, and a body may hold a password.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    private static final Logger LOG = System.getLogger(UnreadableBodyMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonbException exception) {
        String path = uriInfo.getPath();
        LOG.log(Level.DEBUG, () -> "unreadable body of " + path, exception);
        return SampleMessages.unreadableBody(path).getResponse();
    }
}
