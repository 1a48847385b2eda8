package dev.appservices.emulator.internal.data.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.emulator.internal.data.Access;
import dev.appservices.emulator.internal.data.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The order of a stream's last words against the drain that is writing when they are queued. */
class WatchStreamTest {

    /** Collects what is written; the first write can run an action, as a concurrent thread would at that moment. */
    private static final class RecordingSink implements SseSink {
        final List<String> written = new ArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();
        Runnable duringFirstWrite = () -> {};

        @Override
        public void write(String text) {
            written.add(text);
            Runnable action = duringFirstWrite;
            duringFirstWrite = () -> {};
            action.run();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static WatchStream stream(RecordingSink sink, AtomicBoolean removed) {
        return new WatchStream(
                sink,
                new Namespace("db", "c"),
                new BsonDocument(),
                Access.SYSTEM,
                () -> true,
                Runnable::run,
                () -> removed.set(true));
    }

    @Test
    void anErrorQueuedWhileTheDrainWritesItsLastBurstIsStillWritten() {
        RecordingSink sink = new RecordingSink();
        AtomicBoolean removed = new AtomicBoolean();
        WatchStream stream = stream(sink, removed);
        // the drain has taken everything queued and writes it when the session's end is noticed
        sink.duringFirstWrite = () -> stream.fail("InvalidSession", "the session ended");

        stream.heartbeat();

        assertEquals(2, sink.written.size(), "the heartbeat, then the error event: " + sink.written);
        assertEquals(":\n", sink.written.get(0));
        assertTrue(sink.written.get(1).startsWith("event: error\n"), sink.written.get(1));
        assertTrue(sink.written.get(1).contains("InvalidSession"));
        assertTrue(sink.closed.get(), "the stream ends after its error event");
        assertTrue(removed.get());
    }

    @Test
    void nothingIsWrittenAfterTheErrorEvent() {
        RecordingSink sink = new RecordingSink();
        WatchStream stream = stream(sink, new AtomicBoolean());
        stream.fail("InvalidSession", "the session ended");
        stream.heartbeat();
        stream.fail("InvalidSession", "again");

        assertEquals(1, sink.written.size(), sink.written.toString());
        assertTrue(sink.closed.get());
    }
}
