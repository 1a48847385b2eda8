package dev.appservices.extension.internal.client.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.appservices.App;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.TestBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backend slower than the App's timeout: every request fails with a {@link ConnectionException} once the timeout
 * has passed (not when the server finally answers), the App works again as soon as the server does, and no thread or
 * connection of the App outlives it.
 */
class SlowBackendTest {

    private static final String APP_ID = "slow-backend";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling on a loaded 2-core machine; still far below the server's delay. */
    private static final Duration MARGIN = Duration.ofMillis(2500);
    /** How long the server waits before answering: long enough that waiting for it cannot pass for a timeout. */
    private static final Duration SERVER_DELAY = Duration.ofSeconds(8);

    private static final String FUNCTION_PATH = "/api/client/v2.0/app/" + APP_ID + "/functions/call";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(
            builder -> builder.app(AppDefinition.builder(APP_ID).anonymousAuth().build()));

    private App app;

    @BeforeEach
    void createApp() {
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl())
                .timeout(TIMEOUT)
                .build());
    }

    @AfterEach
    void closeApp() {
        app.close();
        admin().clearFaults();
    }

    @Test
    void concurrentCallsToASlowFunctionTimeOutAndNothingOfTheAppOutlivesIt() throws Exception {
        assumeTrue(HeldResources.connectionsObservable(), "needs /proc/net/tcp to count connections");
        // what a first client starts for the JVM, and the admin client's connection, predate the baseline
        app.logIn(Credentials.anonymous()).functions().call("sum", Long.class, 1, 2);
        app.close();
        admin().clearFaults();
        HeldResources held = HeldResources.baseline(EMULATOR.baseUrl().getPort());
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl())
                .timeout(TIMEOUT)
                .build());
        User user = app.logIn(Credentials.anonymous());
        String fault = admin().injectFault(
                        FaultSpec.onPath(FUNCTION_PATH).delay(SERVER_DELAY).delayOnly());

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Duration>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> timeToFail(() -> user.functions().call("sum", Long.class, 1, 2))));
            }
            for (Future<Duration> call : calls) {
                assertWithinTimeout(call.get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        Duration async = timeToFail(() -> {
            try {
                user.functions()
                        .callAsync("sum", Long.class, 1, 2)
                        .toCompletableFuture()
                        .join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        });
        assertWithinTimeout(async);

        admin().removeFault(fault);
        assertEquals(3L, user.functions().call("sum", Long.class, 1, 2), "the same App works again");
        assertTrue(held.connectionsAdded() > 0, "the App's connection is visible while it is open");

        app.close();

        held.assertAllReleased();
    }

    @Test
    void aSlowLogoutDoesNotHoldTheUserLoggedIn() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath("/api/client/v2.0/auth/session")
                .method("DELETE")
                .delay(SERVER_DELAY)
                .delayOnly());

        long start = System.nanoTime();
        user.logOut();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(elapsed.compareTo(TIMEOUT.plus(MARGIN)) < 0, "logOut took " + elapsed);
        assertEquals(List.of(), List.copyOf(app.allUsers().keySet()), "the anonymous user is removed locally");
    }

    /** Runs a call that must fail with the timeout's ConnectionException and returns how long it took to fail. */
    private static Duration timeToFail(Runnable call) {
        long start = System.nanoTime();
        ConnectionException e = assertThrows(ConnectionException.class, call::run);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().startsWith("APPSVC0204: "), e.getMessage());
        return elapsed;
    }

    private static void assertWithinTimeout(Duration elapsed) {
        // A read timeout of 1 s cannot fire before 1 s; allow for timer granularity.
        assertTrue(elapsed.compareTo(TIMEOUT.minusMillis(50)) >= 0, "failed before the timeout: " + elapsed);
        assertTrue(elapsed.compareTo(TIMEOUT.plus(MARGIN)) < 0, "failed only after " + elapsed);
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }
}
