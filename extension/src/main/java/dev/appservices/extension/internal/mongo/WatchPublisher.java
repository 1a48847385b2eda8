package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.ChangeEvent;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * A {@code watch} as a publisher: each subscriber gets a stream of its own, opened when it first requests events.
 * Immutable.
 */
final class WatchPublisher<T> implements Flow.Publisher<ChangeEvent<T>> {

    private final WatchRequest<T> request;

    WatchPublisher(WatchRequest<T> request) {
        this.request = request;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChangeEvent<T>> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new WatchSubscription<>(subscriber, request, request::open));
    }
}
