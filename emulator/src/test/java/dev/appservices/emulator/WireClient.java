package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A raw HTTP client for conformance tests: sends exactly the requests an SDK sends (JDK {@link HttpClient}, no
 * retries, no redirects) and exposes status, headers and body for byte-level assertions.
 */
final class WireClient {

    static final String CLIENT = "/api/client/v2.0";

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WireClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A received response. */
    record Reply(int status, Optional<String> contentType, String body, HttpResponse<String> raw) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        JsonValue jsonValue() {
            return parse(body);
        }

        /** Asserts the service error shape and returns the error_code. */
        String errorCode(int expectedStatus) {
            assertEquals(expectedStatus, status, body);
            assertEquals(Optional.of("application/json"), contentType, "error Content-Type");
            JsonObject error = json();
            assertEquals(3, error.size(), body);
            error.getString("error");
            error.getString("link");
            return error.getString("error_code");
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Reply put(String path, String token) {
        return send("PUT", path, token, null);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Sends a request with the headers core SDKs send: JSON content type (no space), Accept, Bearer token. */
    Reply send(String method, String path, String token, String json) {
        return send(method, path, token, json, Duration.ofSeconds(20));
    }

    /** {@link #send(String, String, String, String)} with another timeout than 20 seconds. */
    Reply send(String method, String path, String token, String json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json;charset=utf-8")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(), response.headers().firstValue("Content-Type"), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("request " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Logs in and returns the login response. */
    JsonObject login(String appId, String provider, String credentials) {
        Reply reply = post(CLIENT + "/app/" + appId + "/auth/providers/" + provider + "/login", null, credentials);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    JsonObject loginAnonymously(String appId) {
        return login(
                appId, "anon-user", "{\"provider\":\"anon-user\",\"options\":{\"device\":{\"platform\":\"Linux\"}}}");
    }

    void register(String appId, String email, String password) {
        Reply reply = post(
                userpass(appId, "register"), null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(201, reply.status(), reply.body());
    }

    static String userpass(String appId, String suffix) {
        return CLIENT + "/app/" + appId + "/auth/providers/local-userpass/" + suffix;
    }

    /** Parses any JSON text. */
    static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** The decoded payload of a JWT. */
    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a JWT has three parts");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
