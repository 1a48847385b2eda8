package dev.appservices.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: the JDK {@code HttpClient} (HTTP/1.1, one client and so one connection pool for every caller, as the
 * App has) sending the request the App sent, recorded by {@link RequestCapture}: the same body bytes and the same
 * headers, less those the JDK client sets itself and refuses from callers ({@code Host} and {@code Content-Length},
 * which it sets to the same values, and {@code Connection}, which HTTP/1.1 does not need for keep-alive). It only
 * checks the status and the body bytes of the answer; the App also decodes the result. Thread-safe.
 */
final class RawFunctionClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RequestCapture.Captured template;
    private final String path;
    private volatile HttpRequest request;
    private volatile byte[] expected;

    /**
     * @param template the App's request
     * @param path     the request path, e.g. {@code /api/client/v2.0/app/bench/functions/call}
     */
    RawFunctionClient(RequestCapture.Captured template, String path) {
        this.template = template;
        this.path = path;
    }

    /** Sends the request to {@code server} from now on, and learns the expected answer from a first call. */
    void target(URI server) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(template.body()));
        for (Map.Entry<String, List<String>> header : template.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey())) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        request = builder.build();
        HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("the raw request failed: HTTP " + first.statusCode());
        }
        expected = first.body();
    }

    /** One call; fails unless the answer is the expected one. */
    void call() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || !Arrays.equals(expected, response.body())) {
            throw new IllegalStateException("unexpected answer: HTTP " + response.statusCode());
        }
    }
}
