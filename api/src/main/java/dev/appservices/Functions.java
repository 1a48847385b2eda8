package dev.appservices;

import java.util.concurrent.CompletionStage;
import org.bson.BsonValue;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Calls the App Services functions of the app as one {@link User}. Obtained from {@link User#functions()}.
 *
 * <pre>{@code
 * long total = user.functions().call("sum", Long.class, 1, 2);
 * Order order = user.functions().withCodecRegistry(registry).call("findOrder", Order.class, orderId);
 * }</pre>
 *
 * <p>Arguments and results travel as canonical Extended JSON, encoded and decoded by the {@code org.mongodb:bson}
 * library with a {@link CodecRegistry}. The default registry handles BSON values, boxed primitives, strings, dates,
 * {@code java.time} values, collections, maps, {@link org.bson.Document}s, and records and POJOs through the
 * library's record and POJO codecs; use {@link #withCodecRegistry(CodecRegistry)} for other types.
 *
 * <p>Implementations are immutable and thread-safe. Calls refresh an expired access token once and retry.
 *
 * @since 0.1
 */
public interface Functions {

    /**
     * Calls the function {@code name} with {@code args} and decodes its result.
     *
     * @param <T>        the result type
     * @param name       the function name
     * @param resultType the class to decode the result into; {@code Void.class} or {@code Object.class} accept
     *                   any result
     * @param args       the arguments, encoded in order as a BSON array; none is an empty array
     * @return the decoded result; {@code null} if the function returned {@code null} or {@code undefined}
     * @throws NullPointerException if {@code name}, {@code resultType} or {@code args} is null
     * @throws FunctionException if the function does not exist, fails or times out on the server
     *         ({@link ErrorCode#FUNCTION_NOT_FOUND}, {@link ErrorCode#FUNCTION_EXECUTION_ERROR}, …), or its result
     *         cannot be decoded into {@code resultType} ({@link ErrorCode#BAD_BSON_PARSE})
     * @throws SessionExpiredException if the user's session has ended
     * @throws ConnectionException if the server cannot be reached in time
     * @throws org.bson.codecs.configuration.CodecConfigurationException if an argument has no codec
     */
    <T> T call(String name, Class<T> resultType, Object... args);

    /**
     * Asynchronous twin of {@link #call(String, Class, Object...)}.
     *
     * @param <T>        the result type
     * @param name       the function name
     * @param resultType the class to decode the result into
     * @param args       the arguments
     * @return a stage that completes with the decoded result, or exceptionally with the exceptions documented on
     *         {@link #call(String, Class, Object...)}
     * @throws NullPointerException if {@code name}, {@code resultType} or {@code args} is null
     */
    <T> CompletionStage<T> callAsync(String name, Class<T> resultType, Object... args);

    /**
     * Calls the function {@code name} with {@code args} and returns its result undecoded.
     *
     * @param name the function name
     * @param args the arguments, encoded in order as a BSON array
     * @return the result; {@link org.bson.BsonNull#VALUE} for {@code null} or {@code undefined}
     * @throws NullPointerException if {@code name} or {@code args} is null
     * @throws FunctionException if the function does not exist, fails or times out on the server
     * @throws SessionExpiredException if the user's session has ended
     * @throws ConnectionException if the server cannot be reached in time
     * @throws org.bson.codecs.configuration.CodecConfigurationException if an argument has no codec
     */
    BsonValue callRaw(String name, Object... args);

    /**
     * Asynchronous twin of {@link #callRaw(String, Object...)}.
     *
     * @param name the function name
     * @param args the arguments
     * @return a stage that completes with the raw result, or exceptionally with the exceptions documented on
     *         {@link #callRaw(String, Object...)}
     * @throws NullPointerException if {@code name} or {@code args} is null
     */
    CompletionStage<BsonValue> callRawAsync(String name, Object... args);

    /**
     * Returns functions of the same user that encode arguments and decode results with {@code registry}. Combine
     * it with the default registry to keep the standard types, e.g.
     * {@code CodecRegistries.fromRegistries(myCodecs, Bson.DEFAULT_CODEC_REGISTRY)}.
     *
     * @param registry the codec registry
     * @return a new {@code Functions}; this one is unchanged
     * @throws NullPointerException if {@code registry} is null
     */
    Functions withCodecRegistry(CodecRegistry registry);
}
