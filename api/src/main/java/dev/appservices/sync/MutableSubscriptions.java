package dev.appservices.sync;

import org.bson.conversions.Bson;

/**
 * The subscriptions being changed inside {@link Subscriptions#update}. Not thread-safe, valid only during the call.
 *
 * @since 0.1
 */
public interface MutableSubscriptions {

    /**
     * Adds a subscription.
     *
     * @param name       its unique name
     * @param database   the database
     * @param collection the collection
     * @param filter     the query filter
     * @return this
     * @throws IllegalArgumentException if a subscription of that name exists
     */
    MutableSubscriptions add(String name, String database, String collection, Bson filter);

    /**
     * Removes a subscription.
     *
     * @param name its name
     * @return this
     * @throws IllegalArgumentException if there is no subscription of that name
     */
    MutableSubscriptions remove(String name);

    /**
     * Removes every subscription.
     *
     * @return this
     */
    MutableSubscriptions removeAll();
}
