package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.userpass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seven email/password endpoints, with tokens read through the admin API as a test would. */
class EmailPasswordConformanceTest {

    /** The demo configuration ("sample": confirmation by email token, reset function) plus a confirming app. */
    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.configResource(AppServicesEmulator.DEMO_CONFIG_RESOURCE)
                    .app(AppDefinition.builder("confirming")
                            .emailConfirmationFunction("confirmByEmailTag")
                            .build()));

    private WireClient client;
    private EmulatorAdmin admin;

    @BeforeEach
    void connect() {
        client = new WireClient(EMULATOR.baseUrl());
        admin = EMULATOR.admin();
        admin.resetApp("sample");
        admin.resetApp("confirming");
    }

    private WireClient.Reply post(String appId, String suffix, String json) {
        return client.post(userpass(appId, suffix), null, json);
    }

    private WireClient.Reply login(String appId, String email, String password) {
        return client.post(
                userpass(appId, "login"), null, "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void registrationNeedsConfirmationByEmailToken() {
        WireClient.Reply register =
                post("sample", "register", "{\"email\":\"ana@example.com\",\"password\":\"s3cret!\"}");
        assertEquals(201, register.status());
        assertEquals("application/json", register.contentType().orElseThrow());
        assertEquals("AuthError", login("sample", "ana@example.com", "s3cret!").errorCode(401));

        List<PendingToken> pending = admin.pendingConfirmations("sample");
        assertEquals(1, pending.size());
        PendingToken token = pending.get(0);
        assertEquals("ana@example.com", token.email());
        assertTrue(!token.toString().contains(token.token()), "toString hides the token");

        assertEquals(
                "UserpassTokenInvalid",
                post(
                                "sample",
                                "confirm",
                                "{\"token\":\"" + token.token() + "\",\"tokenId\":\"000000000000000000000000\"}")
                        .errorCode(400));
        assertEquals(
                200,
                post(
                                "sample",
                                "confirm",
                                "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}")
                        .status());
        assertEquals(200, login("sample", "ana@example.com", "s3cret!").status());
        assertTrue(admin.pendingConfirmations("sample").isEmpty());
        assertEquals(
                "UserpassTokenInvalid",
                post(
                                "sample",
                                "confirm",
                                "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}")
                        .errorCode(400));
    }

    @Test
    void registrationRules() {
        String body = "{\"email\":\"dup@example.com\",\"password\":\"s3cret!\"}";
        assertEquals(201, post("sample", "register", body).status());
        WireClient.Reply duplicate = post("sample", "register", body);
        assertEquals("AccountNameInUse", duplicate.errorCode(409));
        assertEquals("name already in use", duplicate.json().getString("error"));
        assertEquals(
                "BadRequest",
                post("sample", "register", "{\"email\":\"short@example.com\",\"password\":\"12345\"}")
                        .errorCode(400));
        assertEquals(
                "BadRequest",
                post("sample", "register", "{\"email\":\"long@example.com\",\"password\":\"" + "x".repeat(129) + "\"}")
                        .errorCode(400));
        assertEquals(
                201,
                post("sample", "register", "{\"email\":\"edge@example.com\",\"password\":\"" + "x".repeat(128) + "\"}")
                        .status());
        assertEquals(
                "MissingParameter",
                post("sample", "register", "{\"email\":\"x@example.com\"}").errorCode(400));
        assertEquals(
                "InvalidParameter",
                post("sample", "register", "{\"email\":7,\"password\":\"s3cret!\"}")
                        .errorCode(400));
    }

    @Test
    void resendingConfirmationReplacesTheToken() {
        post("sample", "register", "{\"email\":\"re@example.com\",\"password\":\"s3cret!\"}");
        PendingToken first = admin.pendingConfirmations("sample").get(0);
        assertEquals(
                200,
                post("sample", "confirm/send", "{\"email\":\"re@example.com\"}").status());
        PendingToken second = admin.pendingConfirmations("sample").get(0);
        assertTrue(!first.token().equals(second.token()));
        assertEquals(
                "UserNotFound",
                post("sample", "confirm/send", "{\"email\":\"nobody@example.com\"}")
                        .errorCode(404));
        post("sample", "confirm", "{\"token\":\"" + second.token() + "\",\"tokenId\":\"" + second.tokenId() + "\"}");
        WireClient.Reply confirmed = post("sample", "confirm/send", "{\"email\":\"re@example.com\"}");
        assertEquals("UserAlreadyConfirmed", confirmed.errorCode(400));
        assertEquals("already confirmed", confirmed.json().getString("error"));
    }

    @Test
    void confirmationFunctionDecides() {
        assertEquals(
                201,
                post("confirming", "register", "{\"email\":\"ok+confirm@example.com\",\"password\":\"s3cret!\"}")
                        .status());
        assertEquals(
                200, login("confirming", "ok+confirm@example.com", "s3cret!").status());

        WireClient.Reply rejected =
                post("confirming", "register", "{\"email\":\"no+reject@example.com\",\"password\":\"s3cret!\"}");
        assertEquals("BadRequest", rejected.errorCode(400));
        assertEquals(
                "failed to confirm user \"no+reject@example.com\"",
                rejected.json().getString("error"));
        assertEquals(
                "InvalidPassword",
                login("confirming", "no+reject@example.com", "s3cret!").errorCode(401));

        assertEquals(
                201,
                post("confirming", "register", "{\"email\":\"later@example.com\",\"password\":\"s3cret!\"}")
                        .status());
        assertEquals(
                "AuthError", login("confirming", "later@example.com", "s3cret!").errorCode(401));
        assertEquals(1, admin.pendingConfirmations("confirming").size());
        assertEquals(
                200,
                post("confirming", "confirm/call", "{\"email\":\"later@example.com\"}")
                        .status());
        assertEquals(
                "UserNotFound",
                post("confirming", "confirm/call", "{\"email\":\"ghost@example.com\"}")
                        .errorCode(404));
        assertEquals(
                "UserAlreadyConfirmed",
                post("confirming", "confirm/call", "{\"email\":\"ok+confirm@example.com\"}")
                        .errorCode(400));
        assertEquals(
                "BadRequest",
                post("sample", "confirm/call", "{\"email\":\"later@example.com\"}")
                        .errorCode(400),
                "sample has no confirmation function");
    }

    @Test
    void passwordResetByEmailToken() {
        confirmedUser("reset@example.com", "old-password");
        assertEquals(
                200,
                post("sample", "reset/send", "{\"email\":\"reset@example.com\"}")
                        .status());
        assertEquals(
                "UserNotFound",
                post("sample", "reset/send", "{\"email\":\"ghost@example.com\"}")
                        .errorCode(404));
        PendingToken token = admin.pendingResets("sample").get(0);
        assertEquals(
                "UserpassTokenInvalid",
                post(
                                "sample",
                                "reset",
                                "{\"password\":\"new-password\",\"token\":\"bad\",\"tokenId\":\"" + token.tokenId()
                                        + "\"}")
                        .errorCode(400));
        assertEquals(
                200,
                post(
                                "sample",
                                "reset",
                                "{\"password\":\"new-password\",\"token\":\"" + token.token() + "\",\"tokenId\":\""
                                        + token.tokenId() + "\"}")
                        .status());
        assertEquals(
                "InvalidPassword",
                login("sample", "reset@example.com", "old-password").errorCode(401));
        assertEquals(200, login("sample", "reset@example.com", "new-password").status());
    }

    @Test
    void passwordResetFunctionDecides() {
        confirmedUser("fn@example.com", "old-password");
        assertEquals(
                200,
                post(
                                "sample",
                                "reset/call",
                                "{\"email\":\"fn@example.com\",\"password\":\"new-password\",\"arguments\":[\"success\"]}")
                        .status());
        assertEquals(200, login("sample", "fn@example.com", "new-password").status());

        WireClient.Reply failed = post(
                "sample",
                "reset/call",
                "{\"email\":\"fn@example.com\",\"password\":\"other-password\",\"arguments\":[]}");
        assertEquals("BadRequest", failed.errorCode(400));
        assertEquals(
                "failed to reset password for user \"fn@example.com\"",
                failed.json().getString("error"));

        assertEquals(
                200,
                post(
                                "sample",
                                "reset/call",
                                "{\"email\":\"fn@example.com\",\"password\":\"third-password\",\"arguments\":[\"pending\"]}")
                        .status());
        PendingToken pending = admin.pendingResets("sample").get(0);
        assertEquals(
                200,
                post(
                                "sample",
                                "reset",
                                "{\"password\":\"third-password\",\"token\":\"" + pending.token() + "\",\"tokenId\":\""
                                        + pending.tokenId() + "\"}")
                        .status());
        assertEquals(200, login("sample", "fn@example.com", "third-password").status());
        assertEquals(
                "UserNotFound",
                post(
                                "sample",
                                "reset/call",
                                "{\"email\":\"ghost@example.com\",\"password\":\"whatever1\",\"arguments\":[]}")
                        .errorCode(404));
    }

    @Test
    void deletedUsersCanRegisterAgain() {
        JsonObject login = confirmedUser("again@example.com", "password1");
        assertEquals(
                204,
                client.delete(WireClient.CLIENT + "/auth/delete", login.getString("access_token"))
                        .status());
        assertEquals(
                "InvalidPassword",
                login("sample", "again@example.com", "password1").errorCode(401));
        assertEquals(
                201,
                post("sample", "register", "{\"email\":\"again@example.com\",\"password\":\"password2\"}")
                        .status());
    }

    private JsonObject confirmedUser(String email, String password) {
        assertEquals(
                201,
                post("sample", "register", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                        .status());
        PendingToken token = admin.pendingConfirmations("sample").stream()
                .filter(candidate -> candidate.email().equals(email))
                .findFirst()
                .orElseThrow();
        assertEquals(
                200,
                post(
                                "sample",
                                "confirm",
                                "{\"token\":\"" + token.token() + "\",\"tokenId\":\"" + token.tokenId() + "\"}")
                        .status());
        WireClient.Reply login = login("sample", email, password);
        assertEquals(200, login.status(), login.body());
        return login.json();
    }
}
