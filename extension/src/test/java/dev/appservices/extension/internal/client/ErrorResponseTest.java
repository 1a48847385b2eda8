package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AuthException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.ServiceException;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How answers of the server become exceptions (protocol.md §10), with the responses injected into the emulator. */
class ErrorResponseTest {

    private static final String APP_ID = "errors";
    private static final String LOGIN_PATH = "/api/client/v2.0/app/" + APP_ID + "/auth/providers/anon-user/login";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(
            builder -> builder.app(AppDefinition.builder(APP_ID).anonymousAuth().build()));

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    @AfterEach
    void clearFaults() {
        EMULATOR.admin().clearFaults();
    }

    @Test
    void aKnownErrorCodeBecomesItsErrorCode() {
        answer(FaultSpec.onPath(LOGIN_PATH).times(1).error(500, "MaintenanceInProgress", "down for maintenance"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.MAINTENANCE_IN_PROGRESS, e.errorCode());
        assertEquals(500, e.httpStatus().orElseThrow());
        assertFalse(e instanceof AuthException);
        assertTrue(e.getMessage().contains("down for maintenance"), e.getMessage());
    }

    @Test
    void anUnknownErrorCodeIsAnAppServerErrorKeepingTheRawCode() {
        answer(FaultSpec.onPath(LOGIN_PATH).times(1).error(400, "SomethingNew", "a new kind of failure"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.APP_SERVER_ERROR, e.errorCode());
        assertEquals(Optional.of("SomethingNew"), e.serverErrorCode());
    }

    @Test
    void anErrorBodyWithoutCodeIsAnAppUnknownError() {
        answer(FaultSpec.onPath(LOGIN_PATH).times(1).body(400, "application/json", "{\"error\":\"no code here\"}"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.APP_UNKNOWN_ERROR, e.errorCode());
        assertEquals(Optional.empty(), e.serverErrorCode());
        assertTrue(e.getMessage().contains("no code here"), e.getMessage());
    }

    @Test
    void aNonJsonErrorIsAnHttpErrorWithTheStatus() {
        answer(FaultSpec.onPath(LOGIN_PATH).times(1).body(502, "text/html", "<html>Bad Gateway</html>"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.HTTP_ERROR, e.errorCode());
        assertEquals(502, e.httpStatus().orElseThrow());
        assertTrue(e.getMessage().startsWith("APPSVC0208: "), e.getMessage());
    }

    @Test
    void anErrorBodyIsReadOnlyWithExactlyTheJsonContentType() {
        answer(FaultSpec.onPath(LOGIN_PATH)
                .times(1)
                .body(
                        401,
                        "application/json; charset=utf-8",
                        "{\"error\":\"unauthorized\",\"error_code\":\"InvalidPassword\"}"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.HTTP_ERROR, e.errorCode(), "as the SDKs: parameters disable error parsing");
        assertEquals(401, e.httpStatus().orElseThrow());
    }

    @Test
    void aTruncatedResponseIsMalformedJson() {
        answer(FaultSpec.onPath(LOGIN_PATH).times(1).malformedJson());

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.MALFORMED_JSON, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0209: "), e.getMessage());
        assertTrue(testApp.get().allUsers().isEmpty());
    }

    @Test
    void aLoginResponseWithoutARequiredFieldNamesIt() {
        answer(FaultSpec.onPath(LOGIN_PATH)
                .times(1)
                .body(
                        200,
                        "application/json",
                        "{\"access_token\":\"a.b.c\",\"user_id\":\"u1\",\"device_id\":\"000000000000000000000000\"}"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.MISSING_JSON_KEY, e.errorCode());
        assertTrue(e.getMessage().contains("'refresh_token'"), e.getMessage());
    }

    @Test
    void tokensThatAreNotJwtsAreBadTokensAndNeverShown() {
        answer(FaultSpec.onPath(LOGIN_PATH)
                .times(1)
                .body(
                        200,
                        "application/json",
                        "{\"access_token\":\"not-a-jwt-secret\",\"refresh_token\":\"x.eyJ9.y\",\"user_id\":\"u1\","
                                + "\"device_id\":\"000000000000000000000000\"}"));

        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().logIn(Credentials.anonymous()));

        assertEquals(ErrorCode.BAD_TOKEN, e.errorCode());
        assertFalse(e.getMessage().contains("not-a-jwt-secret"), e.getMessage());
        assertTrue(testApp.get().allUsers().isEmpty());
    }

    private static void answer(FaultSpec fault) {
        EMULATOR.admin().injectFault(fault);
    }
}
