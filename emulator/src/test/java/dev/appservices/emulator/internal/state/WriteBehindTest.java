package dev.appservices.emulator.internal.state;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.User;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inserts of logins written after answering, on the embedded store's server: what is queued is written when
 * anything else needs the store, when the emulator closes, or on its own after the delay, and a session that ends
 * while its insert is queued is never written.
 */
class WriteBehindTest {

    /** Long enough that nothing is written on its own while a test runs. */
    private static final Duration NEVER = Duration.ofHours(1);

    private static final String APP = "writes";

    private MongoServer server;
    private MongoClient client;
    private StateCollections collections;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true");
        collections = StateCollections.in(client.getDatabase("state"));
        collections.createIndexes();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void queuedInsertsReachTheStoreWhenSettled() {
        try (WriteBehind writes = WriteBehind.owned(collections, NEVER)) {
            writes.insertUser(user("u1"));
            writes.insertSession("s1", session("s1", "u1"));
            assertEquals(0, collections.users().countDocuments(), "nothing is written before it is due");

            writes.settle();

            assertEquals(1, collections.users().countDocuments());
            assertEquals(1, collections.sessions().countDocuments());
        }
    }

    @Test
    void aSessionEndedWhileItsInsertIsQueuedIsNeverWritten() {
        try (WriteBehind writes = WriteBehind.owned(collections, NEVER)) {
            writes.insertSession("s1", session("s1", "u1"));
            writes.insertSession("s2", session("s2", "u1"));
            writes.deleteSession("s1");
            writes.settle();

            assertEquals(
                    new BsonString("s2"), collections.sessions().find().first().get("_id"));
            assertEquals(1, collections.sessions().countDocuments());
        }
    }

    @Test
    void aWrittenSessionThatEndsIsDeletedWhenSettled() {
        try (WriteBehind writes = WriteBehind.owned(collections, NEVER)) {
            writes.insertSession("s1", session("s1", "u1"));
            writes.settle();
            writes.deleteSession("s1");
            writes.settle();

            assertEquals(0, collections.sessions().countDocuments());
        }
    }

    @Test
    void closingWritesWhatIsQueued() {
        WriteBehind writes = WriteBehind.owned(collections, NEVER);
        writes.insertUser(user("u1"));
        writes.insertSession("s1", session("s1", "u1"));

        writes.close();

        assertEquals(1, collections.users().countDocuments());
        assertEquals(1, collections.sessions().countDocuments());
    }

    @Test
    void queuedInsertsAreWrittenOnTheirOwnAfterTheDelay() {
        try (WriteBehind writes = WriteBehind.owned(collections, Duration.ofMillis(5))) {
            writes.insertSession("s1", session("s1", "u1"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> collections.sessions().countDocuments() == 1);
        }
    }

    @Test
    void aRefusedRecordDoesNotKeepTheOthersOfItsBatchOut() {
        collections.users().insertOne(user("taken"));
        try (WriteBehind writes = WriteBehind.owned(collections, NEVER)) {
            writes.insertUser(user("taken"));
            writes.insertUser(user("u2"));

            writes.settle(); // logs APPSVC0525 for the one refused

            assertEquals(2, collections.users().countDocuments());
        }
    }

    @Test
    void everythingElseTheStateDoesSeesTheQueuedInsertsFirst() {
        WriteBehind writes = WriteBehind.owned(collections, NEVER);
        AppState state = new AppState(APP, "c2VjcmV0", "domain", collections, StateCache.owned(), writes, clock());
        Identity anonymous = new Identity(new ObjectId().toHexString(), "anon-user", "anon", Map.of());
        String userId = state.createUser(anonymous, AppState.NORMAL_USER).user().id();
        state.createSession(userId, "device", Duration.ofHours(1));

        assertEquals(List.of(userId), state.users().stream().map(User::id).toList());
        assertTrue(state.revokeSessions(userId), "the user's sessions are revoked");
        writes.close();

        assertEquals(0, collections.sessions().countDocuments(), "the session was written before it was revoked");
    }

    private static BsonDocument user(String id) {
        Identity identity = new Identity(id + "-identity", "anon-user", "anon", Map.of());
        return StateDocuments.write(APP, new User(id, AppState.NORMAL_USER, false, List.of(identity), null, 0));
    }

    private static BsonDocument session(String id, String userId) {
        return StateDocuments.write(APP, new Session(id, userId, "device", clock().millis() + 3_600_000));
    }

    private static Clock clock() {
        return Clock.systemUTC();
    }
}
