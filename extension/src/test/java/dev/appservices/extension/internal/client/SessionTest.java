package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.AuthException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.SessionExpiredException;
import dev.appservices.User;
import dev.appservices.UserNotFoundException;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users and their sessions against the emulator: refresh (proactive, on 401, single-flight), session end, logout
 * (also offline), switching and removing users, listeners, and that tokens never reach the logs.
 */
class SessionTest {

    /** The App of this app judges token expiry by a clock the tests move. */
    private static final String SHORT = "short-lived";

    private static final String LONG = "long-lived";
    private static final String PROFILE_ROUTE = "/api/client/v2.0/auth/profile";
    private static final String SESSION_ROUTE = "/api/client/v2.0/auth/session";

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(SHORT)
                            .anonymousAuth()
                            .emailPasswordAuth(true)
                            .build())
                    .app(AppDefinition.builder(LONG)
                            .anonymousAuth()
                            .emailPasswordAuth(true)
                            .build()));

    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    private App shortLived;
    private MovableClock clock;
    private App longLived;

    @BeforeEach
    void createApps() {
        admin().resetCounters();
        shortLived =
                App.create(TestBackend.configuration(SHORT, EMULATOR.baseUrl()).build());
        clock = MovableClock.of(shortLived);
        longLived =
                App.create(TestBackend.configuration(LONG, EMULATOR.baseUrl()).build());
        shortLived.addListener(events::add);
        longLived.addListener(events::add);
    }

    @AfterEach
    void closeApps() {
        shortLived.close();
        longLived.close();
        admin().clearFaults();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheRequest() {
        User user = shortLived.logIn(Credentials.anonymous());
        clock.passExpiryOf(user);

        user.refreshProfile();

        assertEquals(1, count("POST", SESSION_ROUTE));
        assertEquals(2, count("GET", PROFILE_ROUTE), "no request was refused");
        assertEquals(List.of(AuthEvent.Type.LOGGED_IN, AuthEvent.Type.TOKEN_REFRESHED), types());
    }

    @Test
    void aFreshAccessTokenIsUsedAsIs() {
        User user = longLived.logIn(Credentials.anonymous());

        user.refreshProfile();
        user.refreshProfile();

        assertEquals(0, count("POST", SESSION_ROUTE));
    }

    @Test
    void a401IsRefreshedOnceAndRetriedOnce() {
        User user = longLived.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(PROFILE_ROUTE).times(1).error(401, "InvalidSession", "invalid session"));

        user.refreshProfile();

        assertEquals(1, count("POST", SESSION_ROUTE));
        assertEquals(3, count("GET", PROFILE_ROUTE), "login's profile, the refused one, the retry");
        assertTrue(user.isLoggedIn());
    }

    @Test
    void aSecond401IsTheCallersError() {
        User user = longLived.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(PROFILE_ROUTE).times(2).error(401, "InvalidSession", "invalid session"));

        AuthException e = assertThrows(AuthException.class, user::refreshProfile);

        assertEquals(ErrorCode.INVALID_SESSION, e.errorCode());
        assertEquals(1, count("POST", SESSION_ROUTE));
        assertTrue(user.isLoggedIn(), "the refresh worked: the session is alive");
    }

    @Test
    void aHundredConcurrentCallsOnAnExpiredTokenMakeOneRefresh() throws Exception {
        User user = longLived.logIn(Credentials.anonymous());

        hundredProfileCallsWithAPlantedToken(user, Instant.now().minusSeconds(60));

        assertEquals(1, count("POST", SESSION_ROUTE));
        assertEquals(100, count("GET", PROFILE_ROUTE), "no request went out with the expired token");
        assertEquals(
                1,
                types().stream().filter(AuthEvent.Type.TOKEN_REFRESHED::equals).count());
    }

    @Test
    void aHundredConcurrent401sMakeOneRefreshAndEveryCallIsRetried() throws Exception {
        User user = longLived.logIn(Credentials.anonymous());

        hundredProfileCallsWithAPlantedToken(user, Instant.now().plusSeconds(3600));

        assertEquals(1, count("POST", SESSION_ROUTE));
        long profiles = count("GET", PROFILE_ROUTE);
        assertTrue(
                profiles > 100 && profiles <= 200,
                profiles + " requests: each call sent the refused token at most once, then the new one");
        assertTrue(user.isLoggedIn());
    }

    @Test
    void aHundredConcurrent401sOnAnEndedSessionMakeOneRefreshAndEndItOnce() throws Exception {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), LONG, "many@example.com", "s3cret-pass");
        User user = longLived.logIn(Credentials.emailPassword("many@example.com", "s3cret-pass"));
        admin().logoutUser(LONG, user.id());
        admin().resetCounters();

        List<Future<?>> calls = runConcurrently(100, user::refreshProfile);
        for (Future<?> call : calls) {
            Exception e = assertThrows(Exception.class, () -> call.get(30, TimeUnit.SECONDS));
            AppServicesException cause = (AppServicesException) e.getCause();
            assertTrue(
                    cause instanceof SessionExpiredException
                            || cause.errorCode() == ErrorCode.CLIENT_USER_NOT_LOGGED_IN,
                    String.valueOf(cause));
        }

        assertEquals(1, count("POST", SESSION_ROUTE));
        assertEquals(
                1,
                types().stream().filter(AuthEvent.Type.SESSION_EXPIRED::equals).count());
        assertEquals(UserState.LOGGED_OUT, user.state());
    }

    @Test
    void anExpiredAnonymousSessionRemovesTheUser() {
        User user = longLived.logIn(Credentials.anonymous(false));
        admin().logoutUser(LONG, user.id());

        assertThrows(SessionExpiredException.class, user::refreshProfile);

        assertEquals(UserState.REMOVED, user.state());
        List<AuthEvent.Type> types = types();
        assertEquals(
                List.of(AuthEvent.Type.SESSION_EXPIRED, AuthEvent.Type.REMOVED),
                types.subList(types.size() - 2, types.size()));
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), LONG, "ended@example.com", "s3cret-pass");
        User user = longLived.logIn(Credentials.emailPassword("ended@example.com", "s3cret-pass"));
        admin().logoutUser(LONG, user.id());

        SessionExpiredException e = assertThrows(SessionExpiredException.class, user::refreshProfile);

        assertEquals(ErrorCode.INVALID_SESSION, e.errorCode());
        assertEquals(401, e.httpStatus().orElseThrow());
        assertTrue(e.getMessage().startsWith("APPSVC0230: "), e.getMessage());
        assertEquals(UserState.LOGGED_OUT, user.state());
        assertEquals(Optional.empty(), user.accessToken());
        assertEquals(Optional.empty(), longLived.currentUser());
        assertEquals(AuthEvent.Type.SESSION_EXPIRED, types().get(types().size() - 1));
        assertEquals(
                ErrorCode.CLIENT_USER_NOT_LOGGED_IN,
                assertThrows(AppServicesException.class, user::refreshProfile).errorCode());
    }

    @Test
    void aRefreshThatCannotReachTheServerKeepsTheSession() {
        User user = shortLived.logIn(Credentials.anonymous());
        clock.passExpiryOf(user);
        admin().injectFault(FaultSpec.onPath(SESSION_ROUTE).times(1).error(503, "InternalServerError", "busy"));

        assertThrows(AppServicesException.class, user::refreshProfile);

        assertTrue(user.isLoggedIn());
        user.refreshProfile();
    }

    @Test
    void refreshCustomDataReturnsTheDataOfTheNewToken() {
        User user = longLived.logIn(Credentials.anonymous());
        assertEquals(new Document(), user.customData());
        admin().setCustomData(LONG, user.id(), new BsonDocument("level", new BsonInt32(7)));

        Document data = user.refreshCustomData();

        assertEquals(7, data.get("level"));
        assertEquals(data, user.customData());
        assertEquals(1, count("POST", SESSION_ROUTE));
    }

    @Test
    void logOutDropsTheTokensAndEndsTheServerSession() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), LONG, "out@example.com", "s3cret-pass");
        User user = longLived.logIn(Credentials.emailPassword("out@example.com", "s3cret-pass"));

        user.logOut();
        user.logOut();

        assertEquals(UserState.LOGGED_OUT, user.state());
        assertEquals(Optional.empty(), user.refreshToken());
        assertEquals(Optional.empty(), longLived.currentUser());
        assertEquals(Map.of(user.id(), user), longLived.allUsers());
        assertEquals(1, count("DELETE", SESSION_ROUTE));
        assertEquals(List.of(AuthEvent.Type.LOGGED_IN, AuthEvent.Type.LOGGED_OUT), types());
        assertSame(user, longLived.logIn(Credentials.emailPassword("out@example.com", "s3cret-pass")));
    }

    @Test
    void anonymousUsersAreRemovedWhenTheyLogOut() throws Exception {
        User user = longLived.logIn(Credentials.anonymous());

        user.logOutAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(UserState.REMOVED, user.state());
        assertTrue(longLived.allUsers().isEmpty());
        assertEquals(List.of(AuthEvent.Type.LOGGED_IN, AuthEvent.Type.LOGGED_OUT, AuthEvent.Type.REMOVED), types());
    }

    @Test
    void logOutWorksWhenTheServerIsGone() {
        AppServicesEmulator gone = AppServicesEmulator.builder()
                .app(AppDefinition.builder("offline").emailPasswordAuth(true).build())
                .start();
        TestBackend.registerEmailUser(gone.baseUrl(), "offline", "off@example.com", "s3cret-pass");
        try (App app = App.create(
                        TestBackend.configuration("offline", gone.baseUrl()).build());
                LogCapture log = new LogCapture()) {
            User user = app.logIn(Credentials.emailPassword("off@example.com", "s3cret-pass"));
            String refreshToken = user.refreshToken().orElseThrow();
            gone.close();

            user.logOut();

            assertEquals(UserState.LOGGED_OUT, user.state());
            assertTrue(log.all().contains("APPSVC0216: "), log.all());
            assertFalse(log.all().contains(refreshToken));
        }
    }

    @Test
    void switchUserMakesAnotherLoggedInUserCurrent() {
        User first = longLived.logIn(Credentials.anonymous(false));
        User second = longLived.logIn(Credentials.anonymous(false));

        longLived.switchUser(first);

        assertEquals(Optional.of(first), longLived.currentUser());
        assertEquals(AuthEvent.Type.SWITCHED, types().get(types().size() - 1));
        second.logOut();
        assertEquals(
                ErrorCode.CLIENT_USER_NOT_FOUND,
                assertThrows(UserNotFoundException.class, () -> longLived.switchUser(second))
                        .errorCode());
        User other = shortLived.logIn(Credentials.anonymous());
        assertThrows(UserNotFoundException.class, () -> longLived.switchUser(other));
    }

    @Test
    void switchingToALoggedOutUserFails() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), LONG, "sw@example.com", "s3cret-pass");
        User user = longLived.logIn(Credentials.emailPassword("sw@example.com", "s3cret-pass"));
        user.logOut();

        AppServicesException e = assertThrows(AppServicesException.class, () -> longLived.switchUser(user));

        assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, e.errorCode());
    }

    @Test
    void removeUserForgetsItAndEndsItsSessionAndTheNextUserBecomesCurrent() throws Exception {
        User first = longLived.logIn(Credentials.anonymous(false));
        User second = longLived.logIn(Credentials.anonymous(false));

        longLived.removeUserAsync(second).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(UserState.REMOVED, second.state());
        assertEquals(Map.of(first.id(), first), longLived.allUsers());
        assertEquals(Optional.of(first), longLived.currentUser());
        assertEquals(1, count("DELETE", SESSION_ROUTE));
        assertEquals(AuthEvent.Type.REMOVED, types().get(types().size() - 1));
        assertThrows(UserNotFoundException.class, () -> longLived.removeUser(second));
    }

    @Test
    void aFailingListenerIsLoggedAndTheOthersStillHearTheEvent() {
        List<AuthEvent> heard = new ArrayList<>();
        longLived.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        longLived.addListener(heard::add);

        try (LogCapture log = new LogCapture()) {
            User user = longLived.logIn(Credentials.anonymous());

            assertTrue(user.isLoggedIn());
            assertEquals(1, heard.size());
            assertTrue(log.all().contains("APPSVC0215: "), log.all());
        }
    }

    @Test
    void aClosedListenerRegistrationHearsNothingMore() {
        List<AuthEvent> heard = new ArrayList<>();
        var registration = longLived.addListener(heard::add);
        registration.close();
        registration.close();

        longLived.logIn(Credentials.anonymous());

        assertTrue(heard.isEmpty());
    }

    @Test
    void noTokenEverReachesTheLogs() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), SHORT, "logs@example.com", "s3cret-pass");
        List<String> tokens = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            shortLived.addListener(event -> {
                throw new IllegalStateException("listener bug");
            });
            User user = shortLived.logIn(Credentials.emailPassword("logs@example.com", "s3cret-pass"));
            tokens.add(user.accessToken().orElseThrow());
            tokens.add(user.refreshToken().orElseThrow());
            clock.passExpiryOf(user);
            user.refreshProfile();
            clock.reset();
            tokens.add(user.accessToken().orElseThrow());
            admin().injectFault(FaultSpec.onPath(SESSION_ROUTE)
                    .method("DELETE")
                    .times(1)
                    .error(500, "InternalServerError", "cannot log out"));
            user.logOut();
            User again = shortLived.logIn(Credentials.emailPassword("logs@example.com", "s3cret-pass"));
            tokens.add(again.accessToken().orElseThrow());
            tokens.add(again.refreshToken().orElseThrow());
            admin().logoutUser(SHORT, again.id());
            assertThrows(SessionExpiredException.class, again::refreshProfile);

            String logged = log.all();
            assertTrue(logged.contains("APPSVC0215: ") && logged.contains("APPSVC0216: "), logged);
            for (String token : tokens) {
                assertFalse(logged.contains(token), "a token was logged");
                assertFalse(logged.contains(token.substring(token.lastIndexOf('.') + 1)), "a signature was logged");
            }
            assertFalse(logged.contains("s3cret-pass"));
        }
    }

    /** Plants a token (see below), then makes 100 concurrent profile calls, which must all succeed. */
    private static void hundredProfileCallsWithAPlantedToken(User user, Instant expiry) throws Exception {
        plantAccessToken(user, expiry);
        admin().resetCounters();
        for (Future<?> call : runConcurrently(100, user::refreshProfile)) {
            call.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Replaces the user's access token by one the server never issued, with the given expiry: expired, the client
     * must refresh before sending; unexpired, the server refuses it (its signature is wrong) and the client must
     * refresh on the 401. The token is built by hand because no issuer would sign it; its payload is plain JSON.
     */
    private static void plantAccessToken(User user, Instant expiry) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"sub\":\"" + user.id() + "\",\"iat\":"
                        + expiry.minusSeconds(1800).getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        String token = header + "." + payload + "."
                + base64.encodeToString("not the issuer's".getBytes(StandardCharsets.UTF_8));
        assertTrue(((DefaultApp) user.app()).users().accessTokenRefreshed(user.id(), token));
    }

    private List<AuthEvent.Type> types() {
        return events.stream().map(AuthEvent::type).toList();
    }

    private static List<Future<?>> runConcurrently(int count, Runnable call) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    call.run();
                    return null;
                }));
            }
            start.countDown();
            return calls;
        } finally {
            threads.shutdown();
        }
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }

    private static long count(String method, String route) {
        return admin().requestCount(method, route);
    }
}
