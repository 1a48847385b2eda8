package dev.appservices.extension.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.mongo.Namespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local store answers the query and update operators the documentation lists, and keeps its outbox in order. */
class LocalStoreTest {

    private static final Namespace ORDERS = new Namespace("shop", "orders");

    @TempDir
    Path directory;

    private LocalStore store;

    @BeforeEach
    void open() {
        store = LocalStore.open(directory.resolve("test.mv.db"), null);
        store.write(() -> {
            orders().insert(List.of(BsonDocument.parse("{_id: 1, status: 'open', total: 10, tags: ['a', 'b'],"
                    + " lines: [{sku: 'x', qty: 2}], customer: {name: 'Ana'}}")));
            orders().insert(List.of(BsonDocument.parse("{_id: 2, status: 'done', total: 25, tags: ['b'],"
                    + " lines: [{sku: 'y', qty: 1}], customer: {name: 'Bob'}}")));
            orders().insert(List.of(BsonDocument.parse("{_id: 3, status: 'open', total: 40, tags: [], note: null}")));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LocalCollection orders() {
        return store.collection(ORDERS);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{status: 'open'}|1,3",
                "{status: {$eq: 'done'}}|2",
                "{status: {$ne: 'open'}}|2",
                "{total: {$gt: 10}}|2,3",
                "{total: {$gte: 10, $lt: 40}}|1,2",
                "{total: {$lte: 25}}|1,2",
                "{status: {$in: ['done', 'lost']}}|2",
                "{status: {$nin: ['done']}}|1,3",
                "{$and: [{status: 'open'}, {total: {$gt: 20}}]}|3",
                "{$or: [{total: 10}, {total: 25}]}|1,2",
                "{$nor: [{status: 'open'}]}|2",
                "{total: {$not: {$gt: 20}}}|1",
                "{note: {$exists: true}}|3",
                "{total: {$type: 'int'}}|1,2,3",
                "{status: {$regex: '^op'}}|1,3",
                "{total: {$mod: [20, 5]}}|2",
                "{tags: 'b'}|1,2",
                "{tags: {$all: ['a', 'b']}}|1",
                "{tags: {$size: 0}}|3",
                "{lines: {$elemMatch: {sku: 'x', qty: {$gt: 1}}}}|1",
                "{'customer.name': 'Bob'}|2",
                "{'lines.sku': 'y'}|2",
                "{$expr: {$gt: ['$total', 20]}}|2,3"
            })
    void filtersRunLocally(String filter, String ids) {
        List<Integer> expected =
                List.of(ids.split(",")).stream().map(Integer::valueOf).toList();
        List<Integer> sorted =
                idsOf(orders().find(BsonDocument.parse(filter), BsonDocument.parse("{_id: 1}"), null, 0));
        assertEquals(expected, sorted, filter);
        List<Integer> unsorted = idsOf(orders().find(BsonDocument.parse(filter), null, null, 0)).stream()
                .sorted()
                .toList();
        assertEquals(expected, unsorted, filter + " without a sort");
    }

    private static List<Integer> idsOf(List<BsonDocument> documents) {
        return documents.stream()
                .map(document -> document.getInt32("_id").getValue())
                .toList();
    }

    @Test
    void sortProjectionLimitAndCount() {
        List<BsonDocument> found = orders().find(
                        new BsonDocument(),
                        BsonDocument.parse("{total: -1}"),
                        BsonDocument.parse("{status: 1, _id: 0}"),
                        2);
        assertEquals(List.of(BsonDocument.parse("{status: 'open'}"), BsonDocument.parse("{status: 'done'}")), found);
        assertEquals(2, orders().count(BsonDocument.parse("{status: 'open'}"), 0));
        assertEquals(1, orders().count(BsonDocument.parse("{status: 'open'}"), 1));
    }

    @Test
    void updateOperatorsRunLocally() {
        store.write(() -> {
            orders().update(
                            new BsonInt32(1),
                            BsonDocument.parse("{$set: {status: 'done'}, $inc: {total: 5},"
                                    + " $push: {tags: 'c'}, $unset: {customer: ''}, $rename: {lines: 'items'},"
                                    + " $max: {best: 3}}"));
            orders().update(
                            new BsonInt32(1),
                            BsonDocument.parse(
                                    "{$addToSet: {tags: 'a'}, $pull: {x: 1}," + " $mul: {total: 1}, $min: {best: 4}}"));
            return null;
        });
        assertEquals(
                BsonDocument.parse("{_id: 1, status: 'done', total: 15, tags: ['a', 'b', 'c'],"
                        + " items: [{sku: 'x', qty: 2}], best: 3}"),
                orders().byId(new BsonInt32(1)).orElseThrow());
    }

    @Test
    void aFailedWriteChangesNothing() {
        assertThrows(
                IllegalArgumentException.class,
                () -> store.write(() -> {
                    orders().apply(new BsonInt32(2), null);
                    store.enqueue(new BsonDocument("op", new BsonString("delete")));
                    orders().insert(List.of(BsonDocument.parse("{_id: 1}")));
                    return null;
                }));
        assertEquals(3, orders().count(new BsonDocument(), 0));
        assertEquals(0, store.pending().size());
    }

    /** Values an equality index must not tell apart where MongoDB does not, nor mix up where it does. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1",
                "1.0",
                "{$numberLong: '1'}",
                "{$numberDecimal: '1'}",
                "0",
                "-0.0",
                "\"1\"",
                "2",
                "true",
                "{$date: '2026-01-01T00:00:00Z'}",
                "{$oid: '65a000000000000000000001'}",
                "\"x\""
            })
    void anEqualityIndexFindsWhatAScanFinds(String value) {
        Namespace mixed = new Namespace("shop", "mixed");
        List<String> documents = List.of(
                "{_id: 1, n: 1}",
                "{_id: 2, n: 1.0}",
                "{_id: 3, n: {$numberLong: '1'}}",
                "{_id: 4, n: [1, 2]}",
                "{_id: 5, n: '1'}",
                "{_id: 6, n: null}",
                "{_id: 7}",
                "{_id: 8, n: {x: 1}}",
                "{_id: 9, n: [[1]]}",
                "{_id: 10, n: true}",
                "{_id: 11, n: {$date: '2026-01-01T00:00:00Z'}}",
                "{_id: 12, n: {$oid: '65a000000000000000000001'}}",
                "{_id: 13, n: 0.0}",
                "{_id: 14, n: -0.0}",
                "{_id: 15, n: ['x', 'y']}",
                "{_id: 16, n: {$numberDecimal: '1.00'}}");
        store.write(() -> {
            store.collection(mixed)
                    .insert(documents.stream().map(BsonDocument::parse).toList());
            return null;
        });
        BsonDocument filter = BsonDocument.parse("{n: " + value + "}");
        // a filter under $and is not indexed: the engine scans
        BsonDocument scanned = new BsonDocument("$and", new BsonArray(List.of(filter)));
        LocalCollection collection = store.collection(mixed);
        List<Integer> expected =
                idsOf(collection.find(scanned, null, null, 0)).stream().sorted().toList();
        assertEquals(
                expected,
                idsOf(collection.find(filter, null, null, 0)).stream().sorted().toList(),
                value);
        assertEquals(
                expected,
                idsOf(collection.find(BsonDocument.parse("{n: {$eq: " + value + "}}"), null, null, 0)).stream()
                        .sorted()
                        .toList(),
                value);
        assertEquals(expected.size(), collection.count(filter, 0), value);
    }

    @Test
    void anEqualityIndexFollowsWritesAndRollbacks() {
        BsonDocument open = BsonDocument.parse("{status: 'open'}");
        assertEquals(List.of(1, 3), sortedIds(open));
        store.write(() -> {
            orders().update(new BsonInt32(2), BsonDocument.parse("{$set: {status: 'open'}}"));
            orders().apply(new BsonInt32(1), null);
            orders().apply(new BsonInt32(4), BsonDocument.parse("{_id: 4, status: 'open'}"));
            return null;
        });
        assertEquals(List.of(2, 3, 4), sortedIds(open));
        assertThrows(
                IllegalArgumentException.class,
                () -> store.write(() -> {
                    orders().update(new BsonInt32(3), BsonDocument.parse("{$set: {status: 'done'}}"));
                    orders().apply(new BsonInt32(2), null);
                    orders().insert(List.of(BsonDocument.parse("{_id: 5, status: 'open'}")));
                    orders().insert(List.of(BsonDocument.parse("{_id: 4}")));
                    return null;
                }));
        assertEquals(List.of(2, 3, 4), sortedIds(open));
        assertEquals(
                List.of(2, 3, 4),
                idsOf(orders().find(
                                BsonDocument.parse("{status: {$in: ['open']}}"),
                                BsonDocument.parse("{_id: 1}"),
                                null,
                                0)));
        assertEquals(
                BsonDocument.parse("{_id: 3, status: 'open', total: 40, tags: [], note: null}"),
                orders().byId(new BsonInt32(3)).orElseThrow());
    }

    private List<Integer> sortedIds(BsonDocument filter) {
        return idsOf(orders().find(filter, null, null, 0)).stream().sorted().toList();
    }

    @Test
    void aDuplicateIdIsRefusedAndChangesNothing() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> store.write(() -> {
                    orders().insert(List.of(BsonDocument.parse("{_id: 9}"), BsonDocument.parse("{_id: 2}")));
                    return null;
                }));
        assertTrue(refused.getMessage().startsWith("APPSVC1012: "), refused.getMessage());
        assertEquals(Optional.empty(), orders().byId(new BsonInt32(9)));
        assertEquals(3, orders().count(new BsonDocument(), 0));
    }

    @Test
    void documentsAndTheOutboxOutliveTheProcess() {
        BsonDocument downloaded = BsonDocument.parse("{_id: 7, status: 'open', total: 1}");
        store.write(() -> {
            orders().apply(new BsonInt32(7), downloaded);
            store.enqueue(new BsonDocument("op", new BsonString("insert")));
            return null;
        });
        store.close();
        store = LocalStore.open(directory.resolve("test.mv.db"), null);
        assertEquals(List.of(1, 3, 7), sortedIds(BsonDocument.parse("{status: 'open'}")));
        assertEquals(
                List.of(7, 2, 3),
                idsOf(orders().find(
                                BsonDocument.parse("{total: {$lt: 50, $ne: 10}}"),
                                BsonDocument.parse("{total: 1}"),
                                null,
                                0)));
        assertEquals(1, store.pending().size());
    }

    @Test
    void everyKindOfIdIsFoundAgainAfterARestart() {
        List<BsonValue> ids = List.of(
                new BsonObjectId(new ObjectId()),
                new BsonString("café ☕"),
                new BsonInt64(7),
                new BsonDouble(7.5),
                BsonDocument.parse("{a: 1}"));
        store.write(() -> {
            ids.forEach(id -> orders().apply(id, new BsonDocument("_id", id).append("kind", new BsonString("any"))));
            return null;
        });
        store.close();
        store = LocalStore.open(directory.resolve("test.mv.db"), null);
        for (BsonValue id : ids) {
            assertEquals(
                    Optional.of(new BsonDocument("_id", id).append("kind", new BsonString("any"))), orders().byId(id));
        }
        assertEquals(ids.size(), orders().count(BsonDocument.parse("{kind: 'any'}"), 0));
    }

    @Test
    void theIdOfBsonBytesIsReadInPlaceOnlyWhereItComesFirst() {
        ObjectId objectId = new ObjectId();
        BsonDocument first = new BsonDocument("_id", new BsonObjectId(objectId)).append("n", new BsonInt32(1));
        BsonDocument later = new BsonDocument("n", new BsonInt32(1)).append("_id", new BsonObjectId(objectId));
        BsonDocument named = new BsonDocument("_ix", new BsonObjectId(new ObjectId())).append("_id", new BsonInt32(2));
        BsonDocument other = new BsonDocument("_id", new BsonString("s"));
        for (BsonDocument document : List.of(first, later, named, other)) {
            RawBsonDocument raw = RawBsonDocument.parse(document.toJson());
            assertEquals(document.get("_id"), LocalStore.idOf(raw), document.toJson());
        }
    }

    @Test
    void documentsOfTheFormerLayoutAreDroppedAndTheOutboxKept(@TempDir Path formerDirectory) {
        Path file = formerDirectory.resolve("former.mv.db");
        MVStore former = new MVStore.Builder().fileName(file.toString()).open();
        former.<String, byte[]>openMap("documents/shop/orders")
                .put("1", LocalStore.bytes(BsonDocument.parse("{_id: 1}")));
        former.<Long, byte[]>openMap("$sync.outbox").put(1L, LocalStore.bytes(BsonDocument.parse("{op: 'insert'}")));
        former.close();

        try (LocalStore opened = LocalStore.open(file, null)) {
            assertEquals(1, opened.pending().size());
            assertTrue(opened.read(() -> opened.collection(ORDERS).isEmpty()));
        }
        MVStore reopened =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertTrue(
                    reopened.getMapNames().stream().noneMatch(name -> name.startsWith("documents/")),
                    reopened.getMapNames().toString());
        } finally {
            reopened.close();
        }
    }

    @Test
    void aLookupReadsACollectionThatOnlyDownloadsWrote() {
        Namespace customers = new Namespace("shop", "customers");
        store.write(() -> {
            store.rememberNamespace(ORDERS);
            store.rememberNamespace(customers);
            store.collection(customers).apply(new BsonString("ana"), BsonDocument.parse("{_id: 'ana', city: 'Rome'}"));
            orders().update(new BsonInt32(1), BsonDocument.parse("{$set: {customerId: 'ana'}}"));
            return null;
        });
        List<BsonDocument> joined = store.aggregate(
                ORDERS,
                new BsonArray(List.of(
                        BsonDocument.parse("{$match: {_id: 1}}"),
                        BsonDocument.parse("{$lookup: {from: 'customers', localField: 'customerId',"
                                + " foreignField: '_id', as: 'customer'}}"),
                        BsonDocument.parse("{$project: {city: '$customer.city'}}"))));
        assertEquals(List.of(BsonDocument.parse("{_id: 1, city: ['Rome']}")), joined);
    }

    @Test
    void theOutboxKeepsItsOrderAndSequenceNumbersAcrossAcknowledgements() {
        long first = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(1))));
        long second = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(2))));
        store.write(() -> {
            store.acknowledge(List.of(first, second));
            return null;
        });
        long third = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(3))));
        assertEquals(List.of(1L, 2L, 3L), List.of(first, second, third));
        assertEquals(3, store.lastSequence());
    }

    @Test
    void acknowledgedEntriesLeaveTheOutboxForGoodWhetherSomeOrAllAre() {
        List<Long> sequences = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            int value = n;
            sequences.add(store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(value)))));
        }
        store.write(() -> {
            store.acknowledge(List.of(sequences.get(0)));
            return null;
        });
        store.close();
        store = LocalStore.open(directory.resolve("test.mv.db"), null);
        assertEquals(sequences.subList(1, 3), List.copyOf(store.pending().keySet()));
        assertEquals(3, store.pending().get(sequences.get(2)).getInt32("n").getValue());

        store.write(() -> {
            store.acknowledge(sequences.subList(1, 3));
            return null;
        });
        store.close();
        store = LocalStore.open(directory.resolve("test.mv.db"), null);
        assertTrue(store.pending().isEmpty());
        assertEquals(3, store.lastSequence());
    }
}
