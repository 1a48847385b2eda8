package dev.appservices.sample;

import dev.appservices.User;
import dev.appservices.mongo.RemoteMongoCollection;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Where the notes live: collection {@code notes} of database {@code sample} of the app's {@code mongodb-atlas}
 * service. The demo app's rules let every user read every note and only its owner ({@code owner_id}) change it.
 */
final class Notes {

    static final String SERVICE = "mongodb-atlas";
    static final String DATABASE = "sample";
    static final String COLLECTION = "notes";
    static final String OWNER_ID = "owner_id";
    static final String TEXT = "text";

    private Notes() {}

    /** The notes as {@code user} reads and writes them. */
    static RemoteMongoCollection<Document> of(User user) {
        return user.mongoClient(SERVICE).database(DATABASE).collection(COLLECTION);
    }

    /** The {@code _id} of a note from the page's hex string. */
    static ObjectId id(String hex) {
        if (!ObjectId.isValid(hex)) {
            throw SampleMessages.unknownNote(hex);
        }
        return new ObjectId(hex);
    }
}
