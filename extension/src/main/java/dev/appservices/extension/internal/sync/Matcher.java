package dev.appservices.extension.internal.sync;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Whether documents match any of some MongoDB filters, with the local engine's matcher (the same operators as
 * queries). The filters are converted once; an instance is for one thread.
 */
final class Matcher {

    private final List<Document> filters;
    /** An empty filter matches every document: no need to convert them. */
    private final boolean matchesAll;

    private final DefaultQueryMatcher matcher = new DefaultQueryMatcher();

    private Matcher(List<Document> filters) {
        this.filters = filters;
        this.matchesAll = filters.stream().anyMatch(Document::isEmpty);
    }

    static Matcher anyOf(List<BsonDocument> filters) {
        return new Matcher(filters.stream().map(BsonBridge::toEngine).toList());
    }

    static boolean matches(BsonDocument document, BsonDocument filter) {
        return anyOf(List.of(filter)).matches(document);
    }

    boolean matches(BsonDocument document) {
        if (matchesAll || filters.isEmpty()) {
            return matchesAll;
        }
        Document converted = BsonBridge.toEngine(document);
        return filters.stream().anyMatch(filter -> matcher.matches(converted, filter));
    }
}
