package dev.appservices.emulator.internal.http;

import dev.appservices.emulator.internal.json.JsonSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bson.BsonValue;

/**
 * An HTTP response produced by an endpoint, written by {@link Dispatcher}.
 *
 * @param status the HTTP status
 * @param contentType the exact {@code Content-Type} header value, or {@code null} for no body
 * @param body the body bytes (empty for no body)
 * @param headers additional response headers
 * @param streaming for a streaming response, what takes over its body once the headers are sent; else {@code null}
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers, Streaming streaming) {

    /** The only content type the emulator uses for JSON: SDKs parse error bodies only when it is exactly this. */
    public static final String JSON = "application/json";

    public Response {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    public Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, null);
    }

    /**
     * A streaming body: called on the request's worker thread once the headers are sent; it keeps the stream and
     * the way to close the exchange and returns at once, so that no worker thread waits on an open stream.
     */
    public interface Streaming {

        void start(OutputStream body, Runnable close) throws IOException;
    }

    /** A 200 response of unknown length whose body is written later by {@code streaming}. */
    public static Response stream(String contentType, Streaming streaming) {
        return new Response(200, contentType, null, Map.of("Cache-Control", "no-cache"), streaming);
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
