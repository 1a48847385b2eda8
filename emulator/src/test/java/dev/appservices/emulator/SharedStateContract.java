package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emulators on one MongoDB-compatible server behave as one: a client whose requests go round-robin across them sees
 * every step on every emulator, and races between them are settled by the store. Run with two and with three
 * emulators in this JVM, each with its own driver client, as separate processes would be.
 */
abstract class SharedStateContract {

    private static final String APP = "shared";

    private StandaloneStore store;
    private final List<AppServicesEmulator> emulators = new ArrayList<>();
    private final List<WireClient> clients = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    /** How many emulators share the store. */
    abstract int emulatorCount();

    @BeforeEach
    void start() {
        store = new StandaloneStore();
        for (int i = 0; i < emulatorCount(); i++) {
            AppServicesEmulator emulator = store.emulator(AppDefinition.builder(APP)
                            .anonymousAuth()
                            .emailPasswordAuth(false)
                            .apiKeyAuth()
                            .build())
                    .start();
            emulators.add(emulator);
            clients.add(new WireClient(emulator.baseUrl()));
        }
    }

    @AfterEach
    void stop() {
        emulators.forEach(AppServicesEmulator::close);
        store.close();
    }

    /** The next emulator in turn, as a round-robin load balancer picks it. */
    private WireClient next() {
        return clients.get(Math.floorMod(turn.getAndIncrement(), clients.size()));
    }

    @Test
    void everyStepOfOneClientIsSeenByEveryEmulator() {
        next().register(APP, "ana@example.com", "password1");
        for (AppServicesEmulator emulator : emulators) {
            assertEquals(1, emulator.admin().pendingConfirmations(APP).size(), "the pending token on " + emulator);
        }
        PendingToken token = emulators.get(1).admin().pendingConfirmations(APP).get(0);
        assertEquals(
                200,
                next().post(
                                WireClient.userpass(APP, "confirm"),
                                null,
                                "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}")
                        .status());
        JsonObject login =
                next().login(APP, "local-userpass", "{\"username\":\"ana@example.com\",\"password\":\"password1\"}");
        String userId = login.getString("user_id");
        String access = login.getString("access_token");
        String refresh = login.getString("refresh_token");
        for (WireClient client : clients) {
            assertEquals(
                    userId, client.get(CLIENT + "/auth/profile", access).json().getString("user_id"));
        }
        String refreshed =
                next().post(CLIENT + "/auth/session", refresh, null).json().getString("access_token");
        for (WireClient client : clients) {
            assertEquals(200, client.get(CLIENT + "/auth/profile", refreshed).status(), "a refreshed token works");
        }

        JsonObject key = next().post(CLIENT + "/auth/api_keys", refresh, "{\"name\":\"ci\"}")
                .json();
        assertEquals(
                "APIKeyAlreadyExists",
                next().post(CLIENT + "/auth/api_keys", refresh, "{\"name\":\"ci\"}")
                        .errorCode(409),
                "a key name is taken once on any emulator");
        for (WireClient client : clients) {
            assertEquals(
                    1,
                    client.get(CLIENT + "/auth/api_keys", refresh).jsonArray().size());
            assertEquals(
                    userId,
                    client.login(APP, "api-key", "{\"key\":\"" + key.getString("key") + "\"}")
                            .getString("user_id"),
                    "the key logs in on every emulator");
        }

        assertEquals(204, next().delete(CLIENT + "/auth/session", refresh).status());
        for (WireClient client : clients) {
            assertEquals(
                    "InvalidSession",
                    client.post(CLIENT + "/auth/session", refresh, null).errorCode(401),
                    "the refresh token of the ended session");
            assertEquals(
                    "InvalidSession",
                    client.get(CLIENT + "/auth/profile", access).errorCode(401),
                    "the access token of the ended session");
        }
    }

    @Test
    void aUserDisabledThroughOneEmulatorIsRefusedByEveryEmulator() {
        JsonObject login = next().loginAnonymously(APP);
        String access = login.getString("access_token");
        for (WireClient client : clients) {
            assertEquals(200, client.get(CLIENT + "/auth/profile", access).status());
        }
        emulators.get(emulators.size() - 1).admin().disableUser(APP, login.getString("user_id"));
        for (WireClient client : clients) {
            assertEquals(
                    "InvalidSession",
                    client.get(CLIENT + "/auth/profile", access).errorCode(401));
        }
        for (AppServicesEmulator emulator : emulators) {
            assertEquals(true, emulator.admin().users(APP).get(0).disabled(), "the admin API reads the shared state");
        }
    }

    @Test
    void sixteenConcurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        Map<Integer, Long> statuses = concurrently(
                16,
                i -> clients.get(i % clients.size())
                        .post(
                                WireClient.userpass(APP, "register"),
                                null,
                                "{\"email\":\"race@example.com\",\"password\":\"password" + i + "\"}")
                        .status());
        assertEquals(Map.of(201, 1L, 409, 15L), statuses);
        for (AppServicesEmulator emulator : emulators) {
            assertEquals(1, emulator.admin().pendingConfirmations(APP).size(), "one account, one pending token");
        }
    }

    @Test
    void aConfirmationTokenUsedOnTwoEmulatorsAtOnceWorksOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String email = "once" + round + "@example.com";
            next().register(APP, email, "password1");
            PendingToken token = emulators.get(0).admin().pendingConfirmations(APP).stream()
                    .filter(pending -> pending.email().equals(email))
                    .findFirst()
                    .orElseThrow();
            String body = "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}";
            Map<Integer, Long> statuses = concurrently(
                    2,
                    i -> clients.get(i)
                            .post(WireClient.userpass(APP, "confirm"), null, body)
                            .status());
            assertEquals(Map.of(200, 1L, 400, 1L), statuses, "round " + round);
        }
    }

    @Test
    void aNewIdentityLoggedInOnEveryEmulatorAtOnceGetsOneUser() throws Exception {
        next().register(APP, "first@example.com", "password1");
        PendingToken token = emulators.get(0).admin().pendingConfirmations(APP).get(0);
        next().post(
                        WireClient.userpass(APP, "confirm"),
                        null,
                        "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}");
        Map<String, Long> userIds = concurrently(
                6,
                i -> clients.get(i % clients.size())
                        .login(APP, "local-userpass", "{\"username\":\"first@example.com\",\"password\":\"password1\"}")
                        .getString("user_id"));
        assertEquals(1, userIds.size(), userIds.toString());
        assertEquals(1, emulators.get(1).admin().users(APP).size());
    }

    @Test
    void requestCountersAndFaultsStayWithTheirEmulator() {
        emulators
                .get(0)
                .admin()
                .injectFault(FaultSpec.onPath(CLIENT + "/app/*/location").error(503, "InternalServerError", "down"));
        assertEquals(
                503,
                clients.get(0).get(CLIENT + "/app/" + APP + "/location", null).status());
        assertEquals(
                200,
                clients.get(1).get(CLIENT + "/app/" + APP + "/location", null).status());
        assertEquals(1, emulators.get(1).admin().requestCount("GET", CLIENT + "/app/{appId}/location"));
        assertEquals(
                0,
                clients.get(1).get("/emulator/v1/faults", null).jsonArray().size(),
                "faults stay with the emulator they were given to");
        assertEquals(
                1,
                emulators.get(0).admin().requestCount("GET", CLIENT + "/app/{appId}/location"),
                "each emulator counts its own requests");
    }

    /** Runs {@code count} calls at once (released together) and counts their results. */
    private static <T> Map<T, Long> concurrently(int count, Function<Integer, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i : IntStream.range(0, count).toArray()) {
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(i);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS));
            }
            return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
