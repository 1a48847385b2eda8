package dev.appservices.mongo;

import java.time.Duration;
import java.util.Optional;

/**
 * An open change stream of a collection: the events of {@link RemoteMongoCollection#watch()}, read one by one by a
 * single thread. Close it when done (try-with-resources): closing releases its connection and its reading thread at
 * once, also while another thread waits in {@link #next()}.
 *
 * <pre>{@code
 * try (ChangeStream<Document> changes = orders.watch(eq("fullDocument.status", "open"))) {
 *     while (true) {
 *         ChangeEvent<Document> event = changes.next();
 *         ...
 *     }
 * } catch (ChangeStreamEndedException ended) {
 *     // the server ended the stream: open a new one
 * }
 * }</pre>
 *
 * <p>A stream ends when the server closes it (the data service does so after some minutes; streams cannot be
 * resumed), when the server sends an error, when it is closed, and when its user logs out or is removed. Events
 * received before the end are still delivered; then {@link #next()} and {@link #tryNext(Duration)} throw: a
 * {@link ChangeStreamEndedException} naming the {@link ChangeStreamEndedException.Reason}, or the error that ended
 * the stream.
 *
 * @param <T> the class of the collection's documents
 * @since 0.1
 */
public interface ChangeStream<T> extends AutoCloseable {

    /**
     * Waits for the next event.
     *
     * @return the event
     * @throws ChangeStreamEndedException if the stream has ended and every event received was delivered
     * @throws MongoOperationException if the server ended the stream with an error ({@code event: error})
     * @throws dev.appservices.ConnectionException if the connection failed
     * @throws dev.appservices.ServiceException with {@link dev.appservices.ErrorCode#BAD_BSON_PARSE} if an event
     *         cannot be read or decoded
     */
    ChangeEvent<T> next();

    /**
     * Waits at most {@code timeout} for the next event.
     *
     * @param timeout how long to wait; zero or negative does not wait
     * @return the event, empty if none arrived in time
     * @throws NullPointerException if {@code timeout} is null
     * @throws ChangeStreamEndedException if the stream has ended and every event received was delivered
     * @throws MongoOperationException if the server ended the stream with an error
     * @throws dev.appservices.ConnectionException if the connection failed
     */
    Optional<ChangeEvent<T>> tryNext(Duration timeout);

    /**
     * Returns whether the stream is still open: it has not ended nor been closed.
     *
     * @return whether more events can arrive
     */
    boolean isOpen();

    /** Closes the stream and releases its connection and thread; idempotent. */
    @Override
    void close();
}
