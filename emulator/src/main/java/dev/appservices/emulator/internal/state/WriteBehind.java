package dev.appservices.emulator.internal.state;

import static dev.appservices.emulator.internal.state.StateDocuments.ID;
import static dev.appservices.emulator.internal.state.StateDocuments.byId;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertManyOptions;
import dev.appservices.emulator.internal.messages.Messages;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The writes of a login (the user an anonymous login makes up, the new session) and of a logout (the session's
 * deletion), which an emulator that owns its store (the embedded one) makes after answering: they are queued and
 * written a few milliseconds later, one {@code insertMany} per collection and one bulk of deletes, so that concurrent
 * logins share the store's round trips, and a logout within that time takes its session's insert back, so that
 * neither is written. Nothing else is deferred: every other operation on the state first writes what is queued
 * ({@link #settle()}), so this process always reads its own writes, and {@link #close()} writes the rest. The
 * embedded store is no more durable than that anyway: its file is committed about once a second.
 *
 * <p>Emulators that share their store ({@link #none}) write at once, since another process must find a session the
 * moment its token is handed out. Thread-safe.
 */
final class WriteBehind implements AutoCloseable {

    /** How long the first queued write waits for others to join its batch. */
    static final Duration DELAY = Duration.ofMillis(5);

    private static final Logger LOG = System.getLogger(WriteBehind.class.getName());

    private final StateCollections collections;
    private final Duration delay;
    /** {@code null} for emulators that write at once. */
    private final ScheduledExecutorService writer;

    /** Guards the queue; never held while writing. */
    private final Object queueLock = new Object();
    /** Held while a batch is written, so that {@link #settle()} also waits for a batch another thread writes. */
    private final Object writeLock = new Object();

    private List<BsonDocument> users = new ArrayList<>();
    private Map<String, BsonDocument> sessions = new LinkedHashMap<>();
    private List<BsonValue> endedSessions = new ArrayList<>();
    private boolean scheduled;

    private WriteBehind(StateCollections collections, Duration delay, ScheduledExecutorService writer) {
        this.collections = collections;
        this.delay = delay;
        this.writer = writer;
    }

    /** For an emulator that owns its store: writes wait {@code delay} for others. */
    static WriteBehind owned(StateCollections collections, Duration delay) {
        ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "appservices-emulator-state-writer");
            thread.setDaemon(true);
            return thread;
        });
        // closing writes what is queued itself, without waiting for the delay
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new WriteBehind(collections, delay, writer);
    }

    /** For emulators that share their store: every write is made at once. */
    static WriteBehind none(StateCollections collections) {
        return new WriteBehind(collections, Duration.ZERO, null);
    }

    /**
     * Inserts a user whose identities no one else can know yet.
     *
     * @throws MongoException if written at once and refused
     */
    void insertUser(BsonDocument user) {
        if (writer == null) {
            collections.users().insertOne(user);
            return;
        }
        synchronized (queueLock) {
            users.add(user);
            scheduleWrite();
        }
    }

    void insertSession(String sessionId, BsonDocument session) {
        if (writer == null) {
            collections.sessions().insertOne(session);
            return;
        }
        synchronized (queueLock) {
            sessions.put(sessionId, session);
            scheduleWrite();
        }
    }

    /** Deletes a session; one whose insert is still queued is taken back, and neither is written. */
    void deleteSession(String sessionId) {
        if (writer == null) {
            collections.sessions().deleteOne(byId(sessionId));
            return;
        }
        synchronized (queueLock) {
            if (sessions.remove(sessionId) == null) {
                endedSessions.add(new BsonString(sessionId));
                scheduleWrite();
            }
        }
    }

    /** Writes what is queued, or waits for the batch being written; then the store has every write made before. */
    void settle() {
        if (writer == null) {
            return;
        }
        synchronized (writeLock) {
            List<BsonDocument> userBatch;
            List<BsonDocument> sessionBatch;
            List<BsonValue> endedBatch;
            synchronized (queueLock) {
                userBatch = users;
                sessionBatch = new ArrayList<>(sessions.values());
                endedBatch = endedSessions;
                users = new ArrayList<>();
                sessions = new LinkedHashMap<>();
                endedSessions = new ArrayList<>();
                scheduled = false;
            }
            insert(collections.users(), userBatch);
            insert(collections.sessions(), sessionBatch);
            delete(collections.sessions(), endedBatch);
        }
    }

    /** Writes what is queued; the emulator takes no more requests by then. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle();
    }

    private void scheduleWrite() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        try {
            writer.schedule(this::settle, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the emulator is closing, and close() writes what is queued
        }
    }

    private static void insert(MongoCollection<BsonDocument> collection, List<BsonDocument> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            // unordered: one refused record does not keep the others out
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            LOG.log(Level.ERROR, failed(e.getWriteErrors().size(), batch.size(), collection, e));
        } catch (MongoException e) {
            LOG.log(Level.ERROR, failed(batch.size(), batch.size(), collection, e));
        }
    }

    private static void delete(MongoCollection<BsonDocument> collection, List<BsonValue> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            // one statement per id: the embedded store finds an $in of ids by scanning the whole collection
            collection.bulkWrite(
                    ids.stream()
                            .map(id -> new DeleteOneModel<BsonDocument>(new BsonDocument(ID, id)))
                            .toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            LOG.log(Level.ERROR, failed(ids.size(), ids.size(), collection, e));
        }
    }

    private static String failed(int failed, int queued, MongoCollection<BsonDocument> collection, MongoException e) {
        // the exception's message may quote a refused key, i.e. a session's or an identity's id
        return Messages.stateWriteFailed(
                failed,
                queued,
                collection.getNamespace().getCollectionName(),
                e.getClass().getSimpleName() + ", code " + e.getCode());
    }
}
