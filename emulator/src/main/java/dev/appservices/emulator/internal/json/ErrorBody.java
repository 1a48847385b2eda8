package dev.appservices.emulator.internal.json;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import org.bson.BsonDocument;

/**
 * The service's error body {@code {"error","error_code","link"}} (protocol.md §10).
 *
 * @param error the human-readable message
 * @param errorCode the error code name, e.g. {@code InvalidSession}
 * @param link a URL about the failing app
 */
public record ErrorBody(String error, String errorCode, String link) {

    public BsonDocument toDocument() {
        return document()
                .put("error", error)
                .put("error_code", errorCode)
                .put("link", link)
                .build();
    }
}
