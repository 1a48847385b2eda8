package dev.appservices.sample;

/** Checks of the fields of request bodies; stateless. */
final class Requests {

    private Requests() {
    }

    /**
     * Returns a required text field.
     *
     * @param value     the field's value; the whole body may have been absent, hence the separate null check
     * @param field     the field's name, for the message
     * @param operation what the request does, for the message
     * @throws jakarta.ws.rs.WebApplicationException (400) if the value is missing or blank
     */
    static String required(String value, String field, String operation) {
        if (value == null || value.isBlank()) {
            throw SampleMessages.missingField(field, operation);
        }
        return value;
    }
}
