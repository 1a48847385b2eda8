package dev.appservices.emulator.internal.data;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The change events of the emulator's own write path, handed to listeners in commit order (writes to one collection
 * publish while holding its lock). Listeners must return quickly: they run on the writing thread. Thread-safe.
 */
public final class ChangeEvents {

    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    public ChangeEvents(Clock clock) {
        this.clock = clock;
    }

    /** Registers a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Namespace namespace, String operationType, BsonValue id, BsonDocument before, BsonDocument after) {
        long next = sequence.incrementAndGet();
        BsonTimestamp time = new BsonTimestamp((int) (clock.millis() / 1000), (int) next);
        ChangeEvent event = new ChangeEvent(next, time, namespace, operationType, id, before, after);
        for (Consumer<ChangeEvent> listener : listeners) {
            listener.accept(event);
        }
    }
}
