package dev.appservices.bench;

import dev.appservices.AppConfiguration;
import dev.appservices.MetadataConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps the emulator serves to the benchmarks, and the client configurations that use them: {@value #APP} (the
 * general one: anonymous and auto-confirmed email/password users, 30-minute access tokens), {@value #SHORT_LIVED}
 * (access tokens of {@link #SHORT_TOKEN_SECONDS} seconds, for the refresh storm) and {@value #MEMORY_APPS} apps
 * {@code mem-0}, {@code mem-1}… (one App object each, for the memory probe).
 */
final class BenchApps {

    static final String APP = "bench";
    static final String SHORT_LIVED = "bench-short";
    static final int SHORT_TOKEN_SECONDS = 5;
    static final int MEMORY_APPS = 50;
    static final String PASSWORD = "bench-password";

    /**
     * A client timeout for an overloaded machine: the benchmarks measure speed, and a timeout would only turn a slow
     * round into a failed one.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BenchApps() {}

    /** Writes the emulator's configuration file into {@code directory}. */
    static Path writeEmulatorConfig(Path directory) throws IOException {
        List<String> apps = new ArrayList<>();
        apps.add(app(
                APP,
                "\"local-userpass\": {\"autoConfirm\": true}, ",
                ", \"mongodb\": {\"defaultRule\": "
                        + "{\"roles\": [{\"name\": \"all\", \"apply_when\": {}, \"read\": true, \"write\": true}]}}"));
        apps.add("{\"id\": \"" + SHORT_LIVED + "\", \"accessTokenTtl\": " + SHORT_TOKEN_SECONDS
                + ", \"providers\": {\"anon-user\": {}}}");
        for (int i = 0; i < MEMORY_APPS; i++) {
            apps.add(app(memoryApp(i), "", ""));
        }
        Path file = directory.resolve("bench-apps.json");
        Files.writeString(file, "{\"apps\": [\n  " + String.join(",\n  ", apps) + "\n]}\n");
        return file;
    }

    static String memoryApp(int index) {
        return "mem-" + index;
    }

    /** A client configuration of {@code appId} on the emulator at {@code baseUrl}, users kept in memory. */
    static AppConfiguration.Builder configuration(String appId, URI baseUrl) {
        return AppConfiguration.builder(appId)
                .baseUrl(baseUrl)
                .timeout(TIMEOUT)
                .metadata(MetadataConfiguration.inMemory());
    }

    /** Registers an email/password user through the protocol's register endpoint (the app auto-confirms). */
    static void registerUser(URI baseUrl, String email) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/client/v2.0/app/" + APP + "/auth/providers/local-userpass/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException(
                    "registering " + email + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String app(String id, String moreProviders, String moreSettings) {
        return "{\"id\": \"" + id + "\", \"providers\": {" + moreProviders + "\"anon-user\": {}}" + moreSettings + "}";
    }
}
