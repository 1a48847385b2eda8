package dev.appservices.extension.internal.client;

import dev.appservices.AppConfiguration;
import dev.appservices.MetadataConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the client tests share: configurations pointing at an emulator, and seeding the emulator's users the way a
 * real backend gets them (over its public HTTP protocol).
 */
public final class TestBackend {

    /** Short enough that a hanging test fails fast, long enough for a loaded 2-core machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestBackend() {}

    /** An in-memory configuration of {@code appId} on the emulator at {@code baseUrl}. */
    public static AppConfiguration.Builder configuration(String appId, URI baseUrl) {
        return AppConfiguration.builder(appId)
                .baseUrl(baseUrl)
                .timeout(TIMEOUT)
                .metadata(MetadataConfiguration.inMemory());
    }

    /** Registers an email/password user (the app must auto-confirm) with the protocol's register endpoint. */
    public static void registerEmailUser(URI baseUrl, String appId, String email, String password) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        baseUrl + "/api/client/v2.0/app/" + appId + "/auth/providers/local-userpass/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("register failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
