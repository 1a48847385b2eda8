package dev.appservices.emulator.internal.data;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's in-memory backend, keeping each inserted document with field names that all documents share.
 * The server decodes every document's field names into strings of their own, and the in-memory backend keeps them
 * as they are: in the emulator's state (a user and a session per login, all alike) the names were about a quarter of
 * the heap a stored document takes, and every young collection copies them until they are promoted. A document is
 * copied before it is stored, with its names {@linkplain String#intern() interned} (the JVM's table of interned
 * strings forgets those no longer used) and its arrays no larger than they need to be; the values are the same
 * objects. A document that an update changes in place keeps the names it had and gains the update's own.
 */
final class CompactMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new CompactDatabase(databaseName, getCursorRegistry());
    }

    /** A copy of the document whose field names, also those of nested documents, are interned. */
    static Document compact(Document document) {
        Document copy = new Document();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            copy.put(field.getKey().intern(), compactValue(field.getValue()));
        }
        return copy;
    }

    private static Object compactValue(Object value) {
        if (value instanceof Document nested) {
            return compact(nested);
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            for (Object element : array) {
                copy.add(compactValue(element));
            }
            return copy;
        }
        return value;
    }

    private static final class CompactDatabase extends MemoryDatabase {

        CompactDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CompactCollection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class CompactCollection extends MemoryCollection {

        CompactCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            return super.addDocumentInternal(compact(document));
        }
    }
}
