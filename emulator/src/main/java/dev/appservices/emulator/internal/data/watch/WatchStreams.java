package dev.appservices.emulator.internal.data.watch;

import dev.appservices.emulator.internal.data.Access;
import dev.appservices.emulator.internal.data.ChangeEvent;
import dev.appservices.emulator.internal.data.ChangeEvents;
import dev.appservices.emulator.internal.data.Namespace;
import dev.appservices.emulator.internal.messages.Messages;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;

/**
 * All open watch streams. However many there are, they share one scheduler thread (heartbeats and the check that
 * their sessions still exist) and a writer pool of two threads; a stream whose session ended gets
 * {@code event: error} with {@code InvalidSession} and is closed. {@link #close()} closes them all. Thread-safe.
 */
public final class WatchStreams implements AutoCloseable {

    /** The interval of the liveness check: how soon a stream ends after its user logs out. */
    private static final long LIVENESS_MILLIS = 250;

    private final Set<WatchStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService writers;
    private final AutoCloseable subscription;

    public WatchStreams(ChangeEvents events, Duration heartbeat) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("appservices-emulator-watch-timer"));
        this.writers = Executors.newFixedThreadPool(2, threads("appservices-emulator-watch-writer"));
        long heartbeatMillis = Math.max(1, heartbeat.toMillis());
        scheduler.scheduleAtFixedRate(
                () -> streams.forEach(WatchStream::heartbeat), heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::endDeadStreams, LIVENESS_MILLIS, LIVENESS_MILLIS, TimeUnit.MILLISECONDS);
        this.subscription = events.subscribe(this::publish);
    }

    /**
     * Opens a stream; the caller has already sent the response headers.
     *
     * @param filter a {@code $match} over change events ({@code {}} for all)
     * @param access what the watcher may read
     * @param alive whether the watcher's session still exists
     */
    public void open(SseSink sink, Namespace namespace, BsonDocument filter, Access access, BooleanSupplier alive) {
        WatchStream[] self = new WatchStream[1];
        self[0] = new WatchStream(sink, namespace, filter, access, alive, writers, () -> streams.remove(self[0]));
        streams.add(self[0]);
    }

    /** Runs on the writing thread, so it only queues: each stream checks and writes the event on its own. */
    private void publish(ChangeEvent event) {
        streams.forEach(stream -> stream.offer(event));
    }

    private void endDeadStreams() {
        for (WatchStream stream : streams) {
            if (!stream.isAlive()) {
                stream.fail("InvalidSession", Messages.watchSessionEnded());
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        scheduler.shutdownNow();
        for (WatchStream stream : streams) {
            stream.close();
        }
        writers.shutdownNow();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
