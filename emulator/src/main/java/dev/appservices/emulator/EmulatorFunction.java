package dev.appservices.emulator;

import org.bson.BsonArray;
import org.bson.BsonValue;

/**
 * A server-side function of an emulated app, written in Java.
 *
 * <p>Clients call functions with {@code POST /api/client/v2.0/app/{appId}/functions/call}; the emulator decodes the
 * arguments from canonical or relaxed Extended JSON into a {@link BsonArray}, calls {@link #call}, and answers the
 * returned value as canonical Extended JSON ({@code null} is answered as JSON {@code null}). An exception thrown by
 * the function becomes HTTP 400 {@code FunctionExecutionError} whose message is the exception's message.
 *
 * <p>Functions also implement the app's server-side hooks, with these arguments and results:
 * <ul>
 * <li><b>{@code custom-function} authentication</b>: one argument, the login payload document (without
 * {@code options}); returns the external user id as a string, or a document with a string {@code id} (and
 * optionally {@code name}, {@code email}, … which become profile fields). Throwing or returning anything else rejects
 * the login with 401 {@code AuthError}.</li>
 * <li><b>email/password confirmation</b>: one argument {@code {token, tokenId, username}}; returns
 * {@code {status: "success" | "pending" | "fail"}}.</li>
 * <li><b>password reset</b>: first argument {@code {token, tokenId, username, password, currentPasswordValid}},
 * then the client's extra arguments; returns {@code {status: "success" | "pending" | "fail"}}.</li>
 * </ul>
 * Hooks run without a calling user: {@link FunctionContext#user()} is empty.
 *
 * <p>Functions are registered in code ({@link AppServicesEmulator.Builder#function}) or discovered with
 * {@link java.util.ServiceLoader} from {@code META-INF/services/dev.appservices.emulator.EmulatorFunction}; a
 * discovered function must override {@link #name()} and is available to every app whose configuration does not
 * restrict its function list. Implementations are called concurrently from the emulator's worker threads and must
 * be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EmulatorFunction {

    /**
     * Runs the function.
     *
     * @param context the app and the calling user
     * @param arguments the call's arguments (the function may modify this copy)
     * @return the result, or {@code null} for JSON {@code null}
     * @throws Exception any failure; its message is sent to the client as {@code FunctionExecutionError}
     */
    BsonValue call(FunctionContext context, BsonArray arguments) throws Exception;

    /**
     * The name clients call this function by. Only used for functions discovered through
     * {@link java.util.ServiceLoader}, which must override it; functions registered in code are named at
     * registration.
     *
     * @return the function's name; the default, an empty string, means "no name"
     */
    default String name() {
        return "";
    }
}
