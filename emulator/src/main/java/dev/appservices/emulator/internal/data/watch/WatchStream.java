package dev.appservices.emulator.internal.data.watch;

import dev.appservices.emulator.internal.data.Access;
import dev.appservices.emulator.internal.data.ChangeEvent;
import dev.appservices.emulator.internal.data.Namespace;
import dev.appservices.emulator.internal.data.rules.QueryMatcher;
import java.io.IOException;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * One open {@code watch}: the change events of a namespace that pass the watcher's rules and {@code $match}
 * filter, written as server-sent events (data-and-sync.md §2). Holds no thread: text is queued and written by a
 * shared executor, one drain at a time per stream, so events keep commit order. Thread-safe.
 */
public final class WatchStream {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final SseSink sink;
    private final Namespace namespace;
    private final BsonDocument filter;
    private final Access access;
    private final BooleanSupplier alive;
    private final Executor writer;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    WatchStream(
            SseSink sink,
            Namespace namespace,
            BsonDocument filter,
            Access access,
            BooleanSupplier alive,
            Executor writer,
            Runnable onClose) {
        this.sink = sink;
        this.namespace = namespace;
        this.filter = filter;
        this.access = access;
        this.alive = alive;
        this.writer = writer;
        this.onClose = onClose;
    }

    boolean isAlive() {
        return alive.getAsBoolean();
    }

    /** Queues the event if it is of this namespace, the watcher may read the document and the filter matches. */
    void offer(ChangeEvent event) {
        if (!event.namespace().equals(namespace) || closing.get()) {
            return;
        }
        BsonDocument shown = null;
        if (event.after() != null) {
            Optional<BsonDocument> visible = access.visible(event.after());
            if (visible.isEmpty()) {
                return;
            }
            shown = visible.get();
        } else if (access.visible(event.before()).isEmpty()) {
            return;
        }
        BsonDocument document = event.toDocument(shown);
        if (!QueryMatcher.matches(filter, document)) {
            return;
        }
        enqueue("data: " + encode(document.toJson(CANONICAL)) + "\n\n");
    }

    /** Queues a heartbeat comment, which both SDKs skip. */
    void heartbeat() {
        enqueue(":\n");
    }

    /** Queues {@code event: error} and ends the stream after it. */
    void fail(String errorCode, String message) {
        BsonDocument error =
                new BsonDocument("error", new BsonString(message)).append("error_code", new BsonString(errorCode));
        if (!closing.get()) {
            pending.add("event: error\ndata: " + encode(error.toJson(CANONICAL)) + "\n\n");
        }
        closing.set(true);
        drain();
    }

    private void enqueue(String text) {
        if (!closing.get()) {
            pending.add(text);
            drain();
        }
    }

    private void drain() {
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::writePending);
            } catch (RejectedExecutionException e) {
                // the emulator is stopping: its streams end without their last words
                draining.set(false);
                close();
            }
        }
    }

    private void writePending() {
        try {
            String text;
            while ((text = pending.poll()) != null) {
                sink.write(text);
            }
        } catch (IOException | RuntimeException e) {
            closing.set(true);
        } finally {
            draining.set(false);
        }
        if (closing.get()) {
            close();
        } else if (!pending.isEmpty()) {
            drain();
        }
    }

    /** Ends the stream without an error event. */
    void close() {
        closing.set(true);
        if (closed.compareAndSet(false, true)) {
            pending.clear();
            sink.close();
            onClose.run();
        }
    }

    /** Only {@code %}, LF and CR are percent-decoded by the SDKs, so only they are encoded. */
    private static String encode(String json) {
        return json.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }
}
