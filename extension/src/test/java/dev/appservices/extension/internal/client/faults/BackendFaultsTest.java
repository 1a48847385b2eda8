package dev.appservices.extension.internal.client.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import dev.appservices.extension.internal.client.TestBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend misbehaves, through the emulator's fault injection over real HTTP: each fault gives its own typed error,
 * nothing stored is lost or changed by it, and the same App works again as soon as the backend does.
 */
class BackendFaultsTest {

    private static final String APP_ID = "faulty";
    private static final String API = "/api/client/v2.0";
    private static final String FUNCTION_PATH = API + "/app/" + APP_ID + "/functions/call";
    private static final String LOGIN_PATH = API + "/app/" + APP_ID + "/auth/providers/anon-user/login";
    private static final String LOCATION_PATH = API + "/app/" + APP_ID + "/location";
    private static final String PROFILE_PATH = API + "/auth/profile";
    private static final String FUNCTION_ROUTE = API + "/app/{appId}/functions/call";
    private static final String LOGIN_ROUTE = API + "/app/{appId}/auth/providers/{provider}/login";
    private static final String LOCATION_ROUTE = API + "/app/{appId}/location";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(definition()));

    /** A second server of the app, for redirects that bounce between two servers. */
    private static AppServicesEmulator other;

    private App app;

    @BeforeAll
    static void startOtherServer() {
        other = AppServicesEmulator.builder().app(definition()).start();
    }

    @AfterAll
    static void stopOtherServer() {
        other.close();
    }

    @BeforeEach
    void createApp() {
        admin().resetCounters();
        other.admin().resetCounters();
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl()).build());
    }

    @AfterEach
    void closeApp() {
        app.close();
        admin().clearFaults();
        other.admin().clearFaults();
    }

    @Test
    void a500WithAnErrorBodyIsAServiceExceptionWithTheServersErrorCode() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH)
                .times(1)
                .error(500, "InternalServerError", "the database is away"));

        ServiceException e = assertThrows(ServiceException.class, () -> sum(user));

        assertFalse(e instanceof FunctionException, "the function did not fail; the server did: " + e);
        assertEquals(ErrorCode.INTERNAL_SERVER_ERROR, e.errorCode());
        assertEquals(500, e.httpStatus().orElseThrow());
        assertTrue(
                e.getMessage().startsWith("APPSVC0207: ") && e.getMessage().contains("the database is away"),
                e.getMessage());
        assertRecovered(user);
    }

    @Test
    void a503AtLoginStoresNothingAndTheNextLoginWorks() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).times(1).error(503, "ServiceUnavailable", "maintenance"));

        ServiceException e = assertThrows(ServiceException.class, () -> app.logIn(Credentials.anonymous()));

        assertEquals(503, e.httpStatus().orElseThrow());
        assertEquals(ErrorCode.APP_SERVER_ERROR, e.errorCode(), "an error code the client does not know");
        assertEquals("ServiceUnavailable", e.serverErrorCode().orElseThrow());
        assertEquals(Map.of(), app.allUsers());
        assertRecovered(app.logIn(Credentials.anonymous()));
    }

    @Test
    void anErrorPageThatIsNotJsonIsAnHttpErrorWithItsStatus() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH)
                .times(1)
                .body(503, "text/html", "<html><body>Service Unavailable</body></html>"));

        ServiceException e = assertThrows(ServiceException.class, () -> sum(user));

        assertEquals(ErrorCode.HTTP_ERROR, e.errorCode());
        assertEquals(503, e.httpStatus().orElseThrow());
        assertTrue(e.getMessage().startsWith("APPSVC0208: "), e.getMessage());
        assertRecovered(user);
    }

    @Test
    void anErrorBodyThatClaimsJsonButIsNotIsAnHttpErrorWithItsStatus() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH)
                .times(1)
                .body(500, "application/json", "{\"error\": \"cut off"));

        ServiceException e = assertThrows(ServiceException.class, () -> sum(user));

        assertEquals(ErrorCode.HTTP_ERROR, e.errorCode());
        assertEquals(500, e.httpStatus().orElseThrow());
        assertRecovered(user);
    }

    @Test
    void a200WithMalformedJsonFromTheLocationIsMalformedJsonAndTheLocationIsAskedAgain() {
        admin().injectFault(FaultSpec.onPath(LOCATION_PATH).times(1).malformedJson());

        ServiceException e = assertThrows(ServiceException.class, () -> app.logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.MALFORMED_JSON, e.errorCode());
        assertRecovered(app.logIn(Credentials.anonymous()));
        assertEquals(2, admin().requestCount("GET", LOCATION_ROUTE));
    }

    @Test
    void a200WithMalformedJsonAsAFunctionResultIsAnUnreadableResult() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH).times(1).malformedJson());

        FunctionException e = assertThrows(FunctionException.class, () -> sum(user));

        assertEquals(ErrorCode.BAD_BSON_PARSE, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0251: "), e.getMessage());
        assertRecovered(user);
    }

    @Test
    void aDroppedConnectionIsAConnectionExceptionAndAFunctionCallIsNeverSentTwice() {
        User user = app.logIn(Credentials.anonymous());
        admin().injectFault(FaultSpec.onPath(FUNCTION_PATH).times(1).dropConnection());

        ConnectionException e = assertThrows(ConnectionException.class, () -> sum(user));

        assertTrue(e.getMessage().startsWith("APPSVC0203: "), e.getMessage());
        assertEquals(1, admin().requestCount("POST", FUNCTION_ROUTE), "a POST that may have run is not resent");
        assertEquals(UserState.LOGGED_IN, user.state(), "a network failure never logs out");
        assertRecovered(user);
    }

    @Test
    void theLocationEndpointDownThenUpAgain() {
        String fault = admin().injectFault(FaultSpec.onPath(LOCATION_PATH).dropConnection());

        ConnectionException down = assertThrows(ConnectionException.class, () -> app.logIn(Credentials.anonymous()));
        assertTrue(down.getMessage().contains("/location"), down.getMessage());
        admin().removeFault(fault);
        fault = admin().injectFault(FaultSpec.onPath(LOCATION_PATH).error(503, "InternalServerError", "starting"));
        assertEquals(
                503,
                assertThrows(ServiceException.class, () -> app.logIn(Credentials.anonymous()))
                        .httpStatus()
                        .orElseThrow());
        assertEquals(0, admin().requestCount("POST", LOGIN_ROUTE), "no login without a location");

        admin().removeFault(fault);

        assertRecovered(app.logIn(Credentials.anonymous()));
    }

    @Test
    void aRedirectLoopBetweenTwoServersEndsWithTooManyRedirects() {
        admin().injectFault(FaultSpec.onPath(LOGIN_PATH).redirect(308, other.baseUrl()));
        other.admin().injectFault(FaultSpec.onPath(LOGIN_PATH).redirect(308, EMULATOR.baseUrl()));

        ServiceException e = assertThrows(ServiceException.class, () -> app.logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.CLIENT_TOO_MANY_REDIRECTS, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0206: "), e.getMessage());
        long logins = admin().requestCount("POST", LOGIN_ROUTE) + other.admin().requestCount("POST", LOGIN_ROUTE);
        assertEquals(21, logins, "the first request and one per redirect followed, 20 at most");
        assertEquals(Map.of(), app.allUsers());

        admin().clearFaults();
        other.admin().clearFaults();
        assertRecovered(app.logIn(Credentials.anonymous()));
    }

    @Test
    void aLocationThatRedirectsToItselfEndsWithTooManyRedirects() {
        admin().injectFault(FaultSpec.onPath(LOCATION_PATH).redirect(301, EMULATOR.baseUrl()));

        ServiceException e = assertThrows(ServiceException.class, () -> app.logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.CLIENT_TOO_MANY_REDIRECTS, e.errorCode());
        assertEquals(21, admin().requestCount("GET", LOCATION_ROUTE));
        admin().clearFaults();
        assertRecovered(app.logIn(Credentials.anonymous()));
    }

    @Test
    void aServerThatIsDownThenUpAgainServesTheSameAppAndItsLoggedInUser(@TempDir Path state) {
        AppServicesEmulator server = AppServicesEmulator.builder()
                .app(definition())
                .dataDirectory(state)
                .start();
        int port = server.port();
        try {
            app.close();
            app = App.create(TestBackend.configuration(APP_ID, server.baseUrl()).build());
            User user = app.logIn(Credentials.anonymous());
            server.close();

            assertThrows(ConnectionException.class, () -> sum(user));
            assertThrows(ConnectionException.class, () -> app.logIn(Credentials.anonymous(false)));
            assertEquals(UserState.LOGGED_IN, user.state(), "a network failure never logs out");
            assertEquals(List.of(user.id()), List.copyOf(app.allUsers().keySet()));

            server = AppServicesEmulator.builder()
                    .port(port)
                    .app(definition())
                    .dataDirectory(state)
                    .start();
            assertRecovered(user);
        } finally {
            server.close();
        }
    }

    private static void assertRecovered(User user) {
        assertEquals(UserState.LOGGED_IN, user.state());
        assertEquals(3L, sum(user), "the same App works again");
    }

    private static long sum(User user) {
        return user.functions().call("sum", Long.class, 1, 2);
    }

    private static AppDefinition definition() {
        return AppDefinition.builder(APP_ID).anonymousAuth().build();
    }

    private static EmulatorAdmin admin() {
        return EMULATOR.admin();
    }
}
