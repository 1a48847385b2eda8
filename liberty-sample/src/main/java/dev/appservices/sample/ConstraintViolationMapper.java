package dev.appservices.sample;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers a request body that Bean Validation refused ({@code @Valid} bodies of the resources) with 400 and one coded
 * message that names every refused field. The refused values are never part of it: a body may hold a password.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<String> problems = exception.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::describe)
                .sorted()
                .toList();
        return SampleMessages.invalidRequest(uriInfo.getPath(), problems).getResponse();
    }

    /** {@code 'field' message} for a field of the body; the message alone for the body itself. */
    private static String describe(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.PROPERTY
                ? "'" + last.getName() + "' " + violation.getMessage()
                : violation.getMessage();
    }
}
