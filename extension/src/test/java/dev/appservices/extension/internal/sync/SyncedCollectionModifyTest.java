package dev.appservices.extension.internal.sync;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.out;
import static com.mongodb.client.model.Aggregates.sort;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.mongo.FindOneAndModifyOptions;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The findOneAnd… writes, local aggregation and the asynchronous twins of a synced collection, against the emulator. */
class SyncedCollectionModifyTest {

    private static final String APP_ID = "sync-modify-test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp =
            AppPerTest.on(EMULATOR, APP_ID, builder -> builder.syncDirectory(SyncTest.tempDirectory()));

    private String collection;
    private User user;
    private SyncedDatabase local;
    private SyncedCollection<Document> orders;
    private RemoteMongoCollection<Document> remote;

    @BeforeEach
    void open() {
        collection = "orders-" + UUID.randomUUID();
        user = testApp.get().logIn(Credentials.anonymous(false));
        local = testApp.get()
                .sync()
                .open(SyncConfiguration.builder(user)
                        .subscription(
                                "open or done", MongoTestBackend.DATABASE, collection, in("status", "open", "done"))
                        .build());
        orders = local.collection(MongoTestBackend.DATABASE, collection);
        remote = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection(collection);
    }

    @AfterEach
    void close() {
        local.close();
    }

    private BsonValue insert(String status, int total) {
        return orders.insertOne(new Document("status", status).append("total", total))
                .insertedId();
    }

    @Test
    void findOneAndUpdateChangesTheLocalDocumentAndUploadsTheChangedFields() {
        BsonValue first = insert("open", 1);
        BsonValue second = insert("open", 2);

        Optional<Document> before = orders.findOneAndUpdate(eq("status", "open"), inc("total", 10));
        assertEquals(first, new BsonObjectId(before.orElseThrow().getObjectId("_id")));
        assertEquals(1, before.orElseThrow().getInteger("total"));

        Document after = orders.findOneAndUpdate(
                        eq("status", "open"),
                        set("status", "done"),
                        new FindOneAndModifyOptions()
                                .sort(Sorts.descending("total"))
                                .projection(Projections.include("status"))
                                .returnNewDocument(true))
                .orElseThrow();
        assertEquals(new Document("_id", first.asObjectId().getValue()).append("status", "done"), after);
        assertEquals(2, orders.findOne(eq("_id", second)).orElseThrow().getInteger("total"));

        assertTrue(local.session().uploadAllLocalChanges(WAIT));
        Document uploaded = remote.findOne(eq("_id", first)).orElseThrow();
        assertEquals("done", uploaded.getString("status"));
        assertEquals(11, uploaded.getInteger("total"));
        assertEquals("open", remote.findOne(eq("_id", second)).orElseThrow().getString("status"));
    }

    @Test
    void findOneAndReplaceAndFindOneAndDeleteAreUploaded() {
        BsonValue replaced = insert("open", 1);
        BsonValue deleted = insert("open", 2);

        Document old = orders.findOneAndReplace(eq("_id", replaced), new Document("status", "done").append("note", "x"))
                .orElseThrow();
        assertEquals(1, old.getInteger("total"));
        Document gone = orders.findOneAndDelete(eq("status", "open")).orElseThrow();
        assertEquals(deleted.asObjectId().getValue(), gone.getObjectId("_id"));
        assertEquals(Optional.empty(), orders.findOneAndDelete(eq("status", "open")));

        assertTrue(local.session().uploadAllLocalChanges(WAIT));
        assertEquals(
                new Document("_id", replaced.asObjectId().getValue())
                        .append("status", "done")
                        .append("note", "x"),
                remote.findOne(eq("_id", replaced)).orElseThrow());
        assertEquals(Optional.empty(), remote.findOne(eq("_id", deleted)));
    }

    @Test
    void anUpsertInsertsLocallyAndIsUploadedAsAnInsert() {
        FindOneAndModifyOptions upsert = new FindOneAndModifyOptions().upsert(true);
        assertEquals(Optional.empty(), orders.findOneAndUpdate(eq("status", "open"), set("total", 5), upsert));
        Document inserted = orders.findOne(eq("status", "open")).orElseThrow();
        assertEquals(5, inserted.getInteger("total"));

        assertTrue(local.session().uploadAllLocalChanges(WAIT));
        assertEquals(
                inserted, remote.findOne(eq("_id", inserted.getObjectId("_id"))).orElseThrow());
    }

    @Test
    void aFindOneAndWriteOutsideEverySubscriptionFailsAtOnceAndChangesNothing() {
        BsonValue id = insert("open", 1);
        assertThrows(IllegalArgumentException.class, () -> orders.updateOne(eq("_id", id), set("status", "gone")));
        assertEquals("open", orders.findOne(eq("_id", id)).orElseThrow().getString("status"));
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class, () -> orders.findOneAndUpdate(eq("_id", id), set("status", "gone")));
        assertTrue(failure.getMessage().startsWith("APPSVC1013:"), failure.getMessage());
        assertEquals("open", orders.findOne(eq("_id", id)).orElseThrow().getString("status"));
        assertThrows(
                IllegalArgumentException.class,
                () -> orders.findOneAndReplace(eq("_id", id), new Document("status", "gone")));
        assertThrows(
                IllegalArgumentException.class,
                () -> orders.findOneAndUpdate(
                        eq("status", "gone"), set("total", 1), new FindOneAndModifyOptions().upsert(true)));

        assertEquals("open", orders.findOne(eq("_id", id)).orElseThrow().getString("status"));
        assertEquals(1, orders.count());

        // the first document's update stays inside the subscription, the second's leaves it
        BsonValue renamed = orders.insertOne(new Document("status", "open").append("note", "done"))
                .insertedId();
        BsonValue done = orders.insertOne(new Document("status", "done").append("note", "gone"))
                .insertedId();
        assertThrows(
                IllegalArgumentException.class,
                () -> orders.updateMany(new Document(), new Document("$rename", new Document("note", "status"))));
        assertEquals(
                new Document("_id", renamed.asObjectId().getValue())
                        .append("status", "open")
                        .append("note", "done"),
                orders.findOne(eq("_id", renamed)).orElseThrow(),
                "the write is undone as a whole");
        assertEquals("done", orders.findOne(eq("_id", done)).orElseThrow().getString("status"));
        orders.deleteMany(in("_id", renamed, done));
        assertTrue(local.session().uploadAllLocalChanges(WAIT));
        assertEquals(
                List.of(new Document("_id", id.asObjectId().getValue())
                        .append("status", "open")
                        .append("total", 1)),
                remote.find().toList());
    }

    @Test
    void anAggregationRunsOnTheLocalDocumentsOffline() {
        local.session().pause();
        insert("open", 1);
        insert("open", 2);
        insert("done", 4);

        List<Document> totals = orders.aggregate(
                List.of(
                        match(in("status", "open", "done")),
                        group("$status", sum("total", "$total")),
                        sort(Sorts.ascending("_id"))),
                Document.class);
        assertEquals(
                List.of(new Document("_id", "done").append("total", 4), new Document("_id", "open").append("total", 3)),
                totals);

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> orders.aggregate(List.of(out("copy"))));
        assertTrue(refused.getMessage().startsWith("APPSVC1030:"), refused.getMessage());
        assertEquals(0, local.collection(MongoTestBackend.DATABASE, "copy").count());
    }

    @Test
    void aCountStopsAtItsLimit() throws Exception {
        insert("open", 1);
        insert("open", 2);
        assertEquals(2, orders.count(eq("status", "open"), 0));
        assertEquals(1, orders.count(eq("status", "open"), 1));
        assertEquals(
                1L,
                orders.countAsync(eq("status", "open"), 1).toCompletableFuture().get(20, TimeUnit.SECONDS));
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> orders.count(eq("status", "open"), -1));
        assertTrue(negative.getMessage().startsWith("APPSVC1027:"), negative.getMessage());
        assertTrue(orders.findOne().isPresent());
    }

    @Test
    void theAsyncTwinsRunTheLocalOperations() throws Exception {
        BsonValue id = orders.insertOneAsync(new Document("status", "open").append("total", 1))
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS)
                .insertedId();
        Document after = orders.findOneAndUpdateAsync(
                        eq("_id", id), inc("total", 1), new FindOneAndModifyOptions().returnNewDocument(true))
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS)
                .orElseThrow();
        assertEquals(2, after.getInteger("total"));
        assertEquals(1L, orders.countAsync(eq("total", 2)).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertEquals(
                List.of(after),
                orders.find(eq("status", "open"))
                        .toListAsync()
                        .toCompletableFuture()
                        .get(20, TimeUnit.SECONDS));
        assertEquals(
                Optional.of(after),
                orders.findOneAsync(eq("_id", id)).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertEquals(
                List.of(new Document("_id", "open").append("n", 1)),
                orders.aggregateAsync(List.of(group("$status", sum("n", 1))), Document.class)
                        .toCompletableFuture()
                        .get(20, TimeUnit.SECONDS));

        local.session().uploadAllLocalChangesAsync().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(2, remote.findOne(eq("_id", id)).orElseThrow().getInteger("total"));
    }
}
