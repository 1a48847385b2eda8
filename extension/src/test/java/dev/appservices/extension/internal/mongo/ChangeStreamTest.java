package dev.appservices.extension.internal.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend.Order;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.MongoOperationException;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.RemoteMongoCollection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code watch} against the emulator's streams over HTTP: events, filters, ends, the publisher. */
class ChangeStreamTest {

    private static final String APP_ID = "change-stream-test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    private User user;
    private RemoteMongoCollection<Document> notes;

    @BeforeEach
    void logIn() {
        user = testApp.get().logIn(Credentials.anonymous(false));
        notes = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("notes-" + UUID.randomUUID());
    }

    @Test
    void deliversEachKindOfEvent() {
        try (ChangeStream<Document> changes = notes.watch()) {
            notes.insertOne(new Document("_id", 1).append("text", "a"));
            notes.updateOne(eq("_id", 1), set("text", "b"));
            notes.findOneAndReplace(eq("_id", 1), new Document("text", "c"));
            notes.deleteOne(eq("_id", 1));

            ChangeEvent<Document> insert = next(changes);
            assertEquals(OperationType.INSERT, insert.operationType());
            assertEquals(notes.namespace(), insert.namespace());
            assertEquals(new BsonDocument("_id", new BsonInt32(1)), insert.documentKey());
            assertEquals(Optional.of(new Document("_id", 1).append("text", "a")), insert.fullDocument());

            ChangeEvent<Document> update = next(changes);
            assertEquals(OperationType.UPDATE, update.operationType());
            assertEquals(
                    BsonDocument.parse("{\"text\": \"b\"}"),
                    update.updateDescription().orElseThrow().updatedFields());

            ChangeEvent<Document> replace = next(changes);
            assertEquals(OperationType.REPLACE, replace.operationType());
            assertEquals(Optional.of(new Document("_id", 1).append("text", "c")), replace.fullDocument());

            ChangeEvent<Document> delete = next(changes);
            assertEquals(OperationType.DELETE, delete.operationType());
            assertEquals(new BsonDocument("_id", new BsonInt32(1)), delete.documentKey());
            assertEquals(Optional.empty(), delete.fullDocument());
        }
    }

    @Test
    void decodesTheFullDocumentIntoTheCollectionsClass() {
        RemoteMongoCollection<Order> orders = notes.withDocumentClass(Order.class);
        try (ChangeStream<Order> changes = orders.watch()) {
            Order order = new Order(new ObjectId(), "open", 1, null, List.of());
            orders.insertOne(order);
            assertEquals(Optional.of(order), next(changes).fullDocument());
        }
    }

    @Test
    void filtersEvents() {
        try (ChangeStream<Document> open = notes.watch(eq("fullDocument.status", "open"))) {
            notes.insertOne(new Document("_id", 1).append("status", "closed"));
            notes.insertOne(new Document("_id", 2).append("status", "open"));
            assertEquals(new BsonDocument("_id", new BsonInt32(2)), next(open).documentKey());
        }
    }

    @Test
    void watchesDocumentsById() {
        try (ChangeStream<Document> two = notes.watchIds(new BsonInt32(2))) {
            notes.insertOne(new Document("_id", 1));
            notes.insertOne(new Document("_id", 2));
            assertEquals(new BsonDocument("_id", new BsonInt32(2)), next(two).documentKey());
            assertEquals(Optional.empty(), two.tryNext(Duration.ofMillis(300)));
        }
        assertThrows(IllegalArgumentException.class, () -> notes.watchIds());
    }

    @Test
    void heartbeatsKeepAQuietStreamOpen() {
        try (ChangeStream<Document> changes = notes.watch()) {
            // several heartbeat comments pass (one every 200 ms) and none becomes an event
            assertEquals(Optional.empty(), changes.tryNext(MongoTestBackend.HEARTBEAT.multipliedBy(5)));
            assertTrue(changes.isOpen());
            notes.insertOne(new Document("_id", 1));
            assertEquals(OperationType.INSERT, next(changes).operationType());
        }
    }

    @Test
    void aServerErrorEndsTheStreamWithItsCode() {
        try (ChangeStream<Document> changes = notes.watch()) {
            EMULATOR.admin().logoutUser(APP_ID, user.id());
            MongoOperationException e = assertThrows(MongoOperationException.class, () -> changes.tryNext(WAIT));
            assertTrue(
                    e.getMessage().startsWith("APPSVC0712: the change stream of " + notes.namespace()), e.getMessage());
            assertFalse(changes.isOpen());
            assertThrows(MongoOperationException.class, changes::next, "the end is reported again");
        }
    }

    @Test
    void aStreamTheServerEndsIsReportedAsEnded() throws InterruptedException {
        String event = "{\"_id\": {\"_data\": \"1\"}, \"operationType\": \"insert\", \"ns\": {\"db\": \"shop\","
                + " \"coll\": \"n\"}, \"documentKey\": {\"_id\": 1}, \"fullDocument\": {\"_id\": 1,"
                + " \"text\": \"50%25 done%0Anext\"}}";
        String stream = ": heartbeat\n\nid: 1\ndata: " + event.substring(0, 40) + "\ndata: " + event.substring(40)
                + "\n\nevent: other\ndata: ignored\n\n";
        serveOnce(stream);
        try (ChangeStream<Document> changes = notes.watch()) {
            ChangeEvent<Document> read = next(changes);
            assertEquals("50% done\nnext", read.fullDocument().orElseThrow().getString("text"));
            ChangeStreamEndedException e = assertThrows(ChangeStreamEndedException.class, () -> changes.tryNext(WAIT));
            assertEquals(Reason.SERVER_CLOSED, e.reason());
            assertTrue(
                    e.getMessage()
                            .startsWith("APPSVC0711: the change stream of " + notes.namespace()
                                    + " has ended: the server closed it"),
                    e.getMessage());
            assertFalse(changes.isOpen());
        }

        serveOnce(stream);
        RecordingSubscriber subscriber = new RecordingSubscriber();
        notes.watchPublisher().subscribe(subscriber);
        subscriber.subscription.poll(5, TimeUnit.SECONDS).request(5);
        assertInstanceOf(ChangeEvent.class, subscriber.signals.poll(10, TimeUnit.SECONDS));
        assertEquals("complete", subscriber.signals.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void anErrorEventCarriesTheServersCode() {
        serveOnce("event: error\ndata: {\"error\": \"too long\", \"error_code\": \"ExecutionTimeLimitExceeded\"}\n\n");
        try (ChangeStream<Document> changes = notes.watch()) {
            MongoOperationException e = assertThrows(MongoOperationException.class, () -> changes.tryNext(WAIT));
            assertEquals(ErrorCode.EXECUTION_TIME_LIMIT_EXCEEDED, e.errorCode());
            assertEquals(Optional.of("too long"), e.serverMessage());
        }
    }

    @Test
    void aMalformedEventEndsTheStream() {
        serveOnce("data: [1, 2]\n\n");
        try (ChangeStream<Document> changes = notes.watch()) {
            ServiceException e = assertThrows(ServiceException.class, () -> changes.tryNext(WAIT));
            assertEquals(ErrorCode.BAD_BSON_PARSE, e.errorCode());
            assertFalse(changes.isOpen());
        }
    }

    /** The emulator answers the next stream request with {@code events}, then ends the stream. */
    private static void serveOnce(String events) {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/functions/call")
                        .method("GET")
                        .times(1)
                        .body(200, "text/event-stream", events));
    }

    @Test
    void logoutEndsTheUsersStreams() {
        ChangeStream<Document> changes = notes.watch();
        user.logOut();
        ChangeStreamEndedException e = assertThrows(ChangeStreamEndedException.class, () -> changes.tryNext(WAIT));
        assertEquals(Reason.USER_LOGGED_OUT, e.reason());
        assertFalse(changes.isOpen());
        changes.close();
    }

    @Test
    void closingEndsTheStreamAtOnce() throws InterruptedException {
        ChangeStream<Document> changes = notes.watch();
        BlockingQueue<Throwable> ended = new LinkedBlockingQueue<>();
        Thread waiter = new Thread(() -> {
            try {
                changes.next();
            } catch (RuntimeException e) {
                ended.add(e);
            }
        });
        waiter.start();
        Thread.sleep(200);
        changes.close();
        ChangeStreamEndedException e =
                assertInstanceOf(ChangeStreamEndedException.class, ended.poll(5, TimeUnit.SECONDS));
        assertEquals(Reason.CLOSED, e.reason());
        waiter.join(5000);
        assertFalse(waiter.isAlive());
    }

    @Test
    void aRefusedWatchFailsAtOnce() {
        MongoOperationException e = assertThrows(
                MongoOperationException.class,
                () -> user.mongoClient("no-such").database("db").collection("c").watch());
        assertEquals(ErrorCode.SERVICE_NOT_FOUND, e.errorCode());
        assertEquals("watch", e.operation());
    }

    @Test
    void watchHasAsyncTwins() {
        try (ChangeStream<Document> changes = notes.watchAsync(eq("operationType", "insert"))
                .toCompletableFuture()
                .join()) {
            notes.insertOne(new Document("_id", 1));
            assertEquals(OperationType.INSERT, next(changes).operationType());
        }
        notes.watchIdsAsync(new BsonInt32(1)).toCompletableFuture().join().close();
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> user.mongoClient("no-such")
                        .database("db")
                        .collection("c")
                        .watchAsync()
                        .toCompletableFuture()
                        .join());
        assertInstanceOf(MongoOperationException.class, e.getCause());
    }

    @Test
    void thePublisherDeliversNoMoreThanRequested() throws InterruptedException {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        notes.watchPublisher().subscribe(subscriber);
        Flow.Subscription subscription = subscriber.subscription.poll(5, TimeUnit.SECONDS);
        long streams = streamRequests();
        subscription.request(1);
        awaitOpened(streams);
        notes.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
        assertEquals(
                1,
                ((ChangeEvent<?>) subscriber.signals.poll(10, TimeUnit.SECONDS))
                        .documentKey()
                        .getInt32("_id")
                        .getValue());
        assertEquals(null, subscriber.signals.poll(500, TimeUnit.MILLISECONDS), "only one event was requested");
        subscription.request(2);
        assertEquals(
                2,
                ((ChangeEvent<?>) subscriber.signals.poll(10, TimeUnit.SECONDS))
                        .documentKey()
                        .getInt32("_id")
                        .getValue());
        assertEquals(
                3,
                ((ChangeEvent<?>) subscriber.signals.poll(10, TimeUnit.SECONDS))
                        .documentKey()
                        .getInt32("_id")
                        .getValue());
        subscription.cancel();
        notes.insertOne(new Document("_id", 4));
        assertEquals(null, subscriber.signals.poll(500, TimeUnit.MILLISECONDS), "nothing after cancel");
    }

    @Test
    void aSubscriberThatAsksForNothingLearnsOfTheLogoutAtOnce() throws InterruptedException {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        notes.watchPublisher().subscribe(subscriber);
        long streams = streamRequests();
        subscriber.subscription.poll(5, TimeUnit.SECONDS).request(1);
        awaitOpened(streams);
        notes.insertOne(new Document("_id", 1));
        assertInstanceOf(ChangeEvent.class, subscriber.signals.poll(10, TimeUnit.SECONDS));

        user.logOut();

        ChangeStreamEndedException ended = assertInstanceOf(
                ChangeStreamEndedException.class,
                subscriber.signals.poll(10, TimeUnit.SECONDS),
                "no further request was needed");
        assertEquals(Reason.USER_LOGGED_OUT, ended.reason());
    }

    @Test
    void thePublisherSignalsTheEndAndBadRequests() throws InterruptedException {
        RecordingSubscriber refused = new RecordingSubscriber();
        user.mongoClient("no-such")
                .database("db")
                .collection("c")
                .watchPublisher()
                .subscribe(refused);
        refused.subscription.poll(5, TimeUnit.SECONDS).request(1);
        assertInstanceOf(MongoOperationException.class, refused.signals.poll(10, TimeUnit.SECONDS));

        RecordingSubscriber invalid = new RecordingSubscriber();
        notes.watchPublisher().subscribe(invalid);
        invalid.subscription.poll(5, TimeUnit.SECONDS).request(0);
        assertInstanceOf(IllegalArgumentException.class, invalid.signals.poll(10, TimeUnit.SECONDS));

        RecordingSubscriber loggedOut = new RecordingSubscriber();
        notes.watchPublisher(eq("operationType", "insert")).subscribe(loggedOut);
        long streams = streamRequests();
        loggedOut.subscription.poll(5, TimeUnit.SECONDS).request(1);
        awaitOpened(streams);
        user.logOut();
        ChangeStreamEndedException ended =
                assertInstanceOf(ChangeStreamEndedException.class, loggedOut.signals.poll(10, TimeUnit.SECONDS));
        assertEquals(Reason.USER_LOGGED_OUT, ended.reason());
    }

    private static <T> ChangeEvent<T> next(ChangeStream<T> changes) {
        return changes.tryNext(WAIT).orElseThrow(() -> new AssertionError("no event within " + WAIT));
    }

    /** Waits until the publisher's reader thread has opened one more stream on the server. */
    private static void awaitOpened(long streamsBefore) {
        await().atMost(WAIT).until(() -> streamRequests() > streamsBefore);
    }

    private static long streamRequests() {
        return EMULATOR.admin().requestCount(APP_ID, "GET", "/api/client/v2.0/app/{appId}/functions/call");
    }

    /** Records every signal; events and failures in one queue, in order. */
    private static final class RecordingSubscriber implements Flow.Subscriber<ChangeEvent<Document>> {

        final BlockingQueue<Flow.Subscription> subscription = new LinkedBlockingQueue<>();
        final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription.add(subscription);
        }

        @Override
        public void onNext(ChangeEvent<Document> item) {
            signals.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            signals.add(throwable);
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }
}
