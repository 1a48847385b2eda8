package dev.appservices.extension.internal.mongo;

import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.mongo.Namespace;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/**
 * What a {@code watch} asks for (the argument document with {@code filter} or {@code ids}) and how its events are
 * decoded; {@link #open()} opens one stream of it, as often as asked. Immutable.
 */
final class WatchRequest<T> {

    private final ServiceCalls calls;
    private final String service;
    private final BsonDocument argument;
    private final ChangeEventDecoder<T> decoder;

    WatchRequest(ServiceCalls calls, String service, BsonDocument argument, ChangeEventDecoder<T> decoder) {
        this.calls = calls;
        this.service = service;
        this.argument = argument;
        this.decoder = decoder;
    }

    Namespace namespace() {
        return decoder.namespace();
    }

    /**
     * Opens a stream: returns once the server answered with its headers (within the App timeout).
     *
     * @throws dev.appservices.mongo.MongoOperationException if the data service refuses the stream
     * @throws dev.appservices.mongo.ChangeStreamEndedException if the user logged out meanwhile
     */
    OpenWatch<T> open() {
        return OpenWatch.open(calls, service, argument.clone(), decoder);
    }

    /** Runs a task on the App's executor: a stream's reader. */
    <R> CompletionStage<R> async(Supplier<R> task) {
        return calls.async(task);
    }
}
