package dev.appservices.emulator.internal.data.watch;

import dev.appservices.emulator.internal.data.Access;
import dev.appservices.emulator.internal.data.ChangeEvent;
import dev.appservices.emulator.internal.data.DataException;
import dev.appservices.emulator.internal.data.Namespace;
import dev.appservices.emulator.internal.data.rules.QueryMatcher;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * One open {@code watch}: the change events of a namespace that pass the watcher's rules and {@code $match}
 * filter, written as server-sent events (data-and-sync.md §2). Holds no thread: events are queued as they are
 * committed and checked, rendered and written by a shared executor, one drain at a time per stream, so they keep
 * commit order and a write does not wait for its watchers (as MongoDB's change streams read the oplog after the
 * write). An event the stream cannot take (its rules fail) ends the stream with an error event. Thread-safe.
 */
public final class WatchStream {

    private static final Logger LOG = System.getLogger(WatchStream.class.getName());
    private static final int BURST_CHARS = 64 * 1024;

    private final SseSink sink;
    private final Namespace namespace;
    private final BsonDocument filter;
    private final Access access;
    private final BooleanSupplier alive;
    private final Executor writer;
    /** What to write next: each gives its text, or {@code null} for nothing. */
    private final Queue<Supplier<String>> pending = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set when the error event's text is taken: the drain writes it and ends the stream. */
    private volatile boolean lastWordsTaken;

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

    /** Queues the event if it is of this namespace; whether the watcher sees it is decided when it is written. */
    void offer(ChangeEvent event) {
        if (event.namespace().equals(namespace)) {
            enqueue(() -> render(event));
        }
    }

    /** The event's text if the watcher may read the document and the filter matches; {@code null} otherwise. */
    private String render(ChangeEvent event) {
        try {
            BsonDocument shown = null;
            if (event.after() != null) {
                Optional<BsonDocument> visible = access.visible(event.after());
                if (visible.isEmpty()) {
                    return null;
                }
                shown = visible.get();
            } else if (access.visible(event.before()).isEmpty()) {
                return null;
            }
            BsonDocument document = event.toDocument(shown);
            return QueryMatcher.matches(filter, document)
                    ? "data: " + encode(JsonSupport.toCanonicalEjson(document)) + "\n\n"
                    : null;
        } catch (DataException e) {
            return lastWords(e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a watch stream could not take a change event", e);
            return lastWords(
                    "InternalServerError", Messages.watchFailed(e.getClass().getSimpleName()));
        }
    }

    /** Queues a heartbeat comment, which both SDKs skip. */
    void heartbeat() {
        enqueue(() -> ":\n");
    }

    /** Queues {@code event: error} and ends the stream after it. */
    void fail(String errorCode, String message) {
        if (!closing.get()) {
            pending.add(() -> lastWords(errorCode, message));
        }
        closing.set(true);
        drain();
    }

    /** The text of {@code event: error}; nothing queued is written after it. */
    private String lastWords(String errorCode, String message) {
        closing.set(true);
        lastWordsTaken = true;
        BsonDocument error =
                new BsonDocument("error", new BsonString(message)).append("error_code", new BsonString(errorCode));
        return "event: error\ndata: " + encode(JsonSupport.toCanonicalEjson(error)) + "\n\n";
    }

    private void enqueue(Supplier<String> text) {
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
        boolean finished = false;
        try {
            // what is queued goes out in writes of up to 64 KiB: one flush for a burst of events, not one each
            StringBuilder burst = new StringBuilder();
            Supplier<String> next;
            while (!finished && (next = pending.poll()) != null) {
                String text = next.get();
                if (text != null) {
                    burst.append(text);
                }
                finished = lastWordsTaken;
                if (burst.length() >= BURST_CHARS) {
                    sink.write(burst.toString());
                    burst.setLength(0);
                }
            }
            if (!burst.isEmpty()) {
                sink.write(burst.toString());
            }
        } catch (IOException | RuntimeException e) {
            finished = true;
        } finally {
            draining.set(false);
        }
        // what was queued while this drain was ending (the error event of fail() among it) is not left behind
        if (finished) {
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
