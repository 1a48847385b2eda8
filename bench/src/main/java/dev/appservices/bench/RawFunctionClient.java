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
import java.util.function.Consumer;

/**
 * The baseline: the JDK {@code HttpClient} (HTTP/1.1, one client and so one connection pool for every caller, as the
 * App has) sending the request the App sent, recorded by {@link RequestCapture}: the same body bytes and the same
 * headers, less those the JDK client sets itself and refuses from callers ({@code Host} and {@code Content-Length},
 * which it sets to the same values, and {@code Connection}, which HTTP/1.1 does not need for keep-alive). It checks
 * the status and the body of every answer with its {@link Answers}: by default the body bytes must equal the first
 * answer's. Thread-safe.
 */
final class RawFunctionClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    /** How the answers are checked. */
    @FunctionalInterface
    interface Answers {

        /**
         * The check of every answer from a server, given its first answer.
         *
         * @param first the body of the first answer
         * @return a check that throws for a wrong body
         */
        Consumer<byte[]> checkFrom(byte[] first);

        /** The body bytes equal the first answer's: nothing is parsed. */
        static Answers sameBytes() {
            return first -> body -> {
                if (!Arrays.equals(first, body)) {
                    throw new IllegalStateException("unexpected answer: " + body.length + " bytes");
                }
            };
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RequestCapture.Captured template;
    private final String path;
    private final Answers answers;
    private volatile HttpRequest request;
    private volatile Consumer<byte[]> check;

    /**
     * A client that expects the same answer bytes at every call.
     *
     * @param template the App's request
     * @param path     the request path, e.g. {@code /api/client/v2.0/app/bench/functions/call}
     */
    RawFunctionClient(RequestCapture.Captured template, String path) {
        this(template, path, Answers.sameBytes());
    }

    /**
     * @param template the App's request
     * @param path     the request path, e.g. {@code /api/client/v2.0/app/bench/functions/call}
     * @param answers  how the answers are checked
     */
    RawFunctionClient(RequestCapture.Captured template, String path, Answers answers) {
        this.template = template;
        this.path = path;
        this.answers = answers;
    }

    /**
     * Sends the request to {@code server} from now on, and learns how to check answers from a first call (whose
     * answer is not checked: the capturing server answers with what the App needs, not what the server would).
     */
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
        check = answers.checkFrom(first.body());
    }

    /** One call; fails unless the answer passes the check. */
    void call() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("unexpected answer: HTTP " + response.statusCode());
        }
        check.accept(response.body());
    }
}
