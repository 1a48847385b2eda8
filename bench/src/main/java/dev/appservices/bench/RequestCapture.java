package dev.appservices.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server on 127.0.0.1 that records the function-call request it receives, to show that the raw client of the
 * benchmark sends what the App sends. It answers the location request with its own address (so an App can be pointed
 * at it with {@code updateBaseUrl}) and a function call with the answer set by {@link #answer(String)}, at first the
 * sum's result. Lives until {@link #close()}.
 */
final class RequestCapture implements AutoCloseable {

    /**
     * A recorded request.
     *
     * @param headers header values by lower-case name (HTTP header names are case-insensitive)
     * @param body    the body
     */
    record Captured(Map<String, List<String>> headers, byte[] body) {

        /** The headers as lines {@code name: value}, the bearer token shortened. */
        List<String> describeHeaders() {
            List<String> lines = new ArrayList<>();
            headers.forEach((name, values) -> values.forEach(value -> lines.add(name + ": "
                    + (name.equals("authorization")
                            ? value.substring(0, Math.min(value.length(), 12)) + "…"
                            : value))));
            return lines;
        }
    }

    static final String RESULT = "{\"$numberLong\": \"3\"}";

    private final HttpServer server;
    private final AtomicReference<Captured> last = new AtomicReference<>();
    private volatile String answer = RESULT;

    RequestCapture() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the function calls from now on with {@code json}, e.g. what a service function returns. */
    void answer(String json) {
        answer = json;
    }

    /** The last function call received. */
    Captured last() {
        Captured captured = last.get();
        if (captured == null) {
            throw new IllegalStateException("no request was captured");
        }
        return captured;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String reply;
            if (exchange.getRequestURI().getPath().endsWith("/location")) {
                reply = "{\"deployment_model\": \"GLOBAL\", \"location\": \"US-VA\", \"hostname\": \"" + baseUrl()
                        + "\", \"ws_hostname\": \"" + baseUrl().toString().replace("http:", "ws:") + "\"}";
            } else {
                Map<String, List<String>> headers = new TreeMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
                last.set(new Captured(headers, body));
                reply = answer;
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
