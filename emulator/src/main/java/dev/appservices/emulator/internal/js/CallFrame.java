package dev.appservices.emulator.internal.js;

import java.util.Objects;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Who a function call runs for and the request that caused it.
 *
 * @param user {@code context.user}: {@code {id, type, data, identities, custom_data}}
 * @param request {@code context.request}, empty for calls without a client request (triggers)
 * @param system whether the call runs as system (hooks, triggers, run-as-system functions)
 */
public record CallFrame(BsonDocument user, BsonDocument request, boolean system) {

    public CallFrame {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(request, "request");
    }

    /** The system user, as {@code context.user} shows it to hooks and triggers. */
    private static BsonDocument systemUser() {
        return new BsonDocument("id", new BsonString(""))
                .append("type", new BsonString("system"))
                .append("data", new BsonDocument())
                .append("identities", new BsonArray())
                .append("custom_data", new BsonDocument());
    }

    /** A call the emulator makes itself (hooks, triggers): as system, without a request. */
    public static CallFrame system(BsonDocument request) {
        return new CallFrame(systemUser(), request, true);
    }

    /** The frame as the prelude reads it. */
    String toJson() {
        return new BsonDocument("userJson", new BsonString(Ejson.wrap(user)))
                .append("requestJson", new BsonString(Ejson.wrap(request)))
                .append("system", BsonBoolean.valueOf(system))
                .toJson();
    }
}
