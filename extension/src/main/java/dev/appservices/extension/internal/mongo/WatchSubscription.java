package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Delivers the events of one change stream to one subscriber with back-pressure: a reader task on the App's
 * executor (started by the first {@link #request(long)}) opens the stream, then reads the next event from the
 * connection only while the subscriber has requested more, so nothing is buffered beyond the connection itself.
 * All signals come from the reader task, one at a time. The server ending the stream is {@code onComplete}; every
 * other end is {@code onError}; {@link #cancel()} ends the stream at once (the connection is closed, which also
 * stops a read in progress) and signals nothing more.
 */
final class WatchSubscription<T> implements Flow.Subscription {

    private static final Logger LOG = System.getLogger(WatchSubscription.class.getName());

    private final Flow.Subscriber<? super ChangeEvent<T>> subscriber;
    private final Supplier<OpenWatch<T>> opener;
    private final WatchRequest<T> request;
    /** Guarded by {@code this}: outstanding demand, state, and the stream once open. */
    private long demand;

    private boolean started;
    private boolean cancelled;
    private RuntimeException invalidRequest;
    private OpenWatch<T> open;

    /**
     * @param subscriber who gets the events
     * @param request    the watch, for its executor
     * @param opener     opens the stream on the reader task (or hands over one opened already)
     */
    WatchSubscription(
            Flow.Subscriber<? super ChangeEvent<T>> subscriber,
            WatchRequest<T> request,
            Supplier<OpenWatch<T>> opener) {
        this.subscriber = subscriber;
        this.request = request;
        this.opener = opener;
    }

    @Override
    public void request(long n) {
        boolean start;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            if (n <= 0) {
                invalidRequest = MongoMessages.nonPositiveRequest(n);
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            start = !started;
            started = true;
            notifyAll();
        }
        if (start) {
            request.async(() -> {
                        read();
                        return null;
                    })
                    .whenComplete((ignored, failure) -> {
                        // read() signals its own failures; a failure here means it never ran (the App has closed)
                        if (failure != null) {
                            signal(
                                    failure instanceof CompletionException && failure.getCause() != null
                                            ? failure.getCause()
                                            : failure);
                        }
                    });
        }
    }

    @Override
    public void cancel() {
        OpenWatch<T> stream;
        synchronized (this) {
            cancelled = true;
            stream = open;
            notifyAll();
        }
        if (stream != null) {
            stream.end(Reason.CLOSED);
        }
    }

    /** The reader task. */
    private void read() {
        OpenWatch<T> stream = null;
        try {
            stream = opener.get();
            // a logout or server end while the subscriber asks for nothing is signalled at once, not at its next
            // request
            stream.onEnd(this::wake);
            synchronized (this) {
                open = stream;
                if (cancelled) {
                    return;
                }
            }
            while (awaitDemand()) {
                ChangeEvent<T> event = stream.next();
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    demand--;
                }
                subscriber.onNext(event);
            }
        } catch (ChangeStreamEndedException ended) {
            if (ended.reason() == Reason.SERVER_CLOSED) {
                signal(null);
            } else {
                signal(ended);
            }
        } catch (RuntimeException e) {
            signal(e);
        } catch (InterruptedException e) {
            // only the App's shutdown interrupts its executor's threads
            signal(MongoMessages.ended(request.namespace(), Reason.APP_CLOSED));
        } finally {
            if (stream != null) {
                stream.end(Reason.CLOSED);
            }
        }
    }

    private synchronized void wake() {
        notifyAll();
    }

    /** Waits until the subscriber wants an event or the stream has ended; false when the subscriber cancelled. */
    private boolean awaitDemand() throws InterruptedException {
        synchronized (this) {
            while (demand == 0 && !cancelled && invalidRequest == null && !open.ended()) {
                wait();
            }
            if (invalidRequest != null && !cancelled) {
                throw invalidRequest;
            }
            return !cancelled;
        }
    }

    /** The last signal: {@code onComplete} for null, else {@code onError}; none after a cancel. */
    private void signal(Throwable failure) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        try {
            if (failure == null) {
                subscriber.onComplete();
            } else {
                subscriber.onError(failure);
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "a subscriber of the change stream of " + request.namespace() + " threw from its last signal",
                    e);
        }
    }
}
