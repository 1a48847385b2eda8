package dev.appservices.extension.internal.client.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.appservices.App;
import dev.appservices.AppServicesException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.TestBackend;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link App#close()}: it releases every thread and connection of the App, ends the requests in flight, and every
 * call afterwards fails with {@link ErrorCode#CLIENT_APP_CLOSED} without a request.
 */
class AppCloseTest {

    private static final String APP_ID = "closing";
    private static final String FUNCTION_PATH = "/api/client/v2.0/app/" + APP_ID + "/functions/call";
    private static final int CALLERS = 16;

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP_ID)
                    .anonymousAuth()
                    .emailPasswordAuth(true)
                    .apiKeyAuth()
                    .build()));

    private App app;

    @BeforeEach
    void createApp() {
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl()).build());
    }

    @AfterEach
    void closeApp() {
        app.close();
        admin().clearFaults();
    }

    @Test
    void closeReleasesEveryThreadAndConnectionOfABusyApp() throws Exception {
        assumeTrue(HeldResources.connectionsObservable(), "needs /proc/net/tcp to count connections");
        // what a first client starts for the JVM, and the admin client's connection, predate the baseline
        sum(app.logIn(Credentials.anonymous()));
        app.close();
        admin().clearFaults();
        HeldResources held = HeldResources.baseline(port());
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl()).build());
        User user = app.logIn(Credentials.anonymous());
        // slow calls overlap, so that the App opens many connections and async threads
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH)
                .delay(Duration.ofMillis(300))
                .delayOnly());

        List<CompletionStage<Long>> async = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            async.add(user.functions().callAsync("sum", Long.class, i, 1));
        }
        runConcurrently(() -> sum(user));
        for (int i = 0; i < CALLERS; i++) {
            assertEquals(i + 1L, async.get(i).toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        assertTrue(
                held.connectionsAdded() > CALLERS / 2,
                "overlapping calls kept many connections: " + held.connectionsAdded());
        assertTrue(held.threadsAdded().size() >= CALLERS / 2, "the async calls ran on the App's threads");

        app.close();

        held.assertAllReleased();
    }

    @Test
    void callsInFlightWhenTheAppClosesEndAtOnceWithAppClosed() throws Exception {
        User user = app.logIn(Credentials.anonymous());
        Duration serverDelay = Duration.ofSeconds(10);
        admin().resetCounters();
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH).delay(serverDelay).delayOnly());
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS / 2);
        try {
            for (int i = 0; i < CALLERS / 2; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> sum(user), callers));
                calls.add(user.functions().callAsync("sum", Long.class, 1, 2).toCompletableFuture());
            }
            awaitServerRequests(CALLERS);

            long closing = System.nanoTime();
            app.close();

            for (CompletableFuture<Long> call : calls) {
                ExecutionException e = assertThrows(
                        ExecutionException.class, () -> call.get(serverDelay.toSeconds(), TimeUnit.SECONDS));
                assertAppClosed(e.getCause());
            }
            Duration ended = Duration.ofNanos(System.nanoTime() - closing);
            assertTrue(ended.compareTo(serverDelay.dividedBy(2)) < 0, "calls in flight ended after " + ended);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void everyCallAfterCloseFailsWithAppClosedAndSendsNothing() throws Exception {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "closed@example.com", "s3cret-pass");
        User user = app.logIn(Credentials.emailPassword("closed@example.com", "s3cret-pass"));
        admin().resetCounters();

        app.close();

        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("function call", () -> sum(user));
        calls.put("raw function call", () -> user.functions().callRaw("sum", 1, 2));
        calls.put("refreshProfile", user::refreshProfile);
        calls.put("refreshCustomData", user::refreshCustomData);
        calls.put("logOut", user::logOut);
        calls.put("state", user::state);
        calls.put("linkCredentials", () -> user.linkCredentials(Credentials.emailPassword("x@example.com", "pw1234")));
        calls.put("api keys", () -> user.apiKeys().fetchAll());
        calls.put("create api key", () -> user.apiKeys().create("late"));
        calls.put("switchUser", () -> app.switchUser(user));
        calls.put("removeUser", () -> app.removeUser(user));
        calls.put("deleteUser", () -> app.deleteUser(user));
        calls.put("allUsers", app::allUsers);
        calls.put("registerUser", () -> app.emailPasswordAuth().registerUser("late@example.com", "s3cret-pass"));
        calls.put("sendResetPasswordEmail", () -> app.emailPasswordAuth().sendResetPasswordEmail("closed@example.com"));
        calls.put("updateBaseUrl", () -> app.updateBaseUrl(URI.create("http://127.0.0.1:1")));
        for (Map.Entry<String, Executable> call : calls.entrySet()) {
            assertAppClosed(assertThrows(AppServicesException.class, call.getValue(), call.getKey()));
        }
        Map<String, Supplier<CompletionStage<?>>> asyncCalls = new LinkedHashMap<>();
        asyncCalls.put("callAsync", () -> user.functions().callAsync("sum", Long.class, 1, 2));
        asyncCalls.put("logOutAsync", user::logOutAsync);
        asyncCalls.put("refreshProfileAsync", user::refreshProfileAsync);
        asyncCalls.put("fetchAllAsync", () -> user.apiKeys().fetchAllAsync());
        asyncCalls.put(
                "registerUserAsync",
                () -> app.emailPasswordAuth().registerUserAsync("late@example.com", "s3cret-pass"));
        for (Map.Entry<String, Supplier<CompletionStage<?>>> call : asyncCalls.entrySet()) {
            ExecutionException e = assertThrows(
                    ExecutionException.class,
                    () -> call.getValue().get().toCompletableFuture().get(10, TimeUnit.SECONDS),
                    call.getKey());
            assertAppClosed(e.getCause());
        }
        assertEquals(Map.of(), admin().requestCounts(), "no request after close");
        assertEquals(APP_ID, app.id());
        assertTrue(app.toString().contains("closed"), app.toString());
    }

    private static void assertAppClosed(Throwable failure) {
        AppServicesException e = assertInstanceOf(AppServicesException.class, failure);
        assertEquals(ErrorCode.CLIENT_APP_CLOSED, e.errorCode(), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("APPSVC0202: ") && e.getMessage().contains("'" + APP_ID + "'"),
                e.getMessage());
    }

    private static void runConcurrently(Runnable call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(callers.submit(call));
            }
            for (Future<?> future : calls) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void awaitServerRequests(int expected) {
        await(expected + " function calls reach the server")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .pollInSameThread() // no thread of its own: leaks are counted
                .until(() -> admin().requestCount("POST", "/api/client/v2.0/app/{appId}/functions/call") >= expected);
        assertEquals(expected, admin().requestCount("POST", "/api/client/v2.0/app/{appId}/functions/call"));
    }

    private static long sum(User user) {
        return user.functions().call("sum", Long.class, 1, 2);
    }

    private static int port() {
        return EMULATOR.baseUrl().getPort();
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }
}
