package dev.appservices.emulator.internal.data;

import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What a caller may do in one namespace. Reads pass through {@link #restrict} (sent to the store) and
 * {@link #visible} (decided per document); writes are checked with the documents before and after, and undone when
 * refused.
 */
public interface Access {

    /** No restriction: the system, or a function that runs as system. */
    Access SYSTEM = new Access() {
        @Override
        public BsonDocument restrict(BsonDocument query) {
            return query;
        }

        @Override
        public Optional<BsonDocument> visible(BsonDocument document) {
            return Optional.of(document);
        }

        @Override
        public void checkInsert(BsonDocument document) {}

        @Override
        public void checkUpdate(BsonDocument before, BsonDocument after) {}

        @Override
        public void checkDelete(BsonDocument document) {}
    };

    /** The query with the filters that apply added. */
    BsonDocument restrict(BsonDocument query);

    /** The document as the caller may see it (fields it may not read removed), or empty if it may not see it. */
    Optional<BsonDocument> visible(BsonDocument document);

    /** @throws DataException 403 if the caller may not insert the document */
    void checkInsert(BsonDocument document);

    /** @throws DataException 403 if the caller may not change {@code before} into {@code after} */
    void checkUpdate(BsonDocument before, BsonDocument after);

    /** @throws DataException 403 if the caller may not delete the document */
    void checkDelete(BsonDocument document);
}
