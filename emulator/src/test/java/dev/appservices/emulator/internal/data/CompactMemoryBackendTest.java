package dev.appservices.emulator.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** The embedded in-memory store keeps documents with shared field names, and unchanged otherwise. */
class CompactMemoryBackendTest {

    @Test
    void copiesShareTheirFieldNamesAtEveryDepthAndKeepTheirValuesAndOrder() {
        Document first = decodedAlike();
        Document second = decodedAlike();

        Document compactFirst = CompactMemoryBackend.compact(first);
        Document compactSecond = CompactMemoryBackend.compact(second);

        assertEquals(first, compactFirst);
        assertEquals(List.copyOf(first.keySet()), List.copyOf(compactFirst.keySet()));
        assertNotSame(
                first.keySet().iterator().next(), second.keySet().iterator().next());
        assertSame(firstKey(compactFirst), firstKey(compactSecond));
        assertSame(firstKey((Document) compactFirst.get("nested")), firstKey((Document) compactSecond.get("nested")));
        Document inArray = (Document) ((List<?>) compactFirst.get("array")).get(1);
        Document otherInArray = (Document) ((List<?>) compactSecond.get("array")).get(1);
        assertSame(firstKey(inArray), firstKey(otherInArray));
        assertSame(first.get("value"), compactFirst.get("value"));
    }

    @Test
    void documentsInsertedUpdatedAndFoundThroughTheDriverAreUnchanged() {
        try (MongoStore store = MongoStore.embedded(Optional.empty())) {
            MongoCollection<BsonDocument> collection = store.collection(new Namespace("db", "things"));
            BsonDocument document = new BsonDocument("_id", new BsonString("a"))
                    .append("nested", new BsonDocument("x", new BsonInt32(1)))
                    .append("array", new BsonArray(List.of(new BsonInt32(2), new BsonDocument("y", new BsonInt32(3)))));
            collection.insertOne(document);
            assertEquals(document, collection.find(Filters.eq("_id", "a")).first());

            collection.updateOne(Filters.eq("_id", "a"), Updates.set("nested.z", 4));

            assertEquals(
                    document.clone()
                            .append("nested", new BsonDocument("x", new BsonInt32(1)).append("z", new BsonInt32(4))),
                    collection.find(Filters.eq("nested.x", 1)).first());
        }
    }

    /** A document as the server decodes one: every field name a string of its own. */
    private static Document decodedAlike() {
        List<Object> array = new ArrayList<>();
        array.add(1);
        array.add(new Document(new String("inArray"), 2));
        Document document = new Document();
        document.put(new String("value"), new String("v"));
        document.put(new String("nested"), new Document(new String("inNested"), 1));
        document.put(new String("array"), array);
        return document;
    }

    private static String firstKey(Document document) {
        return document.keySet().iterator().next();
    }
}
