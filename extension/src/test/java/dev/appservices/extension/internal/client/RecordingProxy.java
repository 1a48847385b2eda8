package dev.appservices.extension.internal.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reverse proxy in front of the emulator, as some deployments have: it admits only requests with its own key
 * header, owns the standard {@code Authorization} header (the App sends its bearer token in another header, which
 * the proxy moves back), and records every request it forwards so that tests can see exactly what went on the wire.
 */
final class RecordingProxy implements AutoCloseable {

    /** One forwarded request; header names in lower case. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    /** Headers the JDK client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    RecordingProxy(URI target, String keyHeader, String key, String bearerHeader) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                forward(exchange, target, keyHeader, key, bearerHeader);
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange, URI target, String keyHeader, String key, String bearerHeader)
            throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        requests.add(new Recorded(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                headers,
                new String(body, StandardCharsets.UTF_8)));
        if (!key.equals(exchange.getRequestHeaders().getFirst(keyHeader))) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(target + exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name) && !name.equalsIgnoreCase(keyHeader) && !name.equals("authorization")) {
                String forwardedName = name.equalsIgnoreCase(bearerHeader) ? "Authorization" : name;
                values.forEach(value -> request.header(forwardedName, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers()
                .firstValue("content-type")
                .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
