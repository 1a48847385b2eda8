package dev.appservices.mongo;

/**
 * The data service of an app as one user sees it, obtained with {@link dev.appservices.User#mongoClient(String)}.
 * Every request it makes carries that user's access token, so the app's rules for that user apply. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public interface RemoteMongoClient {

    /**
     * Returns the name of the data service, as the app declares it.
     *
     * @return the service name, such as {@code "mongodb-atlas"}
     */
    String serviceName();

    /**
     * Returns a database of the service. No request is made.
     *
     * @param name the database name
     * @return the database, with the default codec registry
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    RemoteMongoDatabase database(String name);
}
