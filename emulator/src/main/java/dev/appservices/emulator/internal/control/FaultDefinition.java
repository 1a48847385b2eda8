package dev.appservices.emulator.internal.control;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import dev.appservices.emulator.internal.json.DocumentReader;
import dev.appservices.emulator.internal.messages.Messages;
import org.bson.BsonDocument;

/**
 * The JSON form of a fault as posted to {@code POST /emulator/v1/faults} (and written by
 * {@code dev.appservices.emulator.FaultSpec}). Absent fields are {@code null}; {@link Fault#of} validates the
 * combination, {@link #fromDocument} the types.
 *
 * @param method the HTTP method to match, or {@code null} for any
 * @param path a glob on the request path ({@code *} within a segment, {@code **} across segments, {@code ?} one
 *     character)
 * @param pathRegex a regular expression on the whole request path (instead of {@code path})
 * @param times how many matching requests the fault applies to, or {@code null} until cleared
 * @param delayMs a delay before the request is handled or the fault's action happens
 * @param action {@code none} (delay only), {@code status}, {@code redirect}, {@code body}, {@code malformedJson},
 *     {@code drop}
 * @param status the status of {@code status}, {@code redirect} (301 or 308) and {@code body} (default 200)
 * @param errorCode the {@code error_code} of the error body of {@code status}
 * @param message the {@code error} of the error body of {@code status}
 * @param location the {@code Location} header (a base URL) of {@code redirect}
 * @param contentType the content type of {@code body}
 * @param body the body text of {@code body}
 */
public record FaultDefinition(
        String method,
        String path,
        String pathRegex,
        Integer times,
        Long delayMs,
        String action,
        Integer status,
        String errorCode,
        String message,
        String location,
        String contentType,
        String body) {

    /**
     * Reads the JSON form.
     *
     * @throws InvalidFaultException naming a field of the wrong type
     */
    public static FaultDefinition fromDocument(BsonDocument json) {
        try {
            return new FaultDefinition(
                    DocumentReader.string(json, "method"),
                    DocumentReader.string(json, "path"),
                    DocumentReader.string(json, "pathRegex"),
                    DocumentReader.smallInteger(json, "times"),
                    DocumentReader.integer(json, "delayMs"),
                    DocumentReader.string(json, "action"),
                    DocumentReader.smallInteger(json, "status"),
                    DocumentReader.string(json, "errorCode"),
                    DocumentReader.string(json, "message"),
                    DocumentReader.string(json, "location"),
                    DocumentReader.string(json, "contentType"),
                    DocumentReader.string(json, "body"));
        } catch (IllegalArgumentException e) {
            throw new InvalidFaultException(Messages.invalidFault(e.getMessage()));
        }
    }

    /** The JSON form; absent fields are left out. */
    public BsonDocument toDocument() {
        return document()
                .put("method", method)
                .put("path", path)
                .put("pathRegex", pathRegex)
                .put("times", times == null ? null : times.longValue())
                .put("delayMs", delayMs)
                .put("action", action)
                .put("status", status == null ? null : status.longValue())
                .put("errorCode", errorCode)
                .put("message", message)
                .put("location", location)
                .put("contentType", contentType)
                .put("body", body)
                .build();
    }
}
