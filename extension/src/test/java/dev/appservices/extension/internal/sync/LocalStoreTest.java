package dev.appservices.extension.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.mongo.Namespace;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
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
            store.insert(
                    ORDERS,
                    List.of(BsonDocument.parse("{_id: 1, status: 'open', total: 10, tags: ['a', 'b'],"
                            + " lines: [{sku: 'x', qty: 2}], customer: {name: 'Ana'}}")));
            store.insert(
                    ORDERS,
                    List.of(BsonDocument.parse("{_id: 2, status: 'done', total: 25, tags: ['b'],"
                            + " lines: [{sku: 'y', qty: 1}], customer: {name: 'Bob'}}")));
            store.insert(
                    ORDERS, List.of(BsonDocument.parse("{_id: 3, status: 'open', total: 40, tags: [], note: null}")));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
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
        List<Integer> found =
                store
                        .find(ORDERS, BsonDocument.parse(filter), new BsonDocument("_id", new BsonInt32(1)), null, 0)
                        .stream()
                        .map(document -> document.getInt32("_id").getValue())
                        .toList();
        assertEquals(List.of(ids.split(",")).stream().map(Integer::valueOf).toList(), found, filter);
    }

    @Test
    void sortProjectionLimitAndCount() {
        List<BsonDocument> found = store.find(
                ORDERS,
                new BsonDocument(),
                BsonDocument.parse("{total: -1}"),
                BsonDocument.parse("{status: 1, _id: 0}"),
                2);
        assertEquals(List.of(BsonDocument.parse("{status: 'open'}"), BsonDocument.parse("{status: 'done'}")), found);
        assertEquals(2, store.count(ORDERS, BsonDocument.parse("{status: 'open'}"), 0));
        assertEquals(1, store.count(ORDERS, BsonDocument.parse("{status: 'open'}"), 1));
    }

    @Test
    void updateOperatorsRunLocally() {
        store.write(() -> {
            store.update(
                    ORDERS,
                    new BsonInt32(1),
                    BsonDocument.parse("{$set: {status: 'done'}, $inc: {total: 5},"
                            + " $push: {tags: 'c'}, $unset: {customer: ''}, $rename: {lines: 'items'},"
                            + " $max: {best: 3}}"));
            store.update(
                    ORDERS,
                    new BsonInt32(1),
                    BsonDocument.parse(
                            "{$addToSet: {tags: 'a'}, $pull: {x: 1}," + " $mul: {total: 1}, $min: {best: 4}}"));
            return null;
        });
        assertEquals(
                BsonDocument.parse("{_id: 1, status: 'done', total: 15, tags: ['a', 'b', 'c'],"
                        + " items: [{sku: 'x', qty: 2}], best: 3}"),
                store.byId(ORDERS, new BsonInt32(1)).orElseThrow());
    }

    @Test
    void aFailedWriteChangesNothing() {
        assertThrows(
                IllegalArgumentException.class,
                () -> store.write(() -> {
                    store.delete(ORDERS, new BsonInt32(2));
                    store.enqueue(new BsonDocument("op", new BsonString("delete")));
                    store.insert(ORDERS, List.of(BsonDocument.parse("{_id: 1}")));
                    return null;
                }));
        assertEquals(3, store.count(ORDERS, new BsonDocument(), 0));
        assertEquals(0, store.pending().size());
    }

    @Test
    void theOutboxKeepsItsOrderAndSequenceNumbersAcrossAcknowledgements() {
        long first = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(1))));
        long second = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(2))));
        store.write(() -> {
            store.acknowledge(first);
            store.acknowledge(second);
            return null;
        });
        long third = store.write(() -> store.enqueue(new BsonDocument("n", new BsonInt32(3))));
        assertEquals(List.of(1L, 2L, 3L), List.of(first, second, third));
        assertEquals(3, store.lastSequence());
    }
}
