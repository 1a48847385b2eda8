package dev.appservices.emulator.internal.data;

import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Who runs a data operation: a user, whom rules apply to, or the system, whom they do not.
 *
 * @param asSystem whether rules are bypassed
 * @param user the {@code %%user} expansion: {@code {id, type, data, custom_data, identities}} ({@code type}
 *     {@code "system"} for the system)
 */
public record Caller(boolean asSystem, BsonDocument user) {

    public Caller {
        Objects.requireNonNull(user, "user");
    }

    /** The system: rules do not apply. */
    public static Caller systemCaller() {
        return new Caller(
                true,
                new BsonDocument("id", new BsonString(""))
                        .append("type", new BsonString("system"))
                        .append("data", new BsonDocument())
                        .append("custom_data", new BsonDocument()));
    }

    /** A user, whom rules apply to. */
    public static Caller user(BsonDocument user) {
        return new Caller(false, user);
    }
}
