package dev.appservices.emulator.internal.js;

import dev.appservices.emulator.internal.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;
import org.bson.types.ObjectId;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The one host function a context's prelude holds: {@code host(operation, text)}. Everything JavaScript cannot do
 * in the sandbox goes through it (new ObjectIds, base64, loading an app function, the data sources,
 * {@code context.http}), as text, so no host object is ever exposed to app code. Confined to its context's thread.
 */
final class HostBridge implements ProxyExecutable {

    private final JsRuntime runtime;
    private Context context;
    private CallFrame frame;
    private Supplier<Duration> remaining = () -> Duration.ZERO;

    HostBridge(JsRuntime runtime) {
        this.runtime = runtime;
    }

    void attach(Context owner) {
        this.context = owner;
    }

    /** The call now running in this context (its user is the one data operations run as). */
    void begin(CallFrame call, Supplier<Duration> timeLeft) {
        this.frame = call;
        this.remaining = timeLeft;
    }

    @Override
    public Object execute(Value... arguments) {
        String operation = arguments[0].asString();
        String text = arguments[1].asString();
        switch (operation) {
            case "oid":
                return new ObjectId().toHexString();
            case "text":
                return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            case "base64":
                return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            case "load":
                return context.eval(runtime.source(text));
            case "requireMessage":
                return Messages.requireUnsupported(text);
            case "notAFunctionMessage":
                return Messages.notAFunction(text);
            case "serviceMessage":
                return Messages.unknownService(text, runtime.app().services());
            case "db":
                return database(text);
            case "http":
                return http(text);
            default:
                throw new IllegalArgumentException("unknown host operation " + operation);
        }
    }

    private String database(String text) {
        try {
            BsonDocument call = BsonDocument.parse(text);
            BsonValue argument = call.get("argument");
            BsonValue result = runtime.services()
                    .call(
                            call.getString("service").getValue(),
                            call.getString("name").getValue(),
                            argument != null && argument.isDocument() ? argument.asDocument() : new BsonDocument(),
                            call.getBoolean("system").getValue(),
                            frame.user());
            return Ejson.wrap(result == null ? BsonNull.VALUE : result);
        } catch (RuntimeException e) {
            return error(e);
        }
    }

    private String http(String text) {
        try {
            BsonDocument answer = runtime.http().send(BsonDocument.parse(text), remaining.get());
            return new BsonDocument("ok", answer).toJson();
        } catch (RuntimeException e) {
            return error(e);
        }
    }

    private static String error(RuntimeException e) {
        String message = e.getMessage() == null || e instanceof JsonParseException
                ? e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                : e.getMessage();
        return new BsonDocument("error", new BsonString(message)).toJson();
    }
}
