package dev.appservices.emulator;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * An app's MongoDB service as an {@link EmulatorFunction} reaches it ({@code context.services.get("mongodb-atlas")}
 * of App Services functions): the operations clients call, with the same arguments and answers, as the calling
 * user (rules apply) or as system. Writes feed watch streams like any other write.
 *
 * @since 0.1
 */
public interface FunctionMongoService {

    /**
     * The same service as system: rules do not apply.
     *
     * @return the service as system
     */
    FunctionMongoService asSystem();

    /**
     * Runs an operation, e.g. {@code call("sample", "notes", "insertOne", {"document": {...}})}.
     *
     * @param database the database
     * @param collection the collection
     * @param operation {@code find}, {@code findOne}, {@code count}, {@code aggregate}, {@code insertOne},
     *     {@code insertMany}, {@code updateOne}, {@code updateMany}, {@code deleteOne}, {@code deleteMany},
     *     {@code findOneAndUpdate}, {@code findOneAndReplace} or {@code findOneAndDelete}
     * @param arguments the operation's arguments without {@code database} and {@code collection}, e.g.
     *     {@code {"query": {...}, "limit": 10}}
     * @return the answer clients get, e.g. an array of documents or {@code {"insertedId": …}}
     * @throws IllegalArgumentException for an unknown operation or bad arguments
     * @throws SecurityException if rules refuse the operation
     * @throws IllegalStateException if the store refuses it (e.g. a duplicate key)
     */
    BsonValue call(String database, String collection, String operation, BsonDocument arguments);
}
