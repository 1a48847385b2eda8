package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of an error response (protocol.md §10); every field may be absent.
 *
 * @param error     the server's message
 * @param errorCode the error code name, such as {@code InvalidSession}
 * @param link      a link to the server logs of the request
 */
public record ErrorBody(
        @JsonbProperty("error") String error,
        @JsonbProperty("error_code") String errorCode,
        @JsonbProperty("link") String link) {}
