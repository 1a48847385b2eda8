package dev.appservices.extension.internal.client.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorAdmin.UserInfo;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.TestBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 64 threads share one App for {@value #LOAD_SECONDS} seconds: each logs its own email/password user in and out, calls
 * functions (blocking and async), refreshes the session, switches to its user and runs whole anonymous-user lives,
 * in a random order of its own. Nothing may fail, and at the end every user is in the state its thread left it in,
 * locally and on the server, with exactly the events and server requests that this implies.
 */
class ConcurrentLoadTest {

    /** How long the threads run; access tokens live 10 s, so each session is also refreshed proactively. */
    private static final int LOAD_SECONDS = 30;

    private static final int THREADS = 64;
    private static final String APP_ID = "busy";
    private static final String PASSWORD = "s3cret-pass";
    /**
     * 64 threads against the emulator's 32 workers on a shared 2-core machine: requests queue. This test is about
     * correctness under contention, not latency (SlowBackendTest covers timeouts), so the timeout is generous.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String SESSION_ROUTE = "/api/client/v2.0/auth/session";
    private static final String FUNCTION_ROUTE = "/api/client/v2.0/app/{appId}/functions/call";

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP_ID)
                    .anonymousAuth()
                    .emailPasswordAuth(true)
                    .accessTokenTtl(Duration.ofSeconds(10))
                    .build()));

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Map<String, Map<AuthEvent.Type, AtomicInteger>> eventsByUser = new ConcurrentHashMap<>();

    @Test
    void sixtyFourThreadsLogInCallRefreshAndLogOutWithoutErrorOrLostUser() throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(new Worker(i));
            TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, workers.get(i).email, PASSWORD);
        }
        admin().resetCounters();
        try (App app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl())
                .timeout(TIMEOUT)
                .build())) {
            app.addListener(event -> eventsByUser
                    .computeIfAbsent(event.user().id(), id -> new ConcurrentHashMap<>())
                    .computeIfAbsent(event.type(), type -> new AtomicInteger())
                    .incrementAndGet());

            runAll(app, workers);

            assertEquals(List.of(), errors.stream().limit(10).toList(), errors.size() + " unexpected errors");
            assertTrue(workers.stream().allMatch(worker -> worker.userId != null), "every thread logged in");
            assertEquals(
                    workers.stream().map(worker -> worker.userId).collect(Collectors.toSet()),
                    app.allUsers().keySet(),
                    "exactly the email users are known: none lost, no anonymous left");
            for (Worker worker : workers) {
                worker.assertFinalState(app);
            }
            app.currentUser().ifPresent(current -> assertTrue(current.isLoggedIn(), "the current user is logged in"));
            assertServerAgrees(workers);
            long operations = workers.stream().mapToLong(Worker::operations).sum();
            assertTrue(operations > THREADS * 10L, "the load ran: " + operations + " operations");
        }
    }

    private void runAll(App app, List<Worker> workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Worker worker : workers) {
                running.add(threads.submit(() -> worker.run(app, deadline)));
            }
            for (Future<?> future : running) {
                // each thread stops at the deadline, after the operation it is in, which the App's timeout bounds
                future.get(LOAD_SECONDS + 3 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The server saw what the threads did, no more and no less. */
    private void assertServerAgrees(List<Worker> workers) {
        Map<String, UserInfo> serverUsers =
                admin().users(APP_ID).stream().collect(Collectors.toMap(UserInfo::id, user -> user));
        for (Worker worker : workers) {
            UserInfo user = serverUsers.get(worker.userId);
            assertTrue(
                    user != null
                            && user.identities().stream()
                                    .anyMatch(
                                            identity -> identity.providerType().equals(Credentials.EMAIL_PASSWORD)),
                    "the server knows " + worker.email + " as " + worker.userId);
        }
        long anonymousLives =
                workers.stream().mapToLong(worker -> worker.anonymousLives).sum();
        long logOuts = workers.stream().mapToLong(worker -> worker.logOuts).sum();
        long explicitRefreshes =
                workers.stream().mapToLong(worker -> worker.refreshes).sum();
        long calls = workers.stream().mapToLong(worker -> worker.calls).sum();
        long refreshEvents = eventsByUser.values().stream()
                .mapToLong(events -> count(events, AuthEvent.Type.TOKEN_REFRESHED))
                .sum();
        long serverRefreshes = admin().requestCount("POST", SESSION_ROUTE);
        assertEquals(serverRefreshes, refreshEvents, "one TOKEN_REFRESHED per refresh request");
        assertTrue(serverRefreshes >= explicitRefreshes, serverRefreshes + " refreshes < " + explicitRefreshes);
        assertEquals(
                logOuts + anonymousLives,
                admin().requestCount("DELETE", SESSION_ROUTE),
                "each logout ended its server session once");
        assertTrue(admin().requestCount("POST", FUNCTION_ROUTE) >= calls, "every call reached the server");
        assertEquals(THREADS + anonymousLives, serverUsers.size(), "no user was created twice");
    }

    private static long count(Map<AuthEvent.Type, AtomicInteger> events, AuthEvent.Type type) {
        AtomicInteger count = events == null ? null : events.get(type);
        return count == null ? 0 : count.get();
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }

    /** One thread's user and what it did to it; used by that thread only until the end. */
    private final class Worker {

        private final String email;
        private final Random random;
        private String userId;
        private boolean loggedIn;
        private long logIns;
        private long logOuts;
        private long calls;
        private long refreshes;
        private long anonymousLives;
        private long others;

        Worker(int index) {
            this.email = "load-" + index + "@example.com";
            this.random = new Random(index);
        }

        void run(App app, long deadline) {
            while (System.nanoTime() < deadline) {
                try {
                    step(app);
                } catch (RuntimeException | AssertionError e) {
                    errors.add(email + ": " + e);
                    loggedIn = userId != null && user(app) != null && user(app).isLoggedIn();
                }
            }
        }

        private void step(App app) {
            if (!loggedIn) {
                logIn(app);
                return;
            }
            User user = user(app);
            int dice = random.nextInt(100);
            if (dice < 45) {
                call(user, false);
            } else if (dice < 55) {
                call(user, true);
            } else if (dice < 65) {
                user.refreshCustomData();
                refreshes++;
            } else if (dice < 72) {
                check(
                        user.refreshProfile() != null
                                && user.identities().stream()
                                        .map(UserIdentity::providerType)
                                        .anyMatch(Credentials.EMAIL_PASSWORD::equals),
                        "profile with the email identity");
                others++;
            } else if (dice < 80) {
                app.switchUser(user);
                others++;
            } else if (dice < 90) {
                anonymousLife(app);
            } else {
                user.logOut();
                check(user.state() == UserState.LOGGED_OUT, "logged out");
                loggedIn = false;
                logOuts++;
            }
        }

        private void logIn(App app) {
            User user = app.logIn(Credentials.emailPassword(email, PASSWORD));
            check(userId == null || userId.equals(user.id()), "the same user at each login");
            check(user.isLoggedIn(), "logged in");
            userId = user.id();
            loggedIn = true;
            logIns++;
        }

        private void call(User user, boolean async) {
            int a = random.nextInt(1000);
            int b = random.nextInt(1000);
            long sum = async
                    ? user.functions()
                            .callAsync("sum", Long.class, a, b)
                            .toCompletableFuture()
                            .join()
                    : user.functions().call("sum", Long.class, a, b);
            check(sum == a + b, "sum " + a + " + " + b + " = " + sum);
            calls++;
        }

        private void anonymousLife(App app) {
            User anonymous = app.logIn(Credentials.anonymous(false));
            call(anonymous, false);
            anonymous.logOut();
            check(anonymous.state() == UserState.REMOVED, "an anonymous user is removed at logout");
            anonymousLives++;
        }

        private User user(App app) {
            return app.allUsers().get(userId);
        }

        long operations() {
            return logIns + logOuts + calls + refreshes + anonymousLives + others;
        }

        void assertFinalState(App app) {
            User user = user(app);
            assertEquals(loggedIn ? UserState.LOGGED_IN : UserState.LOGGED_OUT, user.state(), email);
            assertEquals(
                    loggedIn,
                    user.accessToken().isPresent() && user.refreshToken().isPresent(),
                    email);
            if (loggedIn) {
                assertEquals(7L, user.functions().call("sum", Long.class, 3, 4), email + " works after the load");
            }
            Map<AuthEvent.Type, AtomicInteger> events = eventsByUser.get(userId);
            assertEquals(logIns, count(events, AuthEvent.Type.LOGGED_IN), email + " LOGGED_IN events");
            assertEquals(logOuts, count(events, AuthEvent.Type.LOGGED_OUT), email + " LOGGED_OUT events");
            assertEquals(0, count(events, AuthEvent.Type.SESSION_EXPIRED), email + " SESSION_EXPIRED events");
        }

        private void check(boolean condition, String what) {
            if (!condition) {
                throw new AssertionError(what);
            }
        }
    }
}
