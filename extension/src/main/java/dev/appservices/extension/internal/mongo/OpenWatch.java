package dev.appservices.extension.internal.mongo;

import dev.appservices.ListenerRegistration;
import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.extension.internal.client.StreamResponse;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.Namespace;
import java.io.IOException;
import java.util.Optional;
import org.bson.BSONException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * One open change stream: the response of the streaming call, read event by event by one reader thread, and ended
 * from any thread by {@link #end(Reason)} (close, logout, removal), which closes the response at once so that a
 * read in progress fails and the connection is released. The first reason to end it is the one reported.
 */
final class OpenWatch<T> {

    private final ServiceCalls calls;
    private final String service;
    private final ChangeEventDecoder<T> decoder;
    private ListenerRegistration registration;
    private StreamResponse response;
    private SseParser parser;
    /** Guarded by {@code this}, as is {@link #response}. */
    private Reason endReason;

    private volatile Runnable endListener = () -> {};

    private OpenWatch(ServiceCalls calls, String service, ChangeEventDecoder<T> decoder) {
        this.calls = calls;
        this.service = service;
        this.decoder = decoder;
    }

    /** Opens a stream; its user's logout ends it, also while it is being opened. */
    static <T> OpenWatch<T> open(
            ServiceCalls calls, String service, BsonDocument argument, ChangeEventDecoder<T> decoder) {
        OpenWatch<T> watch = new OpenWatch<>(calls, service, decoder);
        watch.registration = calls.onSessionEnd(() -> watch.end(Reason.USER_LOGGED_OUT));
        StreamResponse response;
        try {
            response = calls.openStream(service, "watch", argument);
        } catch (RuntimeException e) {
            watch.registration.close();
            throw MongoMessages.failed(decoder.namespace(), "watch", service, e);
        }
        watch.attach(response);
        return watch;
    }

    private void attach(StreamResponse opened) {
        Reason ended;
        synchronized (this) {
            ended = endReason;
            if (ended == null) {
                response = opened;
                parser = new SseParser(opened.body());
                return;
            }
        }
        opened.close();
        throw MongoMessages.ended(namespace(), ended);
    }

    Namespace namespace() {
        return decoder.namespace();
    }

    /**
     * Reads up to the next change event; comments and events of other types are skipped.
     *
     * @throws dev.appservices.mongo.ChangeStreamEndedException when the stream has ended
     * @throws dev.appservices.mongo.MongoOperationException for an {@code event: error}
     * @throws dev.appservices.ConnectionException if the connection failed
     */
    ChangeEvent<T> next() {
        while (true) {
            Optional<SseEvent> read;
            try {
                read = parser.next();
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
            if (read.isEmpty()) {
                throw MongoMessages.ended(namespace(), end(Reason.SERVER_CLOSED));
            }
            SseEvent event = read.get();
            if (event.isMessage()) {
                try {
                    return decoder.decode(event.data());
                } catch (RuntimeException e) {
                    end(Reason.CLOSED);
                    throw e;
                }
            }
            if (event.isError()) {
                end(Reason.SERVER_CLOSED);
                throw streamError(event.data());
            }
        }
    }

    /**
     * Ends the stream (idempotent): closes the response, which makes a read in progress fail, and stops listening
     * for the user's logout.
     *
     * @return the reason it ended, the first one given
     */
    Reason end(Reason reason) {
        StreamResponse open;
        Reason first;
        boolean now;
        synchronized (this) {
            now = endReason == null;
            if (now) {
                endReason = reason;
            }
            first = endReason;
            open = response;
            response = null;
        }
        if (registration != null) {
            registration.close();
        }
        if (open != null) {
            open.close();
        }
        if (now) {
            endListener.run();
        }
        return first;
    }

    /** Whether the stream has ended (a reader still gets the events it received before). */
    synchronized boolean ended() {
        return endReason != null;
    }

    /** Tells {@code listener} when the stream ends, from the thread that ends it; one listener. */
    void onEnd(Runnable listener) {
        endListener = listener;
    }

    /** A read failed: the stream was ended on purpose (closed, logout, App closed), or the connection broke. */
    private RuntimeException failure(Exception e) {
        Reason reason;
        synchronized (this) {
            reason = endReason;
        }
        if (reason == null && calls.appClosed()) {
            reason = Reason.APP_CLOSED;
        }
        if (reason != null) {
            return MongoMessages.ended(namespace(), end(reason));
        }
        end(Reason.CLOSED);
        return MongoMessages.streamBroken(namespace(), e);
    }

    private RuntimeException streamError(String data) {
        try {
            BsonDocument error = BsonDocument.parse(data);
            return MongoMessages.streamError(
                    namespace(), service, text(error.get("error_code")), text(error.get("error")));
        } catch (JsonParseException | BSONException e) {
            return MongoMessages.streamError(namespace(), service, null, null);
        }
    }

    private static String text(BsonValue value) {
        return value != null && value.isString() && !value.asString().getValue().isEmpty()
                ? value.asString().getValue()
                : null;
    }
}
