package dev.appservices.sample;

import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.Document;

/**
 * Passes the changes of the notes to one page as server-sent events, on a thread of its own: {@code open} once the
 * change stream is open (so the page knows it is live), {@code note} with the kind of change for each change,
 * {@code end} with the coded reason when the stream ends. A comment every {@value #KEEP_ALIVE_SECONDS} seconds finds
 * out when the page has gone, and then the change stream is closed. It reads the next change only once the last one
 * was sent, so a slow page slows its own stream and nothing piles up.
 */
final class NoteEventPump implements Runnable {

    private static final long KEEP_ALIVE_SECONDS = 15;

    private final ChangeStream<Document> changes;
    private final SseEventSink sink;
    private final Sse sse;

    private NoteEventPump(ChangeStream<Document> changes, SseEventSink sink, Sse sse) {
        this.changes = changes;
        this.sink = sink;
        this.sse = sse;
    }

    /** Starts passing on the changes of an open stream. */
    static void start(ChangeStream<Document> changes, SseEventSink sink, Sse sse) {
        Thread thread = new Thread(new NoteEventPump(changes, sink, sse), "sample-note-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            pump();
        } catch (RuntimeException e) {
            // the change stream ended (server, logout) or failed: the page learns why and follows again
            sent(sse.newEventBuilder().name("end").data(e.getMessage()).build());
        } finally {
            changes.close();
            sink.close();
        }
    }

    private void pump() {
        boolean pageThere = sent(
                sse.newEventBuilder().name("open").data("following the notes").build());
        while (pageThere) {
            Optional<ChangeEvent<Document>> change = changes.tryNext(Duration.ofSeconds(KEEP_ALIVE_SECONDS));
            OutboundSseEvent event = change.map(c -> sse.newEventBuilder()
                            .name("note")
                            .data(c.operationType().wireName())
                            .build())
                    .orElseGet(() -> sse.newEventBuilder().comment("keep-alive").build());
            pageThere = sent(event);
        }
    }

    /** Sends an event and waits for it to be written; false when the page has gone. */
    private boolean sent(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        CompletionStage<?> sending = sink.send(event);
        try {
            sending.toCompletableFuture().join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
