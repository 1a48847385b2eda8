package dev.appservices.emulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bson.BsonValue;

import dev.appservices.emulator.internal.json.JsonSupport;

/**
 * An HTTP response produced by an endpoint, written by {@link Dispatcher}.
 *
 * @param status the HTTP status
 * @param contentType the exact {@code Content-Type} header value, or {@code null} for no body
 * @param body the body bytes (empty for no body)
 * @param headers additional response headers
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** The only content type the emulator uses for JSON: SDKs parse error bodies only when it is exactly this. */
    public static final String JSON = "application/json";

    public Response {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    /** A JSON response whose body is already JSON text (EJSON the BSON library wrote, or a literal). */
    public static Response jsonText(int status, String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A JSON response with a protocol body (a document, or an array of documents). */
    public static Response json(int status, BsonValue value) {
        return jsonText(status, JsonSupport.toJson(value));
    }

    public static Response noContent() {
        return new Response(204, null, null, Map.of());
    }
}
