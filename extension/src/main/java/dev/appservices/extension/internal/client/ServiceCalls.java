package dev.appservices.extension.internal.client;

import dev.appservices.AuthEvent;
import dev.appservices.ListenerRegistration;
import dev.appservices.extension.internal.client.SessionManager.Bearer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The way of one user to the app's services (protocol.md §8, §9), for the data-service clients above this package:
 * service function calls ({@code POST /functions/call} with {@code "service"}) and streaming calls ({@code GET
 * /functions/call?baas_request=...}), both with the user's access token through {@link SessionManager} (refresh on
 * 401, single flight, typed errors, the App's Rest Clients), and the App's executor and auth events. Immutable and
 * thread-safe.
 */
public final class ServiceCalls {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    /** The events after which the user's requests can no longer succeed. */
    private static final Set<AuthEvent.Type> SESSION_ENDS = EnumSet.of(
            AuthEvent.Type.LOGGED_OUT, AuthEvent.Type.REMOVED, AuthEvent.Type.DELETED, AuthEvent.Type.SESSION_EXPIRED);

    private final DefaultApp app;
    private final String userId;

    ServiceCalls(DefaultApp app, String userId) {
        this.app = app;
        this.userId = userId;
    }

    /** The codec registry of function arguments and results: the BSON library's defaults, records, POJOs. */
    public static CodecRegistry defaultCodecRegistry() {
        return ExtendedJsonCodec.DEFAULT_REGISTRY;
    }

    public String appId() {
        return app.id();
    }

    public String userId() {
        return userId;
    }

    /**
     * Calls a service function: {@code {"arguments": [argument], "name": operation, "service": service}}.
     *
     * @return the result as Extended JSON text
     * @throws dev.appservices.ServiceException as the server reported it, for the caller to classify
     */
    public String call(String service, String operation, BsonDocument argument) {
        BsonDocument body = body(service, operation, argument);
        return app.sessions()
                .send(
                        userId,
                        Bearer.ACCESS_TOKEN,
                        Endpoint.CALL_FUNCTION.request(app.id()).withFunction(service + "." + operation),
                        (api, authorization) -> api.callFunction(app.id(), authorization, body));
    }

    /**
     * Opens a streaming service call and returns once the response headers have arrived, within the App timeout
     * (the stream itself has none). A response still on its way when the timeout strikes is closed when it arrives.
     *
     * @return the 2xx response with the stream; the caller closes it
     * @throws dev.appservices.ServiceException as the server reported it
     * @throws dev.appservices.ConnectionException if the headers do not arrive in time or the server cannot be reached
     */
    public StreamResponse openStream(String service, String operation, BsonDocument argument) {
        // baas_request: the standard base64 (with padding) of the canonical Extended JSON body; the Rest Client
        // percent-encodes it as a query value
        String request = Base64.getEncoder()
                .encodeToString(
                        body(service, operation, argument).toJson(CANONICAL).getBytes(StandardCharsets.UTF_8));
        Request endpoint = Endpoint.WATCH.request(app.id(), "...").withFunction(service + "." + operation);
        CompletableFuture<StreamResponse> opening = app.async(() -> app.sessions()
                        .sendStreaming(
                                userId,
                                endpoint,
                                (api, authorization) -> new StreamResponse(
                                        api.watch(app.id(), request, authorization), api, app.requests())))
                .toCompletableFuture();
        Duration timeout = app.configuration().timeout();
        try {
            return opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.thenAccept(StreamResponse::close);
            throw ClientMessages.timedOut(app.id(), endpoint.description(), app.baseUrl(), timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(StreamResponse::close);
            throw ClientMessages.timedOut(app.id(), endpoint.description(), app.baseUrl(), timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw ClientMessages.requestFailed(app.id(), endpoint.description(), app.baseUrl(), e.getCause());
        }
    }

    /** Runs a blocking operation on the App's executor (the {@code …Async} twins, stream readers). */
    public <T> CompletionStage<T> async(Supplier<T> operation) {
        return app.async(operation);
    }

    /**
     * Tells {@code action} once the user's session ends: logged out, removed, deleted, or expired.
     *
     * @return the registration; close it when the action is no longer wanted
     */
    public ListenerRegistration onSessionEnd(Runnable action) {
        return app.addListener(event -> {
            if (SESSION_ENDS.contains(event.type())
                    && event.user() != null
                    && userId.equals(event.user().id())) {
                action.run();
            }
        });
    }

    /** Whether the user is logged in now. */
    public boolean userLoggedIn() {
        return app.users().object(userId).isLoggedIn();
    }

    /** Whether the App is closed. */
    public boolean appClosed() {
        return app.isClosed();
    }

    private static BsonDocument body(String service, String operation, BsonDocument argument) {
        // The protocol's key order: arguments, name, service (the SDKs assemble the body this way).
        return new BsonDocument("arguments", new BsonArray(List.of(argument)))
                .append("name", new BsonString(operation))
                .append("service", new BsonString(service));
    }
}
