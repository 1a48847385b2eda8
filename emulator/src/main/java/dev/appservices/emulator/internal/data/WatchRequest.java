package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.internal.data.rules.QueryMatcher;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The argument of a {@code watch} call: {@code {database, collection, ids? | filter?}} (an old
 * {@code useCompactEvents: false} is tolerated). {@code ids} stands for {@code {"documentKey._id": {"$in": ids}}};
 * {@code filter} is a {@code $match} over change events.
 *
 * @param namespace the watched collection
 * @param filter the {@code $match} every event must pass ({@code {}} for all)
 */
public record WatchRequest(Namespace namespace, BsonDocument filter) {

    /**
     * Reads the call's arguments.
     *
     * @throws DataException 400 naming the argument that is wrong
     */
    public static WatchRequest parse(BsonArray arguments) {
        if (arguments.size() != 1 || !arguments.get(0).isDocument()) {
            throw DataException.invalidParameter(Messages.noArguments("watch"));
        }
        BsonDocument argument = arguments.get(0).asDocument();
        Arguments args = new Arguments(argument);
        Namespace namespace = args.namespace();
        BsonDocument filter = args.query("filter");
        BsonValue ids = argument.get("ids");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw DataException.invalidParameter(Messages.wrongType("ids", "an array"));
            }
            BsonDocument byIds = new BsonDocument("documentKey._id", new BsonDocument("$in", ids.asArray()));
            filter = filter.isEmpty() ? byIds : new BsonDocument("$and", new BsonArray(List.of(filter, byIds)));
        }
        try {
            QueryMatcher.matches(filter, new BsonDocument());
        } catch (IllegalArgumentException e) {
            throw DataException.invalidParameter(Messages.invalidWatchRequest(e.getMessage()));
        }
        return new WatchRequest(namespace, filter);
    }
}
