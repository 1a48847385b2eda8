package dev.appservices.extension.internal.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserProfile;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Location discovery, 301/308 redirects and base URL updates (protocol.md §1, §13) against two emulators. */
class LocationTest {

    private static final String APP_ID = "where";
    private static final String LOGIN_PATH = "/api/client/v2.0/app/" + APP_ID + "/auth/providers/anon-user/login";
    private static final String LOCATION_PATH = "/api/client/v2.0/app/" + APP_ID + "/location";
    private static final String LOGIN_ROUTE = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";
    private static final String LOCATION_ROUTE = "/api/client/v2.0/app/{appId}/location";
    private static final String PROFILE_ROUTE = "/api/client/v2.0/auth/profile";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(
            builder -> builder.app(AppDefinition.builder(APP_ID).anonymousAuth().build()));

    /** Another server of the same app, as after a move of the app to another region. */
    private static AppServicesEmulator other;

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    @BeforeAll
    static void startOtherServer() {
        other = AppServicesEmulator.builder()
                .app(AppDefinition.builder(APP_ID).anonymousAuth().build())
                .start();
    }

    @AfterAll
    static void stopOtherServer() {
        other.close();
    }

    @BeforeEach
    void resetCounters() {
        admin().resetCounters();
        other.admin().resetCounters();
    }

    @AfterEach
    void clearFaults() {
        admin().clearFaults();
        other.admin().clearFaults();
    }

    @Test
    void theLocationIsAskedOnceAtTheFirstRequest() {
        assertEquals(0, count(admin(), "GET", LOCATION_ROUTE));

        User user = testApp.get().logIn(Credentials.anonymous(false));
        user.refreshProfile();
        testApp.get().logIn(Credentials.anonymous(false));

        assertEquals(1, count(admin(), "GET", LOCATION_ROUTE));
    }

    @Test
    void skipLocationSendsNoLocationRequest() {
        testApp.reopen(builder -> builder.skipLocation(true)).logIn(Credentials.anonymous());

        assertEquals(0, count(admin(), "GET", LOCATION_ROUTE));
        assertEquals(1, count(admin(), "POST", LOGIN_ROUTE));
    }

    @Test
    void a301ChainIsFollowedByAskingTheLocationAtEachNewBaseUrl() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).times(3).redirect(301, alias(EMULATOR.baseUrl())));

        User user = testApp.get().logIn(Credentials.anonymous());

        assertTrue(user.isLoggedIn());
        assertEquals(4, count(admin(), "POST", LOGIN_ROUTE));
        assertEquals(4, count(admin(), "GET", LOCATION_ROUTE));
    }

    @Test
    void a308RedirectMovesTheAppToTheNewServerWhileTheBaseUrlStays() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).redirect(308, other.baseUrl()));

        User user = testApp.get().logIn(Credentials.anonymous());
        user.refreshProfile();

        assertEquals(1, count(admin(), "POST", LOGIN_ROUTE));
        assertEquals(1, count(other.admin(), "GET", LOCATION_ROUTE));
        assertEquals(1, count(other.admin(), "POST", LOGIN_ROUTE));
        assertEquals(2, count(other.admin(), "GET", PROFILE_ROUTE));
        assertEquals(EMULATOR.baseUrl(), testApp.get().baseUrl());
    }

    @Test
    void aRedirectOfTheLocationRequestIsFollowedToo() {
        admin().injectFault(FaultSpec.onPath(LOCATION_PATH).times(1).redirect(308, other.baseUrl()));

        testApp.get().logIn(Credentials.anonymous());

        assertEquals(1, count(other.admin(), "GET", LOCATION_ROUTE));
        assertEquals(1, count(other.admin(), "POST", LOGIN_ROUTE));
        assertEquals(0, count(admin(), "POST", LOGIN_ROUTE));
    }

    @Test
    void moreThanTwentyRedirectsFail() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).redirect(308, alias(EMULATOR.baseUrl())));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.CLIENT_TOO_MANY_REDIRECTS, e.errorCode());
        assertEquals(4104, e.errorCode().code());
        assertTrue(e.getMessage().startsWith("APPSVC0206: "), e.getMessage());
        assertEquals(21, count(admin(), "POST", LOGIN_ROUTE));
        assertTrue(testApp.get().allUsers().isEmpty());
    }

    @Test
    void aRedirectWithoutLocationFails() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).times(1).body(301, "text/plain", "moved"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.CLIENT_REDIRECT_ERROR, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0205: "), e.getMessage());
    }

    @Test
    void otherRedirectStatusesAreHttpErrors() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).times(1).body(302, "text/plain", "found"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.HTTP_ERROR, e.errorCode());
        assertEquals(302, e.httpStatus().orElseThrow());
    }

    @Test
    void updateBaseUrlVerifiesTheNewServerThenUsesIt() {
        testApp.get().logIn(Credentials.anonymous(false));

        testApp.get().updateBaseUrl(URI.create(other.baseUrl() + "/"));

        assertEquals(other.baseUrl(), testApp.get().baseUrl());
        assertEquals(1, count(other.admin(), "GET", LOCATION_ROUTE));
        testApp.get().logIn(Credentials.anonymous(false));
        assertEquals(1, count(other.admin(), "POST", LOGIN_ROUTE));
        assertEquals(1, count(other.admin(), "GET", LOCATION_ROUTE), "verified once, not asked again");
        assertEquals(1, count(admin(), "POST", LOGIN_ROUTE));
    }

    @Test
    void aFailedUpdateChangesNothing() throws Exception {
        try (AppServicesEmulator stranger = AppServicesEmulator.builder().start()) {
            ServiceException refused =
                    assertThrows(ServiceException.class, () -> testApp.get().updateBaseUrl(stranger.baseUrl()));
            assertEquals(404, refused.httpStatus().orElseThrow());
        }
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        ConnectionException unreachable =
                assertThrows(ConnectionException.class, () -> testApp.get().updateBaseUrl(nobody));
        assertEquals(ErrorCode.CUSTOM_ERROR, unreachable.errorCode());
        assertTrue(unreachable.getMessage().contains(nobody.toString()), unreachable.getMessage());

        assertEquals(EMULATOR.baseUrl(), testApp.get().baseUrl());
        testApp.get().logIn(Credentials.anonymous());
        assertEquals(1, count(admin(), "POST", LOGIN_ROUTE));
    }

    @Test
    void updateToNullReturnsToTheConfiguredBaseUrl() throws Exception {
        testApp.get().updateBaseUrlAsync(other.baseUrl()).toCompletableFuture().get(10, TimeUnit.SECONDS);

        testApp.get().updateBaseUrl(null);

        assertEquals(EMULATOR.baseUrl(), testApp.get().baseUrl());
        testApp.get().logIn(Credentials.anonymous());
        assertEquals(1, count(admin(), "POST", LOGIN_ROUTE));
        assertEquals(0, count(other.admin(), "POST", LOGIN_ROUTE));
    }

    @Test
    void updateRejectsUrlsThatAreNotHttp() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> testApp.get().updateBaseUrl(URI.create("ftp://example.com")));

        assertTrue(e.getMessage().startsWith("APPSVC0102: "), e.getMessage());
    }

    @Test
    void requestsInFlightFinishOnTheOldServer() throws Exception {
        User user = testApp.get().logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(PROFILE_ROUTE)
                .times(1)
                .delay(Duration.ofMillis(800))
                .delayOnly());

        CompletableFuture<UserProfile> slow = user.refreshProfileAsync().toCompletableFuture();
        await("the slow request reaches the server")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> count(admin(), "GET", PROFILE_ROUTE) >= 2);
        testApp.get().updateBaseUrl(other.baseUrl());

        slow.get(10, TimeUnit.SECONDS);
        assertEquals(2, count(admin(), "GET", PROFILE_ROUTE), "login's profile and the slow one");
        assertEquals(0, count(other.admin(), "GET", PROFILE_ROUTE));
        assertEquals(other.baseUrl(), testApp.get().baseUrl());
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }

    private static long count(EmulatorAdmin admin, String method, String route) {
        return admin.requestCount(method, route);
    }

    /** The same server under another name: a redirect there is a real move to a new base URL and host. */
    private static URI alias(URI baseUrl) {
        return URI.create(baseUrl.toString().replace("127.0.0.1", "localhost"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
