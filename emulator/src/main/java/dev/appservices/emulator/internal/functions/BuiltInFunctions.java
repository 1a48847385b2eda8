package dev.appservices.emulator.internal.functions;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.FunctionContext;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The functions every emulated app has unless its configuration restricts its function list.
 *
 * <p>Client functions: {@code sum}, {@code echo}, {@code whoami}. Hooks that make the demo configuration's
 * providers usable without code: {@code customAuth} (custom-function authentication), {@code confirmByEmailTag}
 * (email confirmation), {@code resetByArgument} (password reset). Stateless.
 */
final class BuiltInFunctions {

    private BuiltInFunctions() {}

    static Map<String, EmulatorFunction> all() {
        return Map.of(
                "sum", BuiltInFunctions::sum,
                "echo", BuiltInFunctions::echo,
                "whoami", BuiltInFunctions::whoami,
                "customAuth", BuiltInFunctions::customAuth,
                "confirmByEmailTag", BuiltInFunctions::confirmByEmailTag,
                "resetByArgument", BuiltInFunctions::resetByArgument);
    }

    /** The sum of int32/int64/double arguments: int64, or double as soon as one argument is a double. */
    static BsonValue sum(FunctionContext context, BsonArray arguments) {
        long integral = 0;
        double floating = 0;
        boolean anyDouble = false;
        for (BsonValue argument : arguments) {
            if (argument.isInt32() || argument.isInt64()) {
                integral = Math.addExact(integral, argument.asNumber().longValue());
            } else if (argument.isDouble()) {
                floating += argument.asDouble().getValue();
                anyDouble = true;
            } else {
                throw new IllegalArgumentException(
                        "sum accepts only int32, int64 and double arguments, not " + argument.getBsonType());
            }
        }
        return anyDouble ? new BsonDouble(floating + integral) : new BsonInt64(integral);
    }

    /** Its arguments: a single argument as itself, otherwise (none or several) the argument array. */
    static BsonValue echo(FunctionContext context, BsonArray arguments) {
        return arguments.size() == 1 ? arguments.get(0) : arguments;
    }

    /** {@code {id, identities: [{id, provider_type}], custom_data}} of the calling user; null without one. */
    static BsonValue whoami(FunctionContext context, BsonArray arguments) {
        return context.user()
                .<BsonValue>map(user -> {
                    BsonArray identities = new BsonArray();
                    user.identities()
                            .forEach(identity -> identities.add(new BsonDocument("id", new BsonString(identity.id()))
                                    .append("provider_type", new BsonString(identity.providerType()))));
                    return new BsonDocument("id", new BsonString(user.id()))
                            .append("identities", identities)
                            .append("custom_data", user.customData());
                })
                .orElse(BsonNull.VALUE);
    }

    /** Authentication: the payload's string {@code externalId}, with its optional {@code name} as profile name. */
    static BsonValue customAuth(FunctionContext context, BsonArray arguments) {
        BsonDocument payload = firstDocument(arguments);
        BsonValue id = payload.get("externalId");
        if (id == null || !id.isString() || id.asString().getValue().isBlank()) {
            throw new IllegalArgumentException("the login payload needs a non-empty string 'externalId'");
        }
        BsonDocument result = new BsonDocument("id", id);
        if (payload.isString("name")) {
            result.append("name", payload.get("name"));
        }
        return result;
    }

    /** Confirmation: success if the email contains {@code +confirm}, fail if {@code +reject}, else pending. */
    static BsonValue confirmByEmailTag(FunctionContext context, BsonArray arguments) {
        String email = firstDocument(arguments)
                .getString("username", new BsonString(""))
                .getValue();
        String status = email.contains("+confirm") ? "success" : email.contains("+reject") ? "fail" : "pending";
        return new BsonDocument("status", new BsonString(status));
    }

    /** Password reset: the status named by the first extra argument ({@code success}/{@code pending}), else fail. */
    static BsonValue resetByArgument(FunctionContext context, BsonArray arguments) {
        String status = "fail";
        if (arguments.size() > 1
                && arguments.get(1).isString()
                && List.of("success", "pending")
                        .contains(arguments.get(1).asString().getValue())) {
            status = arguments.get(1).asString().getValue();
        }
        return new BsonDocument("status", new BsonString(status));
    }

    private static BsonDocument firstDocument(BsonArray arguments) {
        if (arguments.isEmpty() || !arguments.get(0).isDocument()) {
            throw new IllegalArgumentException("the first argument must be a document");
        }
        return arguments.get(0).asDocument();
    }
}
