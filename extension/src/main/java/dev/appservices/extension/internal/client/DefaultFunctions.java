package dev.appservices.extension.internal.client;

import dev.appservices.ErrorCode;
import dev.appservices.Functions;
import dev.appservices.ServiceException;
import dev.appservices.extension.internal.client.SessionManager.Bearer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * The {@link Functions} of one user (protocol.md §8): {@code POST /app/{appId}/functions/call} with the user's access
 * token through {@link SessionManager} (so an expired token is refreshed once and the call retried), the arguments
 * and the result converted by an {@link ExtendedJsonCodec}. Server-side function failures become
 * {@link dev.appservices.FunctionException}s; session, connection and other errors pass through unchanged.
 * Immutable and thread-safe; created on demand by {@link DefaultUser#functions()}.
 */
final class DefaultFunctions implements Functions {

    /** The error codes with which the server reports that the function itself could not run or failed. */
    private static final Set<ErrorCode> FUNCTION_ERRORS = EnumSet.of(
            ErrorCode.FUNCTION_NOT_FOUND,
            ErrorCode.FUNCTION_EXECUTION_ERROR,
            ErrorCode.EXECUTION_TIME_LIMIT_EXCEEDED,
            ErrorCode.ARGUMENTS_NOT_ALLOWED,
            ErrorCode.NOT_CALLABLE,
            ErrorCode.FUNCTION_INVALID,
            ErrorCode.FUNCTION_SYNTAX_ERROR,
            ErrorCode.NO_MATCHING_RULE_FOUND,
            ErrorCode.SERVICE_NOT_FOUND);

    private final DefaultApp app;
    private final String userId;
    private final ExtendedJsonCodec codec;
    private final Request endpoint;

    DefaultFunctions(DefaultApp app, String userId) {
        this(app, userId, new ExtendedJsonCodec(ExtendedJsonCodec.DEFAULT_REGISTRY));
    }

    private DefaultFunctions(DefaultApp app, String userId, ExtendedJsonCodec codec) {
        this.app = app;
        this.userId = userId;
        this.codec = codec;
        this.endpoint = Endpoint.CALL_FUNCTION.request(app.id());
    }

    @Override
    public <T> T call(String name, Class<T> resultType, Object... args) {
        Objects.requireNonNull(resultType, "resultType");
        return codec.decodeResult(name, callRaw(name, args), resultType);
    }

    @Override
    public <T> CompletionStage<T> callAsync(String name, Class<T> resultType, Object... args) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resultType, "resultType");
        Object[] arguments = Objects.requireNonNull(args, "args").clone();
        return app.async(() -> call(name, resultType, arguments));
    }

    @Override
    public BsonValue callRaw(String name, Object... args) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        // The protocol's key order: arguments first, then name (the SDKs assemble the body this way).
        BsonDocument body =
                new BsonDocument("arguments", codec.encodeArguments(args)).append("name", new BsonString(name));
        String result;
        try {
            result = app.sessions()
                    .send(
                            userId,
                            Bearer.ACCESS_TOKEN,
                            endpoint.withFunction(name),
                            (api, authorization) -> api.callFunction(app.id(), authorization, body));
        } catch (ServiceException e) {
            if (FUNCTION_ERRORS.contains(e.errorCode()) && e.httpStatus().isPresent()) {
                throw UserOperationMessages.functionFailed(name, e);
            }
            throw e;
        }
        return ExtendedJsonCodec.parseResult(name, result);
    }

    @Override
    public CompletionStage<BsonValue> callRawAsync(String name, Object... args) {
        Objects.requireNonNull(name, "name");
        Object[] arguments = Objects.requireNonNull(args, "args").clone();
        return app.async(() -> callRaw(name, arguments));
    }

    @Override
    public Functions withCodecRegistry(CodecRegistry registry) {
        return new DefaultFunctions(app, userId, new ExtendedJsonCodec(registry));
    }

    /** Names the user, never its tokens. */
    @Override
    public String toString() {
        return "Functions[appId=" + app.id() + ", userId=" + userId + "]";
    }
}
