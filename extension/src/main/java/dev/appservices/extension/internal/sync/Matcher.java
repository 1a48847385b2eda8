package dev.appservices.extension.internal.sync;

import org.bson.BsonDocument;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;

/** Whether a document matches a MongoDB filter, with the local engine's matcher (the same operators as queries). */
final class Matcher {

    private Matcher() {
    }

    static boolean matches(BsonDocument document, BsonDocument filter) {
        return new DefaultQueryMatcher().matches(BsonBridge.toEngine(document), BsonBridge.toEngine(filter));
    }
}
