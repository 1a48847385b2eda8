package dev.appservices.emulator.internal.state;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * The collections of the emulator's state database, one document per record, every record with its app's id in
 * {@code app}. Writes wait for a majority of a replica set and reads go to the primary with majority read concern,
 * so that a change acknowledged to one emulator process is what every other process reads next, also after a
 * failover. Immutable and thread-safe (the driver's collections are).
 *
 * @param apps per app: signing secret and domain id
 * @param users users with their identities embedded, so that linking and most changes are one document's update
 * @param accounts email/password accounts
 * @param emailTokens pending confirmation and reset tokens
 * @param apiKeys user API keys (hashed)
 * @param sessions sessions, i.e. refresh tokens
 */
record StateCollections(
        MongoCollection<BsonDocument> apps,
        MongoCollection<BsonDocument> users,
        MongoCollection<BsonDocument> accounts,
        MongoCollection<BsonDocument> emailTokens,
        MongoCollection<BsonDocument> apiKeys,
        MongoCollection<BsonDocument> sessions) {

    private static final BsonInt32 ONE = new BsonInt32(1);

    static StateCollections in(MongoDatabase database) {
        MongoDatabase consistent = database.withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY)
                .withReadPreference(ReadPreference.primary());
        return new StateCollections(
                collection(consistent, "apps"),
                collection(consistent, "users"),
                collection(consistent, "accounts"),
                collection(consistent, "emailTokens"),
                collection(consistent, "apiKeys"),
                collection(consistent, "sessions"));
    }

    /**
     * Creates the indexes (creating existing ones again is a no-op, so every process does it at start). The lookups
     * of the request path are by {@code _id} or by exactly the fields of a unique index.
     */
    void createIndexes() {
        users.createIndexes(List.of(
                unique(new BsonDocument(StateDocuments.IDENTITY_KEYS, ONE)),
                new IndexModel(new BsonDocument(StateDocuments.APP, ONE))));
        accounts.createIndexes(List.of(unique(new BsonDocument(StateDocuments.APP, ONE).append("email", ONE))));
        emailTokens.createIndexes(List.of(unique(new BsonDocument(StateDocuments.APP, ONE)
                .append("kind", ONE)
                .append("tokenId", ONE)
                .append("token", ONE))));
        apiKeys.createIndexes(List.of(
                unique(new BsonDocument(StateDocuments.APP, ONE)
                        .append("userId", ONE)
                        .append("name", ONE)),
                unique(new BsonDocument("keyHash", ONE))));
        sessions.createIndexes(List.of(
                new IndexModel(new BsonDocument("userId", ONE)), new IndexModel(new BsonDocument("expiresAt", ONE))));
    }

    /**
     * Deletes what a user marked {@link StateDocuments#DELETED} owns, then its document, which frees its identities.
     * Each step is idempotent, so repeating an interrupted deletion finishes it.
     */
    void finishDeletion(BsonDocument user) {
        BsonArray identityIds = new BsonArray(user.getArray("identities").stream()
                .map(identity -> identity.asDocument().get("id"))
                .toList());
        accounts.deleteMany(new BsonDocument(StateDocuments.ID, new BsonDocument("$in", identityIds)));
        BsonDocument owned = new BsonDocument("userId", user.get(StateDocuments.ID));
        apiKeys.deleteMany(owned);
        sessions.deleteMany(owned);
        users.deleteOne(new BsonDocument(StateDocuments.ID, user.get(StateDocuments.ID)));
    }

    /** Finishes the deletions that processes which died midway left behind. */
    void finishInterruptedDeletions() {
        for (BsonDocument user : users.find(new BsonDocument(StateDocuments.DELETED, BsonBoolean.TRUE))) {
            finishDeletion(user);
        }
    }

    List<MongoCollection<BsonDocument>> recordCollections() {
        return List.of(users, accounts, emailTokens, apiKeys, sessions);
    }

    private static IndexModel unique(BsonDocument keys) {
        return new IndexModel(keys, new IndexOptions().unique(true));
    }

    private static MongoCollection<BsonDocument> collection(MongoDatabase database, String name) {
        return database.getCollection(name, BsonDocument.class);
    }
}
