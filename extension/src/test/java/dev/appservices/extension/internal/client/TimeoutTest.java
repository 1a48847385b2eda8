package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The App timeout bounds every request (location, login, refresh, profile): a server that answers later, or not at
 * all, fails the call with {@link ConnectionException} soon after the timeout, and never looks like rejected
 * credentials.
 */
class TimeoutTest {

    private static final String APP_ID = "slow";
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** What "soon after the timeout" allows on a loaded 2-core machine; the server's delay is far longer. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private static final Duration SERVER_DELAY = Duration.ofSeconds(5);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(
            builder -> builder.app(AppDefinition.builder(APP_ID).anonymousAuth().build()));

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID, builder -> builder.timeout(TIMEOUT));

    @AfterEach
    void clearFaults() {
        EMULATOR.admin().clearFaults();
    }

    @Test
    void aLoginAnsweredTooLateFailsAfterTheTimeout() {
        delay("/api/client/v2.0/app/" + APP_ID + "/auth/providers/anon-user/login");

        ConnectionException e = failsInTime(() -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.CUSTOM_ERROR, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0204: "), e.getMessage());
        assertTrue(
                e.getMessage().contains("500 ms") && e.getMessage().contains("/auth/providers/anon-user/login"),
                e.getMessage());
        assertTrue(testApp.get().allUsers().isEmpty());
    }

    @Test
    void aLocationAnsweredTooLateFailsAfterTheTimeout() {
        delay("/api/client/v2.0/app/" + APP_ID + "/location");

        ConnectionException e = failsInTime(() -> testApp.get().logIn(Credentials.anonymous()));

        assertTrue(e.getMessage().contains("/location"), e.getMessage());
    }

    @Test
    void requestsWaitingForTheSameLocationFailTogetherAfterOneTimeout() throws Exception {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/location")
                        .delay(SERVER_DELAY)
                        .delayOnly());
        EMULATOR.admin().resetCounters();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            long start = System.nanoTime();
            List<Future<User>> logins = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                logins.add(callers.submit(() -> testApp.get().logIn(Credentials.anonymous(false))));
            }
            for (Future<User> login : logins) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> login.get(30, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof ConnectionException, String.valueOf(e.getCause()));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(TIMEOUT.plus(MARGIN)) < 0, "took " + elapsed.toMillis() + " ms");
            assertEquals(1, EMULATOR.admin().requestCount("GET", "/api/client/v2.0/app/{appId}/location"));
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aRefreshAnsweredTooLateFailsAfterTheTimeoutAndKeepsTheUser() {
        User user = testApp.get().logIn(Credentials.anonymous());
        MovableClock.of(testApp.get()).passExpiryOf(user);
        delay("/api/client/v2.0/auth/session");

        failsInTime(user::refreshProfile);

        assertTrue(user.isLoggedIn(), "a timeout never ends a session");
    }

    @Test
    void anAsyncCallCompletesWithTheSameException() {
        delay("/api/client/v2.0/app/" + APP_ID + "/auth/providers/anon-user/login");

        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> testApp.get()
                        .logInAsync(Credentials.anonymous())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));

        assertTrue(e.getCause() instanceof ConnectionException, String.valueOf(e.getCause()));
    }

    @Test
    void aServerThatDropsTheConnectionIsAConnectionFailure() {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/app/" + APP_ID + "/auth/providers/**")
                        .dropConnection());

        ConnectionException e =
                assertThrows(ConnectionException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertTrue(e.getMessage().startsWith("APPSVC0203: "), e.getMessage());
    }

    @Test
    void aServerThatIsNotThereIsAConnectionFailureNamingIt() throws Exception {
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (App unreachable =
                App.create(TestBackend.configuration("unreachable", nobody).build())) {
            ConnectionException e = assertThrows(
                    ConnectionException.class,
                    () -> unreachable.logIn(Credentials.emailPassword("ana@example.com", "s3cret-pass")));

            assertTrue(e.getMessage().startsWith("APPSVC0203: "), e.getMessage());
            assertTrue(e.getMessage().contains(nobody.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-pass"));
        }
    }

    private static void delay(String path) {
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath(path).times(1).delay(SERVER_DELAY).delayOnly());
    }

    private static ConnectionException failsInTime(Executable call) {
        long start = System.nanoTime();
        ConnectionException e = assertThrows(ConnectionException.class, call);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(TIMEOUT.plus(MARGIN)) < 0, "took " + elapsed.toMillis() + " ms");
        return e;
    }
}
