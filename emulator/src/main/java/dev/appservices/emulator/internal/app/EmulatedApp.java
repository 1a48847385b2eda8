package dev.appservices.emulator.internal.app;

import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.FunctionContext;
import dev.appservices.emulator.FunctionContext.CallingUser;
import dev.appservices.emulator.FunctionMongoService;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.data.AppData;
import dev.appservices.emulator.internal.data.Caller;
import dev.appservices.emulator.internal.data.FunctionServiceAdapter;
import dev.appservices.emulator.internal.functions.FunctionRegistry;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.js.CallFrame;
import dev.appservices.emulator.internal.js.FunctionFailure;
import dev.appservices.emulator.internal.js.JsFunction;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import dev.appservices.emulator.internal.state.Records.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One emulated app at run time: its settings, its state and the functions it can run.
 *
 * <p>Created at start-up for every configured app and kept until the emulator closes. Thread-safe (settings and
 * functions are immutable, {@link AppState} is thread-safe).
 */
public final class EmulatedApp {

    private final AppSettings settings;
    private final AppState state;
    private final FunctionRegistry functions;
    private final AppData data;
    private final UserEvents userEvents;

    public EmulatedApp(
            AppSettings settings, AppState state, FunctionRegistry functions, AppData data, UserEvents userEvents) {
        this.settings = settings;
        this.state = state;
        this.functions = functions;
        this.data = data;
        this.userEvents = userEvents;
    }

    /** Tells the app's authentication triggers that a user logged in. */
    public void loggedIn(User user, String providerType, boolean created) {
        userEvents.loggedIn(this, user, providerType, created);
    }

    public String id() {
        return settings.id();
    }

    public AppSettings settings() {
        return settings;
    }

    public AppState state() {
        return state;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public AppData data() {
        return data;
    }

    /** The id of the app's configuration of a provider, see {@link Identity#providerIdOf}. */
    public String providerId(String providerType) {
        return Identity.providerIdOf(id(), providerType);
    }

    /**
     * The user's custom user data: set through the admin API, else the user's document of the custom user data
     * collection, else from the configuration; empty if none.
     */
    public Optional<BsonDocument> customData(User user) {
        if (user.customData() != null) {
            return Optional.of(JsonSupport.parseDocument(user.customData()));
        }
        Optional<BsonDocument> stored = data.customUserData(user.id());
        if (stored.isPresent()) {
            return stored;
        }
        List<String> emails = user.identities().stream()
                .map(identity -> identity.data().get("email"))
                .filter(email -> email != null)
                .toList();
        return settings.customData().lookup(user.id(), emails);
    }

    /** The user as rules see it: the {@code %%user} expansion. */
    public Caller dataCaller(User user) {
        BsonDocument profile = new BsonDocument();
        BsonArray identities = new BsonArray();
        for (Identity identity : user.identities()) {
            identity.data().forEach((key, value) -> profile.putIfAbsent(key, new BsonString(value)));
            identities.add(new BsonDocument("id", new BsonString(identity.id()))
                    .append("provider_type", new BsonString(identity.providerType())));
        }
        return Caller.user(new BsonDocument("id", new BsonString(user.id()))
                .append("type", new BsonString(user.type()))
                .append("data", profile)
                .append("custom_data", customData(user).orElseGet(BsonDocument::new))
                .append("identities", identities));
    }

    /** The user as functions see it. */
    public CallingUser callingUser(User user) {
        return new CallingUser(
                user.id(),
                user.identities().stream()
                        .map(identity -> new FunctionContext.Identity(identity.id(), identity.providerType()))
                        .toList(),
                customData(user).orElseGet(BsonDocument::new));
    }

    /**
     * Runs a function a client called; a JavaScript function also sees the user's type and profile and the request.
     *
     * @param request {@code context.request}
     * @throws ServiceError 400 {@code FunctionExecutionError} with the function's message if it fails
     */
    public BsonValue invokeForClient(EmulatorFunction function, User user, BsonArray arguments, BsonDocument request) {
        if (function instanceof JsFunction script) {
            try {
                BsonValue result = script.call(new CallFrame(dataCaller(user).user(), request, false), arguments);
                return result == null ? BsonNull.VALUE : result;
            } catch (FunctionFailure e) {
                throw ServiceError.functionExecution(e.getMessage());
            }
        }
        return invoke(function, callingUser(user), () -> dataCaller(user), arguments);
    }

    /**
     * Runs a function.
     *
     * @param user the calling user, or {@code null} for hooks
     * @return the result ({@link BsonNull} for a {@code null} result)
     * @throws ServiceError 400 {@code FunctionExecutionError} with the exception's message if the function throws
     */
    public BsonValue invoke(EmulatorFunction function, CallingUser user, BsonArray arguments) {
        return invoke(function, user, Caller::systemCaller, arguments);
    }

    /**
     * Runs a function whose MongoDB service acts as the given caller.
     *
     * @param user the calling user, or {@code null} for hooks
     * @param dataCaller whom rules see when the function uses the MongoDB service (asked only then)
     * @throws ServiceError 400 {@code FunctionExecutionError} with the exception's message if the function throws
     */
    public BsonValue invoke(
            EmulatorFunction function, CallingUser user, Supplier<Caller> dataCaller, BsonArray arguments) {
        Map<String, FunctionMongoService> services = data.service()
                .<Map<String, FunctionMongoService>>map(
                        service -> Map.of(service.name(), new FunctionServiceAdapter(service, dataCaller)))
                .orElse(Map.of());
        try {
            BsonValue result = function.call(new FunctionContext(id(), user, services), arguments);
            return result == null ? BsonNull.VALUE : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceError.functionExecution("interrupted");
        } catch (Exception e) {
            String message = e.getMessage();
            throw ServiceError.functionExecution(
                    message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
        }
    }

    /**
     * Runs a hook function named by the configuration (validated at start-up to exist).
     *
     * @throws ServiceError 400 {@code FunctionExecutionError} if it throws
     */
    public BsonValue invokeHook(String name, BsonArray arguments) {
        EmulatorFunction function =
                functions.hook(id(), name).orElseThrow(() -> Messages.unknownFunction(id(), "functions", name));
        return invoke(function, null, arguments);
    }
}
