package dev.appservices.emulator.internal.js;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What {@code context.services.get(name)} reaches: the app's MongoDB data sources. Calls use the shape of the
 * client protocol's service functions ({@code find} with {@code {database, collection, query, project, sort,
 * limit}}, {@code insertOne} with {@code {database, collection, document}}, …). Implementations are thread-safe.
 */
@FunctionalInterface
public interface ServiceGateway {

    /**
     * Runs one operation.
     *
     * @param service the data source's name, e.g. {@code mongodb-atlas}
     * @param function the operation, e.g. {@code findOne}
     * @param argument its argument document, with {@code database} and {@code collection}
     * @param system whether the function runs as system (rules do not apply)
     * @param user the calling user as {@code context.user} shows it (for rules)
     * @return the operation's result
     * @throws RuntimeException whose message the function sees as the error
     */
    BsonValue call(String service, String function, BsonDocument argument, boolean system, BsonDocument user);
}
