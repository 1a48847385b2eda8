package dev.appservices.emulator.internal.json;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The service's error body {@code {"error","error_code","link"}} (protocol.md §10).
 *
 * @param error the human-readable message
 * @param errorCode the error code name, e.g. {@code InvalidSession}
 * @param link a URL about the failing app
 */
@JsonbPropertyOrder({"error", "errorCode", "link"})
public record ErrorBody(
        @JsonbProperty("error") String error,
        @JsonbProperty("error_code") String errorCode,
        @JsonbProperty("link") String link) {
}
