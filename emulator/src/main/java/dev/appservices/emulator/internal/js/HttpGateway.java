package dev.appservices.emulator.internal.js;

import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code context.http}: HTTP requests of functions, only to hosts the emulator's operator allowed (none by
 * default), with the JDK {@link HttpClient}. Requests and answers use the shapes of App Services' HTTP client:
 * {@code {url | scheme, host, path, query}, headers: {Name: [values]}, body}; the answer is
 * {@code {status, statusCode, headers, cookies, body}} with the body in base64 (a {@code BSON.Binary} in
 * JavaScript). Thread-safe.
 */
public final class HttpGateway {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private final Set<String> allowedHosts;
    private final HttpClient client;
    private final HttpClient following;

    public HttpGateway(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.following = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Sends one request.
     *
     * @param request the request document the function gave
     * @param timeout the time the call has left
     * @return the answer document
     * @throws IllegalArgumentException for a refused host or an invalid request, with the message the function sees
     */
    BsonDocument send(BsonDocument request, Duration timeout) {
        String method = request.getString("method", new BsonString("GET")).getValue();
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(Messages.httpBadRequest("method " + method));
        }
        URI uri = uri(request);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new IllegalArgumentException(Messages.httpHostNotAllowed(host));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(positive(timeout));
        BsonValue headers = request.get("headers");
        if (headers != null && headers.isDocument()) {
            headers.asDocument().forEach((name, values) -> {
                for (BsonValue value : values.isArray() ? values.asArray().getValues() : List.of(values)) {
                    if (value.isString()) {
                        builder.header(name, value.asString().getValue());
                    }
                }
            });
        }
        BsonValue body = request.get("body");
        builder.method(
                method,
                body != null && body.isString()
                        ? HttpRequest.BodyPublishers.ofString(body.asString().getValue(), StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody());
        boolean follow = request.getBoolean("followRedirects", org.bson.BsonBoolean.FALSE)
                .getValue();
        HttpResponse<byte[]> response;
        try {
            response = (follow ? following : client).send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException(Messages.httpFailed(uri.toString(), String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(Messages.httpFailed(uri.toString(), "interrupted"));
        }
        return answer(response);
    }

    private static BsonDocument answer(HttpResponse<byte[]> response) {
        BsonDocument headers = new BsonDocument();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            BsonArray values = new BsonArray();
            header.getValue().forEach(value -> values.add(new BsonString(value)));
            headers.append(header.getKey(), values);
        }
        return new BsonDocument("status", new BsonString(Integer.toString(response.statusCode())))
                .append("statusCode", new BsonInt32(response.statusCode()))
                .append("headers", headers)
                .append("cookies", new BsonDocument())
                .append("body", new BsonString(Base64.getEncoder().encodeToString(response.body())));
    }

    private static URI uri(BsonDocument request) {
        try {
            BsonValue url = request.get("url");
            if (url != null && url.isString()) {
                return new URI(url.asString().getValue());
            }
            BsonValue host = request.get("host");
            if (host == null || !host.isString()) {
                throw new IllegalArgumentException(Messages.httpBadRequest("it needs a url or a host"));
            }
            String scheme = request.getString("scheme", new BsonString("https")).getValue();
            String path = request.getString("path", new BsonString("/")).getValue();
            return new URI(scheme, host.asString().getValue(), path.startsWith("/") ? path : "/" + path, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.httpBadRequest(e.getMessage()));
        }
    }

    private static Duration positive(Duration timeout) {
        return timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout;
    }
}
