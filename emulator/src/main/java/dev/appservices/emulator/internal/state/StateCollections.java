package dev.appservices.emulator.internal.state;

import com.mongodb.MongoCommandException;
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
    private static final BsonDocument IDENTITY_INDEX = new BsonDocument(StateDocuments.IDENTITY_KEYS, ONE);
    private static final IndexOptions IDENTITY_INDEX_OPTIONS =
            new IndexOptions().unique(true).sparse(true);
    // MongoDB's error codes: an index of that name exists with other options (the store answers either)
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;
    private static final int INDEX_NOT_FOUND = 27;

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
        createIdentityIndex();
        users.createIndexes(List.of(new IndexModel(new BsonDocument(StateDocuments.APP, ONE))));
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
     * The unique index of the users' identity keys, sparse: an anonymous user has no identity key (see
     * {@link StateDocuments#IDENTITY_KEYS}). An emulator before that made the index without {@code sparse}; it is dropped and
     * made again, since MongoDB keeps one index per key pattern. Should several emulators upgrade one deployment at
     * once, for the moment between the two no index guards the identities; each emulator tolerates the others' drop.
     */
    private void createIdentityIndex() {
        try {
            users.createIndex(IDENTITY_INDEX, IDENTITY_INDEX_OPTIONS);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_OPTIONS_CONFLICT && e.getErrorCode() != INDEX_KEY_SPECS_CONFLICT) {
                throw e;
            }
            try {
                users.dropIndex(IDENTITY_INDEX);
            } catch (MongoCommandException dropped) {
                if (dropped.getErrorCode() != INDEX_NOT_FOUND) {
                    throw dropped;
                }
            }
            users.createIndex(IDENTITY_INDEX, IDENTITY_INDEX_OPTIONS);
        }
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
