package dev.appservices.emulator.internal.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.BsonDocument;

/**
 * One request as an endpoint sees it: method, path parameters of the matched route, query, headers, the body
 * (already size-checked) and the origin the client used to reach the emulator.
 *
 * <p>Created per exchange by {@link Dispatcher}; not shared between threads. The request carries the id of the app
 * it belongs to: the path's {@code {appId}}, or for endpoints whose path carries none (profile, session, API keys)
 * the app their token belongs to, reported with {@link #attributeTo(String)}. The dispatcher uses it for per-app
 * request counters and the error body's {@code link}.
 */
public final class Request {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> query;
    private final Headers headers;
    private final String remoteAddress;
    private final String origin;
    private Map<String, String> pathParameters = Map.of();
    private byte[] body = new byte[0];
    private String appId;
    private BsonDocument parsedBody;

    Request(String method, String path, String rawQuery, Headers headers, String remoteAddress, String origin) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.remoteAddress = remoteAddress;
        this.origin = origin;
    }

    /** Records the matched route's path parameters; the path's {@code {appId}}, if any, is the request's app. */
    void routed(Map<String, String> parameters) {
        this.pathParameters = Map.copyOf(parameters);
        this.appId = parameters.get("appId");
    }

    /** Records the body, read and size-checked by the dispatcher. */
    void received(byte[] content) {
        this.body = content;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The value of a {@code {name}} segment of the route template. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no parameter " + name);
        }
        return value;
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The query string as sent, without {@code ?} ({@code ""} if none). */
    public String rawQuery() {
        return rawQuery;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    /** Every header with all its values (names as the JDK server normalises them). */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    /** The IP address the request came from. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The bearer token of the {@code Authorization} header, if there is a non-empty one. */
    public Optional<String> bearerToken() {
        return header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .filter(token -> !token.isEmpty());
    }

    /** The body as an EJSON document (empty body: empty document), parsed once. */
    public BsonDocument jsonBody() {
        if (parsedBody == null) {
            parsedBody = BodyParser.parse(body);
        }
        return parsedBody;
    }

    /** The scheme, host and port the client used, e.g. {@code http://127.0.0.1:9090}. */
    public String origin() {
        return origin;
    }

    /** Reports that this request belongs to the given app (for per-app counters and error links). */
    public void attributeTo(String id) {
        this.appId = id;
    }

    /** The app this request belongs to, if known yet. */
    public Optional<String> appId() {
        return Optional.ofNullable(appId);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            result.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }
}
