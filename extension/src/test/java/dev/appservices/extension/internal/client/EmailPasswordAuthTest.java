package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.EmailPasswordAuth;
import dev.appservices.ErrorCode;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserAlreadyConfirmedException;
import dev.appservices.UserAlreadyExistsException;
import dev.appservices.UserNotFoundException;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.PendingToken;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email/password provider against the emulator over HTTP: confirmation by email token and by a custom function,
 * password reset by email token and by a custom function, and the server's refusals as typed exceptions.
 */
class EmailPasswordAuthTest {

    /** Confirms by email token (the tokens are read through the emulator's admin API). */
    private static final String EMAIL_APP = "userpass-email";
    /** Confirms and resets with functions written in Java. */
    private static final String FUNCTION_APP = "userpass-function";

    /** The users the confirmation function of {@link #FUNCTION_APP} approves; the others stay pending. */
    private static final Set<String> APPROVED = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
                    AppDefinition.builder(EMAIL_APP).emailPasswordAuth(false).build())
            .app(AppDefinition.builder(FUNCTION_APP)
                    .emailConfirmationFunction("confirmIfApproved")
                    .passwordResetFunction("resetIfAnswered")
                    .build())
            .function(FUNCTION_APP, "confirmIfApproved", (context, arguments) -> {
                String email =
                        arguments.get(0).asDocument().getString("username").getValue();
                return status(APPROVED.contains(email) ? "success" : "pending");
            })
            .function(FUNCTION_APP, "resetIfAnswered", (context, arguments) -> {
                // arguments: {token, tokenId, username, password, currentPasswordValid}, then the client's
                BsonValue answer = arguments.size() > 1 ? arguments.get(1) : null;
                boolean right = answer != null
                        && answer.isDocument()
                        && new BsonString("blue").equals(answer.asDocument().get("answer"));
                return status(right ? "success" : "fail");
            }));

    private EmulatorAdmin admin;
    private App emailApp;
    private App functionApp;

    @BeforeEach
    void createApps() {
        admin = EMULATOR.admin();
        emailApp = App.create(
                TestBackend.configuration(EMAIL_APP, EMULATOR.baseUrl()).build());
        functionApp = App.create(
                TestBackend.configuration(FUNCTION_APP, EMULATOR.baseUrl()).build());
    }

    @AfterEach
    void closeApps() {
        emailApp.close();
        functionApp.close();
    }

    private static BsonDocument status(String status) {
        return new BsonDocument("status", new BsonString(status));
    }

    /** The newest pending token of an email address. */
    private static PendingToken newest(List<PendingToken> tokens, String email) {
        return tokens.stream()
                .filter(token -> token.email().equals(email))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no pending token for " + email));
    }

    @Test
    void registersConfirmsLogsInAndResetsThePassword() {
        EmailPasswordAuth auth = emailApp.emailPasswordAuth();
        String email = "ana@example.com";
        auth.registerUser(email, "first-secret");
        assertThrows(
                InvalidCredentialsException.class,
                () -> emailApp.logIn(Credentials.emailPassword(email, "first-secret")),
                "pending users cannot log in");

        PendingToken confirmation = newest(admin.pendingConfirmations(EMAIL_APP), email);
        auth.confirmUser(confirmation.token(), confirmation.tokenId());
        User user = emailApp.logIn(Credentials.emailPassword(email, "first-secret"));
        assertTrue(user.isLoggedIn());
        assertEquals(Credentials.EMAIL_PASSWORD, user.identities().get(0).providerType());

        auth.sendResetPasswordEmail(email);
        PendingToken reset = newest(admin.pendingResets(EMAIL_APP), email);
        auth.resetPassword(reset.token(), reset.tokenId(), "second-secret");
        assertThrows(
                InvalidCredentialsException.class,
                () -> emailApp.logIn(Credentials.emailPassword(email, "first-secret")));
        assertEquals(
                user.id(),
                emailApp.logIn(Credentials.emailPassword(email, "second-secret"))
                        .id());
    }

    @Test
    void refusesASecondRegistrationOfTheSameEmail() {
        EmailPasswordAuth auth = emailApp.emailPasswordAuth();
        auth.registerUser("twice@example.com", "secret-1");
        UserAlreadyExistsException e = assertThrows(
                UserAlreadyExistsException.class, () -> auth.registerUser("twice@example.com", "secret-2"));
        assertEquals(ErrorCode.ACCOUNT_NAME_IN_USE, e.errorCode());
    }

    @Test
    void refusesAPasswordTheServerDoesNotAccept() {
        ServiceException e = assertThrows(
                ServiceException.class, () -> emailApp.emailPasswordAuth().registerUser("short@example.com", "abc"));
        assertEquals(ErrorCode.BAD_REQUEST, e.errorCode());
        assertTrue(!e.getMessage().contains("abc"), "the password is not shown: " + e.getMessage());
    }

    @Test
    void refusesInvalidTokens() {
        EmailPasswordAuth auth = emailApp.emailPasswordAuth();
        ServiceException confirm =
                assertThrows(ServiceException.class, () -> auth.confirmUser("not-a-token", "not-an-id"));
        assertEquals(ErrorCode.USERPASS_TOKEN_INVALID, confirm.errorCode());
        ServiceException reset = assertThrows(
                ServiceException.class, () -> auth.resetPassword("not-a-token", "not-an-id", "new-secret"));
        assertEquals(ErrorCode.USERPASS_TOKEN_INVALID, reset.errorCode());
    }

    @Test
    void resendsTheConfirmationOnlyToPendingUsers() {
        EmailPasswordAuth auth = emailApp.emailPasswordAuth();
        String email = "resend@example.com";
        auth.registerUser(email, "secret-1");
        PendingToken first = newest(admin.pendingConfirmations(EMAIL_APP), email);
        auth.resendConfirmationEmail(email);
        PendingToken token = newest(admin.pendingConfirmations(EMAIL_APP), email);
        assertTrue(!first.tokenId().equals(token.tokenId()), "a new token pair was issued");

        auth.confirmUser(token.token(), token.tokenId());
        assertThrows(UserAlreadyConfirmedException.class, () -> auth.resendConfirmationEmail(email));
        assertThrows(UserNotFoundException.class, () -> auth.resendConfirmationEmail("nobody@example.com"));
    }

    @Test
    void refusesAResetForAnUnknownUser() {
        UserNotFoundException e = assertThrows(
                UserNotFoundException.class,
                () -> emailApp.emailPasswordAuth().sendResetPasswordEmail("nobody@example.com"));
        assertEquals(ErrorCode.USER_NOT_FOUND, e.errorCode());
        assertEquals(404, e.httpStatus().orElseThrow());
    }

    @Test
    void confirmsWithTheCustomFunctionWhenItApproves() {
        EmailPasswordAuth auth = functionApp.emailPasswordAuth();
        String email = "bo@example.com";
        auth.registerUser(email, "secret-1");
        assertThrows(
                InvalidCredentialsException.class,
                () -> functionApp.logIn(Credentials.emailPassword(email, "secret-1")));

        APPROVED.add(email);
        auth.retryCustomConfirmation(email);
        assertTrue(
                functionApp.logIn(Credentials.emailPassword(email, "secret-1")).isLoggedIn());
        assertThrows(UserAlreadyConfirmedException.class, () -> auth.retryCustomConfirmation(email));
        assertThrows(UserNotFoundException.class, () -> auth.retryCustomConfirmation("nobody@example.com"));
    }

    @Test
    void resetsWithTheCustomFunctionAndTheCallersArguments() {
        EmailPasswordAuth auth = functionApp.emailPasswordAuth();
        String email = "cy@example.com";
        APPROVED.add(email);
        auth.registerUser(email, "secret-1");

        ServiceException refused = assertThrows(
                ServiceException.class,
                () -> auth.callResetPasswordFunction(email, "secret-2", new Document("answer", "red")));
        assertEquals(ErrorCode.BAD_REQUEST, refused.errorCode());
        assertTrue(
                functionApp.logIn(Credentials.emailPassword(email, "secret-1")).isLoggedIn());

        auth.callResetPasswordFunction(email, "secret-2", new Document("answer", "blue"));
        assertThrows(
                InvalidCredentialsException.class,
                () -> functionApp.logIn(Credentials.emailPassword(email, "secret-1")));
        assertTrue(
                functionApp.logIn(Credentials.emailPassword(email, "secret-2")).isLoggedIn());
        assertThrows(
                UserNotFoundException.class, () -> auth.callResetPasswordFunction("nobody@example.com", "secret-2"));
    }

    @Test
    void hasAsynchronousTwins() {
        EmailPasswordAuth auth = emailApp.emailPasswordAuth();
        String email = "async@example.com";
        auth.registerUserAsync(email, "secret-1").toCompletableFuture().join();
        PendingToken token = newest(admin.pendingConfirmations(EMAIL_APP), email);
        auth.confirmUserAsync(token.token(), token.tokenId())
                .toCompletableFuture()
                .join();
        auth.sendResetPasswordEmailAsync(email).toCompletableFuture().join();
        PendingToken reset = newest(admin.pendingResets(EMAIL_APP), email);
        auth.resetPasswordAsync(reset.token(), reset.tokenId(), "secret-2")
                .toCompletableFuture()
                .join();
        assertTrue(emailApp.logIn(Credentials.emailPassword(email, "secret-2")).isLoggedIn());

        CompletionException e = assertThrows(
                CompletionException.class,
                () -> auth.resendConfirmationEmailAsync(email)
                        .toCompletableFuture()
                        .join());
        assertInstanceOf(UserAlreadyConfirmedException.class, e.getCause());
    }
}
