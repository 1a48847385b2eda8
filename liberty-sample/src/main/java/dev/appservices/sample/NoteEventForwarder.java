package dev.appservices.sample;

import java.util.concurrent.Flow;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.bson.Document;

import dev.appservices.mongo.ChangeEvent;

/**
 * Passes the change events of the notes to one page as server-sent events: {@code note} with the kind of change for
 * each, {@code end} with the coded reason when the change stream ends. It asks for the next change only once the
 * page has been sent the last one, so a slow page slows its own stream and nothing piles up; when the page has
 * gone, the change stream is cancelled.
 */
final class NoteEventForwarder implements Flow.Subscriber<ChangeEvent<Document>> {

    private final SseEventSink sink;
    private final Sse sse;
    private Flow.Subscription subscription;

    NoteEventForwarder(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(ChangeEvent<Document> change) {
        if (sink.isClosed()) {
            subscription.cancel();
            return;
        }
        sink.send(sse.newEventBuilder().name("note").data(change.operationType().wireName()).build())
                .whenComplete((sent, failure) -> {
                    if (failure != null || sink.isClosed()) {
                        subscription.cancel();
                        sink.close();
                    } else {
                        subscription.request(1);
                    }
                });
    }

    @Override
    public void onError(Throwable failure) {
        end(failure.getMessage());
    }

    @Override
    public void onComplete() {
        end(SampleMessages.notesStreamEnded());
    }

    private void end(String reason) {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().name("end").data(reason).build())
                    .whenComplete((sent, failure) -> sink.close());
        }
    }
}
