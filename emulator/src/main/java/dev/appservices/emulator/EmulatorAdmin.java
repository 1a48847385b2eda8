package dev.appservices.emulator;

import dev.appservices.BaseUrls;
import dev.appservices.emulator.internal.json.DocumentReader;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * A client of an emulator's admin API ({@code /emulator/v1/...}) over HTTP, so it works for an emulator in this
 * JVM ({@link AppServicesEmulator#admin()}) and for one started elsewhere ({@link #connect(URI)}).
 *
 * <p>Tests use it to read the tokens the real service would email, to act as an administrator on users, to count
 * requests and to inject faults. Every method is one blocking HTTP call with a ten-second timeout. Thread-safe.
 *
 * @since 0.1
 */
public final class EmulatorAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final HttpClient http;

    private EmulatorAdmin(URI baseUrl) {
        this.baseUrl = BaseUrls.normalize(baseUrl);
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Connects to the admin API of an emulator (no request is made yet).
     *
     * @param baseUrl the emulator's base URL, e.g. {@code http://127.0.0.1:9090}
     * @return the admin client
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL with a host
     *         ({@code APPSVC0102}; the rule of {@link BaseUrls})
     */
    public static EmulatorAdmin connect(URI baseUrl) {
        return new EmulatorAdmin(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * A user as the admin API lists it.
     *
     * @param id the user id
     * @param type {@code normal} or {@code server}
     * @param disabled whether the user is disabled
     * @param identities the user's identities
     * @since 0.1
     */
    public record UserInfo(String id, String type, boolean disabled, List<IdentityInfo> identities) {

        /**
         * Creates a user description.
         *
         * @param id the user id
         * @param type the user type
         * @param disabled whether the user is disabled
         * @param identities the identities
         */
        public UserInfo {
            identities = List.copyOf(identities);
        }
    }

    /**
     * An identity of a user.
     *
     * @param id the identity's id within its provider
     * @param providerType the provider type, e.g. {@code local-userpass}
     * @param data the profile fields of the identity (e.g. {@code email})
     * @since 0.1
     */
    public record IdentityInfo(String id, String providerType, Map<String, String> data) {

        /**
         * Creates an identity description.
         *
         * @param id the identity id
         * @param providerType the provider type
         * @param data the profile fields
         */
        public IdentityInfo {
            data = Map.copyOf(data);
        }
    }

    /**
     * The email confirmation tokens waiting for their (unsent) email: {@code GET /emulator/v1/apps/{appId}/confirmations}.
     *
     * @param appId the app
     * @return the pending tokens, oldest first
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, {@code APPSVC0561} if unreachable
     */
    public List<PendingToken> pendingConfirmations(String appId) {
        return list(app(appId) + "/confirmations", EmulatorAdmin::pendingToken);
    }

    /**
     * The password reset tokens waiting for their (unsent) email: {@code GET /emulator/v1/apps/{appId}/resets}.
     *
     * @param appId the app
     * @return the pending tokens, oldest first
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, {@code APPSVC0561} if unreachable
     */
    public List<PendingToken> pendingResets(String appId) {
        return list(app(appId) + "/resets", EmulatorAdmin::pendingToken);
    }

    /**
     * The users of an app: {@code GET /emulator/v1/apps/{appId}/users}.
     *
     * @param appId the app
     * @return the users, oldest first
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, {@code APPSVC0561} if unreachable
     */
    public List<UserInfo> users(String appId) {
        return list(app(appId) + "/users", EmulatorAdmin::userInfo);
    }

    /**
     * Disables a user and ends its sessions: its tokens get 401 {@code InvalidSession}, logins 401
     * {@code UserDisabled}. {@code PUT /emulator/v1/apps/{appId}/users/{userId}/disable}.
     *
     * @param appId the app
     * @param userId the user
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or user, {@code APPSVC0561} if unreachable
     */
    public void disableUser(String appId, String userId) {
        send("PUT", user(appId, userId) + "/disable", null);
    }

    /**
     * Enables a disabled user: {@code PUT /emulator/v1/apps/{appId}/users/{userId}/enable}.
     *
     * @param appId the app
     * @param userId the user
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or user, {@code APPSVC0561} if unreachable
     */
    public void enableUser(String appId, String userId) {
        send("PUT", user(appId, userId) + "/enable", null);
    }

    /**
     * Ends every session of a user (revokes its refresh and access tokens), as the service's admin "log out user":
     * {@code PUT /emulator/v1/apps/{appId}/users/{userId}/logout}.
     *
     * @param appId the app
     * @param userId the user
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or user, {@code APPSVC0561} if unreachable
     */
    public void logoutUser(String appId, String userId) {
        send("PUT", user(appId, userId) + "/logout", null);
    }

    /**
     * Replaces a user's custom user data; access tokens issued from now on (e.g. by a client's
     * {@code refreshCustomData()}) carry it as {@code user_data}:
     * {@code PUT /emulator/v1/apps/{appId}/users/{userId}/custom_data}.
     *
     * @param appId the app
     * @param userId the user
     * @param data the new custom user data
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or user, {@code APPSVC0561} if unreachable
     */
    public void setCustomData(String appId, String userId, BsonDocument data) {
        send(
                "PUT",
                user(appId, userId) + "/custom_data",
                Objects.requireNonNull(data, "data").toJson());
    }

    /**
     * Removes custom user data set through {@link #setCustomData}, so the configured data applies again:
     * {@code DELETE /emulator/v1/apps/{appId}/users/{userId}/custom_data}.
     *
     * @param appId the app
     * @param userId the user
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or user, {@code APPSVC0561} if unreachable
     */
    public void clearCustomData(String appId, String userId) {
        send("DELETE", user(appId, userId) + "/custom_data", null);
    }

    /**
     * Every document of a collection, read as system: {@code GET /emulator/v1/apps/{appId}/data/{db}/{coll}}.
     *
     * @param appId the app (it must declare a MongoDB service)
     * @param database the database
     * @param collection the collection
     * @return the documents in natural order
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or an app without MongoDB service,
     *     {@code APPSVC0561} if unreachable
     */
    public List<BsonDocument> documents(String appId, String database, String collection) {
        return list(data(appId, database) + "/" + encode(collection), Function.identity());
    }

    /**
     * Inserts documents as system (watchers see the inserts):
     * {@code POST /emulator/v1/apps/{appId}/data/{db}/{coll}} with {@code {"documents": [...]}}.
     *
     * @param appId the app
     * @param database the database
     * @param collection the collection
     * @param documents the documents; those without {@code _id} get an ObjectId
     * @return the ids of the inserted documents, in order
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, a duplicate id or an app without MongoDB
     *     service, {@code APPSVC0561} if unreachable
     */
    public List<BsonValue> insertDocuments(
            String appId, String database, String collection, List<BsonDocument> documents) {
        BsonDocument body = new BsonDocument("documents", new BsonArray(List.copyOf(documents)));
        String route = data(appId, database) + "/" + encode(collection);
        String answer = send("POST", route, body.toJson());
        return read(
                route, () -> BsonDocument.parse(answer).getArray("insertedIds").getValues());
    }

    /**
     * Deletes every document of a collection as system: {@code DELETE /emulator/v1/apps/{appId}/data/{db}/{coll}}.
     *
     * @param appId the app
     * @param database the database
     * @param collection the collection
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or an app without MongoDB service,
     *     {@code APPSVC0561} if unreachable
     */
    public void clearCollection(String appId, String database, String collection) {
        send("DELETE", data(appId, database) + "/" + encode(collection), null);
    }

    /**
     * Deletes every document of every collection of a database as system:
     * {@code DELETE /emulator/v1/apps/{appId}/data/{db}}.
     *
     * @param appId the app
     * @param database the database
     * @throws EmulatorException {@code APPSVC0560} for an unknown app or an app without MongoDB service,
     *     {@code APPSVC0561} if unreachable
     */
    public void clearDatabase(String appId, String database) {
        send("DELETE", data(appId, database), null);
    }

    /**
     * Deletes every user, email account, pending token, API key and session of an app:
     * {@code DELETE /emulator/v1/apps/{appId}/users}.
     *
     * @param appId the app
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, {@code APPSVC0561} if unreachable
     */
    public void resetApp(String appId) {
        send("DELETE", app(appId) + "/users", null);
    }

    /**
     * The number of requests to one route since the start or the last {@link #resetCounters()}, counted before
     * faults apply: {@code GET /emulator/v1/counters}.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param routeTemplate the route template, e.g. {@code /api/client/v2.0/auth/session} or
     *     {@code /api/client/v2.0/app/{appId}/auth/providers/{provider}/login}
     * @return the count, 0 if none
     * @throws EmulatorException {@code APPSVC0561} if unreachable
     */
    public long requestCount(String method, String routeTemplate) {
        return requestCounts().getOrDefault(method + " " + routeTemplate, 0L);
    }

    /**
     * The number of requests of one app to one route: {@code GET /emulator/v1/apps/{appId}/counters}. Requests
     * to routes without an app id (profile, session, API keys) count for the app of their valid token.
     *
     * @param appId the app
     * @param method the HTTP method
     * @param routeTemplate the route template
     * @return the count, 0 if none
     * @throws EmulatorException {@code APPSVC0560} for an unknown app, {@code APPSVC0561} if unreachable
     */
    public long requestCount(String appId, String method, String routeTemplate) {
        return counts(app(appId) + "/counters").getOrDefault(method + " " + routeTemplate, 0L);
    }

    /**
     * All request counts by {@code "METHOD /route/template"}.
     *
     * @return the counts
     * @throws EmulatorException {@code APPSVC0561} if unreachable
     */
    public Map<String, Long> requestCounts() {
        return counts("/emulator/v1/counters");
    }

    /**
     * Resets all request counters: {@code DELETE /emulator/v1/counters}.
     *
     * @throws EmulatorException {@code APPSVC0561} if unreachable
     */
    public void resetCounters() {
        send("DELETE", "/emulator/v1/counters", null);
    }

    /**
     * Injects a fault: {@code POST /emulator/v1/faults}.
     *
     * @param fault the fault
     * @return the fault's id, for {@link #removeFault(String)}
     * @throws EmulatorException {@code APPSVC0560} if the emulator refuses the fault, {@code APPSVC0561} if
     *     unreachable
     */
    public String injectFault(FaultSpec fault) {
        String route = "/emulator/v1/faults";
        String body = send(
                "POST",
                route,
                JsonSupport.toJson(
                        Objects.requireNonNull(fault, "fault").definition().toDocument()));
        return read(route, () -> DocumentReader.requiredString(JsonSupport.parseDocument(body), "id"));
    }

    /**
     * Removes one fault: {@code DELETE /emulator/v1/faults/{id}}.
     *
     * @param faultId the id returned by {@link #injectFault(FaultSpec)}
     * @throws EmulatorException {@code APPSVC0560} if there is no such (active) fault, {@code APPSVC0561} if
     *     unreachable
     */
    public void removeFault(String faultId) {
        send("DELETE", "/emulator/v1/faults/" + encode(faultId), null);
    }

    /**
     * Removes every fault: {@code DELETE /emulator/v1/faults}.
     *
     * @throws EmulatorException {@code APPSVC0561} if unreachable
     */
    public void clearFaults() {
        send("DELETE", "/emulator/v1/faults", null);
    }

    /**
     * Moves the emulator's clock forward, so that tokens and sessions expire without waiting:
     * {@code POST /emulator/v1/clock/advance}. Tokens already issued keep their {@code exp}; the emulator judges
     * them by its moved clock. The client's own clock is not affected.
     *
     * @param amount zero or more, at most ten years
     * @return the emulator's new current time
     * @throws EmulatorException {@code APPSVC0560} for a negative or too large amount, {@code APPSVC0561} if
     *     unreachable
     */
    public Instant advanceClock(Duration amount) {
        String route = "/emulator/v1/clock/advance";
        BigDecimal seconds =
                BigDecimal.valueOf(Objects.requireNonNull(amount, "amount").toMillis(), 3);
        String body = send("POST", route, "{\"seconds\":" + seconds.toPlainString() + "}");
        return read(
                route,
                () -> Instant.ofEpochMilli(
                        DocumentReader.requiredInteger(JsonSupport.parseDocument(body), "epochMillis")));
    }

    @Override
    public String toString() {
        return "EmulatorAdmin[" + baseUrl + "]";
    }

    private Map<String, Long> counts(String route) {
        String body = send("GET", route, null);
        return read(route, () -> {
            BsonDocument document = JsonSupport.parseDocument(body);
            Map<String, Long> counts = new TreeMap<>();
            document.keySet().forEach(key -> counts.put(key, DocumentReader.integer(document, key)));
            return counts;
        });
    }

    private <T> List<T> list(String route, Function<BsonDocument, T> reader) {
        String body = send("GET", route, null);
        return read(
                route,
                () -> BsonArray.parse(body).stream()
                        .map(element -> {
                            if (!element.isDocument()) {
                                throw new IllegalArgumentException("an element is not an object");
                            }
                            return reader.apply(element.asDocument());
                        })
                        .toList());
    }

    private static PendingToken pendingToken(BsonDocument json) {
        return new PendingToken(
                DocumentReader.requiredString(json, "email"),
                DocumentReader.requiredString(json, "token"),
                DocumentReader.requiredString(json, "tokenId"));
    }

    private static UserInfo userInfo(BsonDocument json) {
        return new UserInfo(
                DocumentReader.requiredString(json, "id"),
                DocumentReader.requiredString(json, "type"),
                DocumentReader.bool(json, "disabled"),
                DocumentReader.documents(json, "identities").stream()
                        .map(identity -> new IdentityInfo(
                                DocumentReader.requiredString(identity, "id"),
                                DocumentReader.requiredString(identity, "providerType"),
                                DocumentReader.strings(identity, "data")))
                        .toList());
    }

    /** Reads a response body; anything unexpected in it is {@code APPSVC0563}. */
    private static <T> T read(String route, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException e) {
            throw Messages.adminBadResponse(route, e);
        }
    }

    private String send(String method, String route, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + route))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Messages.adminUnreachable(method, route, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Messages.adminInterrupted(method, route);
        }
        if (response.statusCode() / 100 != 2) {
            throw Messages.adminCallFailed(method, route, response.statusCode(), response.body());
        }
        return response.body();
    }

    private static String app(String appId) {
        return "/emulator/v1/apps/" + encode(Objects.requireNonNull(appId, "appId"));
    }

    private static String data(String appId, String database) {
        return app(appId) + "/data/" + encode(Objects.requireNonNull(database, "database"));
    }

    private static String user(String appId, String userId) {
        return app(appId) + "/users/" + encode(Objects.requireNonNull(userId, "userId"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
