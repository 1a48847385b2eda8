package dev.appservices.extension.internal.mongo;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.sort;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.excludeId;
import static com.mongodb.client.model.Projections.fields;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend.Order;
import dev.appservices.extension.internal.mongo.MongoTestBackend.OrderBean;
import dev.appservices.mongo.DuplicateKeyException;
import dev.appservices.mongo.FindOneAndModifyOptions;
import dev.appservices.mongo.InsertManyResult;
import dev.appservices.mongo.MongoOperationException;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.OperationNotPermittedException;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.mongo.UpdateOptions;
import dev.appservices.mongo.UpdateResult;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every collection operation against the emulator over HTTP, with documents, records and POJOs. */
class RemoteMongoCollectionTest {

    private static final String APP_ID = "remote-mongo-test";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    private User user;
    private RemoteMongoCollection<Document> orders;

    @BeforeEach
    void logIn() {
        user = testApp.get().logIn(Credentials.anonymous(false));
        // a collection per test: tests share the emulator
        orders = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("orders-" + UUID.randomUUID());
    }

    @Test
    void insertsFindsAndCountsDocuments() {
        ObjectId id = new ObjectId();
        assertEquals(
                new BsonObjectId(id),
                orders.insertOne(new Document("_id", id)
                                .append("status", "open")
                                .append("ts", 1)
                                .append("total", 10))
                        .insertedId());
        InsertManyResult many = orders.insertMany(List.of(
                new Document("status", "open").append("ts", 2).append("total", 20),
                new Document("status", "done").append("ts", 3).append("total", 30)));
        assertEquals(2, many.insertedIds().size());
        assertTrue(many.insertedIds().get(0).isObjectId(), "the server gives documents without _id an ObjectId");

        List<Document> open = orders.find(eq("status", "open"))
                .sort(descending("ts"))
                .limit(20)
                .toList();
        assertEquals(
                List.of(2, 1),
                open.stream().map(document -> document.getInteger("ts")).toList());
        assertEquals(
                List.of(3),
                orders.find().sort(descending("ts")).limit(1).toList().stream()
                        .map(document -> document.getInteger("ts"))
                        .toList());

        Optional<Document> first = orders.find(gte("total", 20))
                .sort(ascending("total"))
                .projection(fields(include("total"), excludeId()))
                .first();
        assertEquals(Optional.of(new Document("total", 20)), first);
        assertEquals(id, orders.findOne(eq("ts", 1)).orElseThrow().getObjectId("_id"));
        assertEquals(Optional.empty(), orders.findOne(eq("status", "missing")));

        assertEquals(3, orders.count());
        assertEquals(2, orders.count(eq("status", "open")));
        assertEquals(1, orders.count(eq("status", "open"), 1));
        assertThrows(IllegalArgumentException.class, () -> orders.count(eq("status", "open"), -1));
    }

    @Test
    void aggregatesWithTheDriversBuilders() {
        orders.insertMany(List.of(
                new Document("status", "open"), new Document("status", "open"), new Document("status", "done")));
        List<Document> rows = orders.aggregate(
                List.of(match(in("status", "open", "done")), group("$status", sum("n", 1)), sort(ascending("_id"))));
        assertEquals(
                List.of(new Document("_id", "done").append("n", 1), new Document("_id", "open").append("n", 2)), rows);
    }

    @Test
    void updatesWithOptionsAndUpserts() {
        orders.insertMany(
                List.of(new Document("status", "open").append("n", 1), new Document("status", "open").append("n", 2)));

        UpdateResult one = orders.updateOne(eq("status", "open"), set("status", "done"));
        assertEquals(new UpdateResult(1, 1, Optional.empty()), one);
        UpdateResult many = orders.updateMany(eq("status", "open"), inc("n", 10));
        assertEquals(1, many.matchedCount());
        assertEquals(1, many.modifiedCount());

        UpdateResult none = orders.updateOne(eq("status", "new"), set("n", 0));
        assertEquals(new UpdateResult(0, 0, Optional.empty()), none);
        UpdateResult upserted = orders.updateOne(eq("status", "new"), set("n", 0), new UpdateOptions().upsert(true));
        assertEquals(0, upserted.matchedCount());
        assertTrue(upserted.upsertedId().orElseThrow().isObjectId());
        assertEquals(
                upserted.upsertedId().get().asObjectId().getValue(),
                orders.findOne(eq("status", "new")).orElseThrow().getObjectId("_id"));
        assertTrue(orders.updateMany(eq("status", "newer"), set("n", 0), new UpdateOptions().upsert(true))
                .upsertedId()
                .isPresent());
        assertEquals(4, orders.count());
    }

    @Test
    void updatesArrayElementsWithArrayFilters() {
        orders.insertOne(
                new Document("_id", 1).append("lines", List.of(new Document("qty", 0), new Document("qty", 5))));
        orders.updateOne(
                eq("_id", 1),
                set("lines.$[empty].qty", 1),
                new UpdateOptions().arrayFilters(List.of(eq("empty.qty", 0))));
        assertEquals(
                List.of(new Document("qty", 1), new Document("qty", 5)),
                orders.findOne(eq("_id", 1)).orElseThrow().getList("lines", Document.class));
    }

    @Test
    void deletes() {
        orders.insertMany(List.of(new Document("k", 1), new Document("k", 1), new Document("k", 2)));
        assertEquals(1, orders.deleteOne(eq("k", 1)).deletedCount());
        assertEquals(0, orders.deleteOne(eq("k", 9)).deletedCount());
        assertEquals(2, orders.deleteMany(new Document()).deletedCount());
        assertEquals(0, orders.count());
    }

    @Test
    void findsOneAndModifiesIt() {
        orders.insertMany(List.of(
                new Document("_id", 1).append("status", "open").append("ts", 1),
                new Document("_id", 2).append("status", "open").append("ts", 2)));

        assertEquals(
                Optional.of(new Document("_id", 1).append("status", "open").append("ts", 1)),
                orders.findOneAndUpdate(
                        eq("status", "open"),
                        set("status", "taken"),
                        new FindOneAndModifyOptions().sort(ascending("ts"))));
        assertEquals(
                Optional.of(new Document("status", "taken")),
                orders.findOneAndUpdate(
                        eq("_id", 2),
                        set("status", "taken"),
                        new FindOneAndModifyOptions()
                                .returnNewDocument(true)
                                .projection(fields(include("status"), excludeId()))));
        assertEquals(Optional.empty(), orders.findOneAndUpdate(eq("_id", 3), set("status", "x")));
        assertEquals(
                Optional.of(new Document("_id", 3).append("status", "x")),
                orders.findOneAndUpdate(
                        eq("_id", 3),
                        set("status", "x"),
                        new FindOneAndModifyOptions().upsert(true).returnNewDocument(true)));

        assertEquals(
                Optional.of(new Document("_id", 1).append("status", "taken").append("ts", 1)),
                orders.findOneAndReplace(eq("_id", 1), new Document("status", "replaced")));
        assertEquals(
                Optional.of(new Document("_id", 1).append("status", "again")),
                orders.findOneAndReplace(
                        eq("_id", 1),
                        new Document("status", "again"),
                        new FindOneAndModifyOptions().returnNewDocument(true)));

        assertEquals(
                Optional.of(new Document("_id", 3).append("status", "x")),
                orders.findOneAndDelete(new Document(), new FindOneAndModifyOptions().sort(descending("_id"))));
        assertEquals(Optional.empty(), orders.findOneAndDelete(eq("_id", 3)));
        assertEquals(2, orders.count());
    }

    @Test
    void readsAndWritesRecords() {
        RemoteMongoCollection<Order> typed = orders.withDocumentClass(Order.class);
        Order order = new Order(new ObjectId(), "open", 3_000_000_000L, Decimal128.parse("19.90"), List.of("a", "b"));
        assertEquals(new BsonObjectId(order.id()), typed.insertOne(order).insertedId());
        assertEquals(Optional.of(order), typed.findOne(eq("_id", order.id())));
        assertEquals(List.of(order), typed.find(eq("status", "open")).toList());
        Order done = new Order(order.id(), "done", 1, order.price(), List.of());
        assertEquals(
                Optional.of(done),
                typed.findOneAndReplace(
                        eq("_id", order.id()), done, new FindOneAndModifyOptions().returnNewDocument(true)));
        Document raw = orders.findOne(eq("_id", order.id())).orElseThrow();
        assertEquals(1L, raw.get("total"), "a long stays Int64 on the wire");
    }

    @Test
    void readsAndWritesPojos() {
        RemoteMongoCollection<OrderBean> typed = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection(orders.namespace().collection(), OrderBean.class);
        OrderBean bean = new OrderBean(new ObjectId(), "open", 7);
        typed.insertMany(List.of(bean, new OrderBean(new ObjectId(), "done", 8)));
        assertEquals(List.of(bean), typed.find(eq("status", "open")).toList());
        assertEquals(Optional.of(bean), typed.findOneAndDelete(eq("total", 7)));
        assertEquals(
                List.of(new Document("_id", "done").append("n", 1)),
                typed.aggregate(List.of(group("$status", sum("n", 1))), Document.class));
    }

    @Test
    void keepsNumberTypes() {
        orders.insertOne(new Document("_id", 1)
                .append("int", 1)
                .append("long", 2L)
                .append("double", 2.5)
                .append("decimal", Decimal128.parse("1.10")));
        Document read = orders.findOne(eq("_id", 1)).orElseThrow();
        assertInstanceOf(Integer.class, read.get("int"));
        assertInstanceOf(Long.class, read.get("long"));
        assertInstanceOf(Double.class, read.get("double"));
        assertEquals(Decimal128.parse("1.10"), read.get("decimal"));
        assertEquals(1, orders.count(eq("long", 2)), "numbers compare across types on the server");
    }

    @Test
    void readsDocumentsAsRawBsonAsTheyAreAsDocuments() {
        orders.insertMany(List.of(
                new Document("_id", 1)
                        .append("long", 2L)
                        .append("decimal", Decimal128.parse("1.10"))
                        .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))))
                        .append("when", new Date(1_700_000_000_000L)),
                new Document("_id", 2).append("long", 3L)));
        RemoteMongoCollection<RawBsonDocument> raw = orders.withDocumentClass(RawBsonDocument.class);
        RemoteMongoCollection<BsonDocument> parsed = orders.withDocumentClass(BsonDocument.class);

        List<RawBsonDocument> found = raw.find().sort(ascending("_id")).toList();
        assertEquals(parsed.find().sort(ascending("_id")).toList(), found);
        assertEquals(new BsonInt64(2), found.get(0).get("long"));
        assertEquals(
                parsed.aggregate(List.of(match(gte("long", 3L))), BsonDocument.class),
                raw.aggregate(List.of(match(gte("long", 3L))), RawBsonDocument.class));
        assertEquals(List.of(), raw.find(eq("_id", 3)).toList());
    }

    @Test
    void aDuplicateKeyNamesTheNamespaceButNotTheDocument() {
        orders.insertOne(new Document("_id", "secret-value"));
        DuplicateKeyException e =
                assertThrows(DuplicateKeyException.class, () -> orders.insertOne(new Document("_id", "secret-value")));
        assertEquals(orders.namespace(), e.namespace());
        assertEquals("insertOne", e.operation());
        assertTrue(e.getMessage().startsWith("APPSVC0701: insertOne on " + orders.namespace()), e.getMessage());
        assertFalse(e.getMessage().contains("secret-value"), e.getMessage());
        assertTrue(e.serverMessage().orElseThrow().contains("Duplicate key"));
    }

    @Test
    void aWriteTheRulesRefuseIsNotPermitted() {
        RemoteMongoCollection<Document> mine = user.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("owned");
        BsonValue note = mine.insertOne(new Document("owner_id", user.id()).append("text", "mine"))
                .insertedId();
        User other = testApp.get().logIn(Credentials.anonymous(false));
        RemoteMongoCollection<Document> theirs = other.mongoClient(MongoTestBackend.SERVICE)
                .database(MongoTestBackend.DATABASE)
                .collection("owned");
        assertTrue(theirs.findOne(eq("_id", note)).isPresent(), "everyone may read");
        OperationNotPermittedException e = assertThrows(
                OperationNotPermittedException.class,
                () -> theirs.insertOne(new Document("owner_id", user.id()).append("text", "forged")));
        assertEquals(new Namespace(MongoTestBackend.DATABASE, "owned"), e.namespace());
        assertTrue(e.getMessage().startsWith("APPSVC0702: insertOne on shop.owned"), e.getMessage());
        assertFalse(e.getMessage().contains("forged"), e.getMessage());
        try {
            theirs.updateOne(eq("_id", note), set("text", "changed"));
        } catch (OperationNotPermittedException refused) {
            assertEquals("updateOne", refused.operation());
        }
        assertEquals("mine", mine.findOne(eq("_id", note)).orElseThrow().getString("text"));
    }

    @Test
    void aMissingServiceHasItsOwnCode() {
        MongoOperationException e = assertThrows(
                MongoOperationException.class,
                () -> user.mongoClient("no-such").database("db").collection("c").count());
        assertEquals(ErrorCode.SERVICE_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0703: count on db.c (service 'no-such')"), e.getMessage());
    }

    @Test
    void aBadArgumentHasItsOwnCode() {
        MongoOperationException e = assertThrows(
                MongoOperationException.class,
                () -> orders.updateOne(eq("_id", 1), new Document("status", "no operator")));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0704: updateOne on " + orders.namespace()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> orders.insertMany(List.of()));
        assertThrows(NullPointerException.class, () -> orders.find(null));
    }

    @Test
    void refreshesTheAccessTokenOnceWhenAFindGets401() {
        orders.insertOne(new Document("_id", 1));
        List<AuthEvent.Type> events = new CopyOnWriteArrayList<>();
        testApp.get().addListener(event -> events.add(event.type()));
        long refreshes = EMULATOR.admin().requestCount("POST", "/api/client/v2.0/auth/session");
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/functions/call")
                        .times(1)
                        .error(401, "InvalidSession", "invalid session"));
        assertEquals(List.of(new Document("_id", 1)), orders.find().toList());
        assertEquals(refreshes + 1, EMULATOR.admin().requestCount("POST", "/api/client/v2.0/auth/session"));
        assertEquals(List.of(AuthEvent.Type.TOKEN_REFRESHED), events);
    }

    @Test
    void aLoggedOutUserCannotUseItsCollections() {
        user.logOut();
        AppServicesException e = assertThrows(AppServicesException.class, () -> orders.count());
        assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, e.errorCode());
    }

    @Test
    void everyOperationHasAnAsyncTwin() {
        BsonValue id = orders.insertOneAsync(new Document("_id", 1).append("n", 1))
                .toCompletableFuture()
                .join()
                .insertedId();
        assertEquals(new BsonInt32(1), id);
        assertEquals(
                List.of(new BsonString("a")),
                orders.insertManyAsync(List.of(new Document("_id", "a")))
                        .toCompletableFuture()
                        .join()
                        .insertedIds());
        assertEquals(2L, orders.countAsync().toCompletableFuture().join());
        assertEquals(1L, orders.countAsync(eq("n", 1)).toCompletableFuture().join());
        assertEquals(2, orders.find().toListAsync().toCompletableFuture().join().size());
        assertTrue(orders.find(eq("n", 1))
                .firstAsync()
                .toCompletableFuture()
                .join()
                .isPresent());
        assertTrue(orders.findOneAsync(eq("n", 1)).toCompletableFuture().join().isPresent());
        assertEquals(
                1,
                orders.aggregateAsync(List.of(match(eq("n", 1))))
                        .toCompletableFuture()
                        .join()
                        .size());
        assertEquals(
                1,
                orders.updateOneAsync(eq("n", 1), set("n", 2), new UpdateOptions())
                        .toCompletableFuture()
                        .join()
                        .modifiedCount());
        assertEquals(
                1,
                orders.updateManyAsync(eq("n", 2), set("n", 3), new UpdateOptions())
                        .toCompletableFuture()
                        .join()
                        .modifiedCount());
        assertEquals(
                3,
                orders.findOneAndUpdateAsync(eq("n", 3), inc("n", 1), new FindOneAndModifyOptions())
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .getInteger("n"));
        assertEquals(
                4,
                orders.findOneAndReplaceAsync(eq("n", 4), new Document("n", 5), new FindOneAndModifyOptions())
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .getInteger("n"));
        assertEquals(
                5,
                orders.findOneAndDeleteAsync(eq("n", 5), new FindOneAndModifyOptions())
                        .toCompletableFuture()
                        .join()
                        .orElseThrow()
                        .getInteger("n"));
        assertEquals(
                1,
                orders.deleteOneAsync(eq("_id", "a"))
                        .toCompletableFuture()
                        .join()
                        .deletedCount());
        assertEquals(
                0,
                orders.deleteManyAsync(new Document())
                        .toCompletableFuture()
                        .join()
                        .deletedCount());

        CompletionException failed = assertThrows(
                CompletionException.class,
                () -> user.mongoClient("no-such")
                        .database("db")
                        .collection("c")
                        .countAsync()
                        .toCompletableFuture()
                        .join());
        assertInstanceOf(MongoOperationException.class, failed.getCause());
    }
}
