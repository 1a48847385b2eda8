package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.Namespace;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The blocking {@link ChangeStream}: a subscriber of a stream opened by the caller's thread (so that {@code watch}
 * throws the server's refusal itself), which asks for one event at a time. At most one event and the final signal
 * wait in its queue; the reader reads the next event only when the caller took the last one.
 */
final class BlockingChangeStream<T> implements ChangeStream<T>, Flow.Subscriber<ChangeEvent<T>> {

    private final Namespace namespace;
    /** Events, then the final signal: a RuntimeException. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    private Flow.Subscription subscription;
    private volatile boolean closed;
    private volatile boolean ended;

    private BlockingChangeStream(Namespace namespace) {
        this.namespace = namespace;
    }

    /** Opens the stream now and starts its reader. */
    static <T> ChangeStream<T> open(WatchRequest<T> request) {
        OpenWatch<T> open = request.open();
        BlockingChangeStream<T> stream = new BlockingChangeStream<>(request.namespace());
        stream.onSubscribe(new WatchSubscription<>(stream, request, () -> open));
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(ChangeEvent<T> event) {
        queue.add(event);
    }

    @Override
    public void onError(Throwable failure) {
        ended = true;
        queue.add(failure);
    }

    @Override
    public void onComplete() {
        onError(MongoMessages.ended(namespace, Reason.SERVER_CLOSED));
    }

    @Override
    public ChangeEvent<T> next() {
        try {
            return delivered(queue.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw MongoMessages.ended(namespace, Reason.CLOSED);
        }
    }

    @Override
    public Optional<ChangeEvent<T>> tryNext(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            Object item = queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return item == null ? Optional.empty() : Optional.of(delivered(item));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw MongoMessages.ended(namespace, Reason.CLOSED);
        }
    }

    @SuppressWarnings("unchecked") // the queue holds the events of this stream and its final signal only
    private ChangeEvent<T> delivered(Object item) {
        if (closed) {
            throw MongoMessages.ended(namespace, Reason.CLOSED);
        }
        if (item instanceof RuntimeException failure) {
            queue.add(failure); // every later call sees the end as well
            throw failure;
        }
        subscription.request(1);
        return (ChangeEvent<T>) item;
    }

    @Override
    public boolean isOpen() {
        return !closed && !ended;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.cancel();
        queue.add(MongoMessages.ended(namespace, Reason.CLOSED)); // wakes a caller waiting in next()
    }

    @Override
    public String toString() {
        return "ChangeStream[" + namespace + (isOpen() ? "" : ", ended") + "]";
    }
}
