package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three emulators in JVMs of their own on one MongoDB-compatible server, started with the runnable jar's options
 * ({@code --mongodb-uri}, {@code --state-database}), behind a client that goes round-robin and skips an emulator that
 * does not answer, as a load balancer does. One of them is killed with SIGKILL in the middle of a load of
 * registrations and logins; the other two carry on, and no user is lost.
 */
class SeparateProcessesTest {

    private static final String APP = "shared";
    private static final int CALLERS = 4;
    private static final int USERS_PER_CALLER = 15;

    @Test
    void oneEmulatorKilledMidLoadLosesNoUser(@TempDir Path directory) throws Exception {
        Path config = directory.resolve("apps.json");
        Files.writeString(
                config,
                "{\"apps\": [{\"id\": \"" + APP + "\", \"providers\": {\"anon-user\": {},"
                        + " \"local-userpass\": {\"autoConfirm\": true}}}]}",
                StandardCharsets.UTF_8);
        try (StandaloneStore store = new StandaloneStore()) {
            List<EmulatorJvm> jvms = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    jvms.add(EmulatorJvm.start(config, "--mongodb-uri", store.uri(), "--state-database", "state_e2e"));
                }
                LoadBalancer balancer =
                        new LoadBalancer(jvms.stream().map(EmulatorJvm::baseUrl).toList());
                Map<String, String> userIds = new ConcurrentHashMap<>();
                AtomicInteger done = new AtomicInteger();
                ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
                List<Future<?>> load = new ArrayList<>();
                for (int caller = 0; caller < CALLERS; caller++) {
                    int first = caller * USERS_PER_CALLER;
                    load.add(callers.submit(() -> {
                        for (int i = first; i < first + USERS_PER_CALLER; i++) {
                            String email = "user" + i + "@example.com";
                            int registered = balancer.send(
                                            "POST",
                                            WireClient.userpass(APP, "register"),
                                            null,
                                            "{\"email\":\"" + email + "\",\"password\":\"password1\"}")
                                    .statusCode();
                            // 409: the registration had reached the killed emulator, which stored it and died
                            assertTrue(registered == 201 || registered == 409, email + ": " + registered);
                            userIds.put(email, login(balancer, email).getString("user_id"));
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                while (done.get() < CALLERS * USERS_PER_CALLER / 3) {
                    Thread.sleep(10);
                }
                assertNotEquals(0, jvms.get(0).kill(), "SIGKILL");
                for (Future<?> caller : load) {
                    caller.get(5, TimeUnit.MINUTES);
                }
                callers.shutdown();

                assertEquals(CALLERS * USERS_PER_CALLER, userIds.size());
                assertTrue(
                        balancer.served.get(jvms.get(0).baseUrl()) > 0, "the killed emulator served part of the load");
                for (URI survivor : List.of(jvms.get(1).baseUrl(), jvms.get(2).baseUrl())) {
                    LoadBalancer direct = new LoadBalancer(List.of(survivor));
                    userIds.forEach((email, userId) ->
                            assertEquals(userId, login(direct, email).getString("user_id"), email + " on " + survivor));
                    assertEquals(
                            userIds.size(),
                            EmulatorAdmin.connect(survivor).users(APP).size(),
                            "one user per account, none lost, none doubled");
                }
            } finally {
                for (EmulatorJvm jvm : jvms) {
                    jvm.close();
                }
            }
        }
    }

    private static JsonObject login(LoadBalancer balancer, String email) {
        HttpResponse<String> reply = balancer.send(
                "POST",
                CLIENT + "/app/" + APP + "/auth/providers/local-userpass/login",
                null,
                "{\"username\":\"" + email + "\",\"password\":\"password1\"}");
        assertEquals(200, reply.statusCode(), email + ": " + reply.body());
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    /** Round-robin over emulators; a request that finds no answer (connection refused or cut) goes to the next. */
    private static final class LoadBalancer {

        private final List<URI> backends;
        private final AtomicInteger turn = new AtomicInteger();
        private final Map<URI, Integer> served = new ConcurrentHashMap<>();
        private final List<URI> down = new CopyOnWriteArrayList<>();
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        LoadBalancer(List<URI> backends) {
            this.backends = backends;
            backends.forEach(backend -> served.put(backend, 0));
        }

        HttpResponse<String> send(String method, String path, String token, String json) {
            for (int attempt = 0; attempt < backends.size() * 2; attempt++) {
                URI backend = backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
                if (down.contains(backend)) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                try {
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    served.merge(backend, 1, Integer::sum);
                    return response;
                } catch (IOException e) {
                    down.add(backend);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("no emulator answered " + method + " " + path);
        }
    }
}
