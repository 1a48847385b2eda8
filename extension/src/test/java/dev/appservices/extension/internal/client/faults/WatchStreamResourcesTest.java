package dev.appservices.extension.internal.client.faults;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.TestBackend;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.ChangeStreamEndedException.Reason;
import dev.appservices.mongo.RemoteMongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What change streams hold, counted from outside the client: a closed or ended stream leaves no connection to the
 * server and no thread reading it (the App's idle pooled threads are no stream's), also with many streams open.
 */
class WatchStreamResourcesTest {

    private static final String APP_ID = "watch-resources";
    private static final int STREAMS = 50;
    /** The connections per server of the App's pool: RESTEasy's default. */
    private static final int POOL = 50;

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP_ID)
                    .anonymousAuth()
                    .mongodb(
                            "mongodb-atlas",
                            List.of(),
                            BsonDocument.parse("{\"roles\": [{\"name\": \"all\", \"apply_when\": {}, \"read\": true,"
                                    + " \"write\": true, \"insert\": true, \"delete\": true, \"search\": true}]}"))
                    .build()));

    private App app;
    private User user;
    private RemoteMongoCollection<Document> notes;

    @BeforeEach
    void open() {
        assumeTrue(HeldResources.connectionsObservable(), "needs /proc/net/tcp to count connections");
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl()).build());
        user = app.logIn(Credentials.anonymous(false));
        notes = user.mongoClient("mongodb-atlas").database("db").collection("notes");
        // what a first client starts for the JVM, and the admin client's connection, predate the baseline
        notes.count();
        notes.watch().close();
        EMULATOR.admin().users(APP_ID);
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void closingAStreamReleasesItsConnectionAndThread() {
        HeldResources held = HeldResources.baseline(EMULATOR.baseUrl().getPort());
        ChangeStream<Document> changes = notes.watch();
        await().atMost(WAIT).until(() -> streamReaders() == 1);
        assertTrue(held.connectionsAdded() >= 1, "the stream holds a connection");

        changes.close();

        assertReleased(held);
    }

    @Test
    void fiftyStreamsAtOnceEachGetTheEventAndReleaseAll() {
        openReceiveAndRelease(STREAMS, "fifty");
    }

    /**
     * Streams take no connection of the App's pool (50 per server with RESTEasy's engine): with more streams open than
     * it has, the insert, a request of the App, still gets a connection.
     */
    @Test
    void moreStreamsThanThePoolHoldsLeaveTheAppsRequestsServed() {
        openReceiveAndRelease(POOL + 10, "many");
    }

    private void openReceiveAndRelease(int count, String round) {
        HeldResources held = HeldResources.baseline(EMULATOR.baseUrl().getPort());
        List<ChangeStream<Document>> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            streams.add(notes.watch(eq("fullDocument.round", round)));
        }
        notes.insertOne(new Document("round", round));
        for (ChangeStream<Document> stream : streams) {
            assertEquals(
                    round,
                    stream.tryNext(WAIT)
                            .orElseThrow()
                            .fullDocument()
                            .orElseThrow()
                            .get("round"));
        }
        assertEquals(count, streamReaders());
        assertTrue(held.connectionsAdded() >= count, "one connection per stream: " + held.connectionsAdded());

        streams.forEach(ChangeStream::close);

        assertReleased(held);
    }

    @Test
    void logoutEndsEveryStreamOfTheUserAndReleasesThem() {
        HeldResources held = HeldResources.baseline(EMULATOR.baseUrl().getPort());
        List<ChangeStream<Document>> streams = List.of(notes.watch(), notes.watch(), notes.watch());

        user.logOut();

        for (ChangeStream<Document> stream : streams) {
            ChangeStreamEndedException e = assertThrows(ChangeStreamEndedException.class, () -> stream.tryNext(WAIT));
            assertEquals(Reason.USER_LOGGED_OUT, e.reason());
        }
        assertReleased(held);
    }

    private static void assertReleased(HeldResources held) {
        await().atMost(WAIT).until(() -> held.connectionsAdded() <= 0 && streamReaders() == 0);
    }

    /** The threads that are running a stream's reader now. */
    private static long streamReaders() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName()
                                .startsWith("dev.appservices.extension.internal.mongo.WatchSubscription")))
                .count();
    }
}
