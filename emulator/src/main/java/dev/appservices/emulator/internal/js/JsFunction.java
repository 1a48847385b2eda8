package dev.appservices.emulator.internal.js;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.FunctionContext;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A JavaScript function of an imported app, callable where the emulator calls Java functions. Called with a
 * {@link CallFrame} it sees the whole {@code context.user} and {@code context.request}; called as an
 * {@link EmulatorFunction} (hooks) it runs as the user of the {@link FunctionContext}, or as system without one.
 * Thread-safe.
 */
public final class JsFunction implements EmulatorFunction {

    private final JsRuntime runtime;
    private final ScriptFunction function;

    public JsFunction(JsRuntime runtime, ScriptFunction function) {
        this.runtime = runtime;
        this.function = function;
    }

    /** Whether only functions, hooks and triggers may call it, not clients. */
    public boolean isPrivate() {
        return function.isPrivate();
    }

    /**
     * Runs the function for a caller.
     *
     * @throws FunctionFailure with the message the client sees
     */
    public BsonValue call(CallFrame frame, BsonArray arguments) {
        return runtime.call(function.name(), arguments, frame);
    }

    @Override
    public BsonValue call(FunctionContext context, BsonArray arguments) {
        CallFrame frame = context.user()
                .map(user -> {
                    BsonArray identities = new BsonArray();
                    user.identities()
                            .forEach(identity -> identities.add(new BsonDocument("id", new BsonString(identity.id()))
                                    .append("provider_type", new BsonString(identity.providerType()))));
                    return new CallFrame(
                            new BsonDocument("id", new BsonString(user.id()))
                                    .append("type", new BsonString("normal"))
                                    .append("data", new BsonDocument())
                                    .append("identities", identities)
                                    .append("custom_data", user.customData()),
                            new BsonDocument(),
                            false);
                })
                .orElseGet(() -> CallFrame.system(new BsonDocument()));
        return call(frame, arguments);
    }

    @Override
    public String name() {
        return function.name();
    }
}
