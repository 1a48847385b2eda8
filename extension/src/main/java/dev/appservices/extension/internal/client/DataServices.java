package dev.appservices.extension.internal.client;

import dev.appservices.mongo.RemoteMongoClient;

/**
 * Makes the clients of an app's data services for {@link DefaultUser#mongoClient(String)}. The implementation lives
 * above this package ({@code internal.mongo}); the App gets it when it is created, so that this package does not
 * depend on it.
 */
@FunctionalInterface
public interface DataServices {

    /**
     * The client of one data service for one user.
     *
     * @param calls       the user's way to the service
     * @param serviceName the service name
     * @return the client
     */
    RemoteMongoClient mongoClient(ServiceCalls calls, String serviceName);
}
