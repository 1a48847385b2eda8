package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.BsonDocument;

/**
 * Opens {@code watch} streams as the SDKs do ({@code GET …/functions/call?baas_request=…}) and parses their
 * server-sent events line by line, as realm-web's and realm-core's {@code WatchStream} do.
 */
final class WatchClient {

    /** What {@link EventStream} returns at the end of the stream. */
    static final String END = "\u0000end";

    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WatchClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The streaming request's URL; the token as {@code baas_at} when {@code tokenInQuery}. */
    URI url(String appId, String argument, String token, boolean tokenInQuery) {
        String request = "{\"arguments\":[" + argument + "],\"name\":\"watch\",\"service\":\"mongodb-atlas\"}";
        String encoded = URLEncoder.encode(
                Base64.getEncoder().encodeToString(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return baseUrl.resolve(CLIENT + "/app/" + appId + "/functions/call?baas_request=" + encoded
                + (tokenInQuery ? "&baas_at=" + token : ""));
    }

    HttpRequest request(URI url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Accept", "text/event-stream")
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    /** Sends the request without reading the body: the response completes with the headers. */
    CompletableFuture<HttpResponse<Stream<String>>> openIdle(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    }

    /** Opens a stream and reads its lines on a thread of its own. */
    EventStream open(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = openIdle(request).get(10, TimeUnit.SECONDS);
            return new EventStream(response);
        } catch (Exception e) {
            throw new AssertionError("watch request failed: " + e, e);
        }
    }

    /** An open stream. */
    static final class EventStream implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(
                    () -> {
                        try {
                            response.body().forEach(lines::add);
                        } catch (RuntimeException e) {
                            // the connection was closed under the reader
                        } finally {
                            lines.add(END);
                        }
                    },
                    "watch-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next line, or {@link #END}; fails after the timeout. */
        String nextLine(Duration timeout) {
            try {
                String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                assertNotNull(line, "no line within " + timeout);
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next event of type message (comments skipped): its data as a document. */
        BsonDocument nextEvent() {
            Event event = nextRawEvent();
            assertEquals("message", event.type(), event.data());
            return BsonDocument.parse(event.data());
        }

        /** The next dispatched event, comments skipped, {@code %25 %0A %0D} decoded. */
        Event nextRawEvent() {
            String type = "message";
            List<String> data = new ArrayList<>();
            while (true) {
                String line = nextLine(Duration.ofSeconds(10));
                if (line.equals(END)) {
                    throw new AssertionError("the stream ended before an event");
                }
                if (line.startsWith(":")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        String text = String.join("\n", data)
                                .replace("%0A", "\n")
                                .replace("%0D", "\r")
                                .replace("%25", "%");
                        return new Event(type, text);
                    }
                    continue;
                }
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        }

        /** Whether the stream ends within the timeout (lines before the end are skipped). */
        boolean endsWithin(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line;
                try {
                    line = lines.poll(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (END.equals(line)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }

    /** A server-sent event. */
    record Event(String type, String data) {}
}
