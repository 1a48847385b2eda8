package dev.appservices.emulator.internal.state;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import dev.appservices.emulator.internal.messages.Messages;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * Removes the sessions whose refresh token has expired, when the emulator starts and then every ten minutes. A
 * request that presents an expired session removes it too; this removes those that no client presents again (an
 * anonymous user who never logs out), which would otherwise stay in the store for good. Every emulator process
 * sweeps; deleting what another process removed first changes nothing. Expiry is by the emulator's clock, so moving
 * it forward counts. Thread-safe.
 */
final class SessionSweeper implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private static final Logger LOG = System.getLogger(SessionSweeper.class.getName());

    private final MongoCollection<BsonDocument> sessions;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "appservices-emulator-session-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    /** Sweeps once now, then every {@link #INTERVAL}. */
    static SessionSweeper start(MongoCollection<BsonDocument> sessions, Clock clock) {
        SessionSweeper sweeper = new SessionSweeper(sessions, clock);
        sweeper.sweep();
        long interval = INTERVAL.toMillis();
        sweeper.timer.scheduleWithFixedDelay(sweeper::sweepOrLog, interval, interval, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    private SessionSweeper(MongoCollection<BsonDocument> sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Deletes the expired sessions of every app; returns how many there were. */
    private long sweep() {
        BsonDocument expired = new BsonDocument("expiresAt", new BsonDocument("$lte", new BsonInt64(clock.millis())));
        return sessions.deleteMany(expired).getDeletedCount();
    }

    private void sweepOrLog() {
        try {
            long removed = sweep();
            LOG.log(Level.DEBUG, () -> "removed " + removed + " expired sessions");
        } catch (MongoException e) {
            // the store may be away for a while; the next sweep tries again
            LOG.log(Level.WARNING, Messages.sessionSweepFailed(e.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
