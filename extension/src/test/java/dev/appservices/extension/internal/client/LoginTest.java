package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.appservices.App;
import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.AuthException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.GoogleAuthCode;
import dev.appservices.GoogleIdToken;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in with every provider against the emulator: what succeeds, and each failure the emulator produces. */
class LoginTest {

    private static final String APP_ID = "login";
    private static final String JWT_SECRET = "0123456789abcdef0123456789abcdef-custom-token";
    private static final String LOGIN_ROUTE = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";

    /** The payload the authentication function saw last, as the emulator decoded it. */
    private static final AtomicReference<BsonDocument> FUNCTION_PAYLOAD = new AtomicReference<>();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(
                            APP_ID)
                    .anonymousAuth()
                    .emailPasswordAuth(true)
                    .serverApiKey("backend", "server-key-0123456789")
                    .customTokenAuth("HS256", List.of(JWT_SECRET), List.of())
                    .customTokenMetadataField("name", "name", false)
                    .customFunctionAuth("authenticate")
                    .trustedOAuthToken(Credentials.GOOGLE, "google-auth-code", "g-1", Map.of("email", "g@x.dev"))
                    .trustedOAuthToken(Credentials.GOOGLE, "google-id-token", "g-2", Map.of())
                    .trustedOAuthToken(Credentials.FACEBOOK, "facebook-token", "f-1", Map.of("name", "Fay"))
                    .trustedOAuthToken(Credentials.APPLE, "apple-id-token", "a-1", Map.of())
                    .build())
            .app(AppDefinition.builder("no-providers").build())
            .function(APP_ID, "authenticate", (context, arguments) -> {
                BsonDocument payload = arguments.get(0).asDocument();
                FUNCTION_PAYLOAD.set(payload);
                if (!payload.containsKey("username")) {
                    throw new IllegalArgumentException("no username");
                }
                return new BsonDocument("id", payload.get("username")).append("name", new BsonString("Fn User"));
            }));

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    @Test
    void anonymousLoginMakesALoggedInCurrentUserWithProfileAndTokens() {
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        testApp.get().addListener(events::add);

        User user = testApp.get().logIn(Credentials.anonymous());

        assertEquals(UserState.LOGGED_IN, user.state());
        assertTrue(user.isAnonymous());
        assertEquals(
                List.of(Credentials.ANONYMOUS),
                user.identities().stream().map(UserIdentity::providerType).toList());
        assertTrue(user.accessToken().isPresent());
        assertTrue(user.refreshToken().isPresent());
        assertTrue(user.deviceId().isPresent());
        assertTrue(user.accessTokenExpiresAt().orElseThrow().isAfter(Instant.now()));
        assertTrue(user.refreshTokenExpiresAt()
                .orElseThrow()
                .isAfter(user.accessTokenExpiresAt().orElseThrow()));
        assertEquals(Optional.of(user), testApp.get().currentUser());
        assertEquals(Map.of(user.id(), user), testApp.get().allUsers());
        assertSame(testApp.get(), user.app());
        assertEquals(
                List.of(AuthEvent.Type.LOGGED_IN),
                events.stream().map(AuthEvent::type).toList());
        assertEquals(user, events.get(0).user());
    }

    @Test
    void anonymousLoginReusesTheLoggedInAnonymousUserWithoutARequest() {
        User first = testApp.get().logIn(Credentials.anonymous());
        long logins = EMULATOR.admin().requestCount(APP_ID, "POST", LOGIN_ROUTE);

        User again = testApp.get().logIn(Credentials.anonymous(true));

        assertSame(first, again);
        assertEquals(logins, EMULATOR.admin().requestCount(APP_ID, "POST", LOGIN_ROUTE));
    }

    @Test
    void anonymousLoginWithoutReuseCreatesAnotherUser() {
        User first = testApp.get().logIn(Credentials.anonymous());

        User second = testApp.get().logIn(Credentials.anonymous(false));

        assertNotEquals(first.id(), second.id());
        assertEquals(Optional.of(second), testApp.get().currentUser());
        assertEquals(2, testApp.get().allUsers().size());
    }

    @Test
    void aLoginWhoseProfileCannotBeFetchedKeepsTheUserLoggedInButNotCurrent() {
        User first = testApp.get().logIn(Credentials.anonymous());
        EMULATOR.admin()
                .injectFault(FaultSpec.onPath("/api/client/v2.0/auth/profile")
                        .times(1)
                        .error(503, "InternalServerError", "profile unavailable"));

        AppServicesException failure =
                assertThrows(AppServicesException.class, () -> testApp.get().logIn(Credentials.anonymous(false)));

        assertEquals(503, failure.httpStatus().orElse(0));
        assertEquals(Optional.of(first), testApp.get().currentUser());
        User second = testApp.get().allUsers().values().stream()
                .filter(user -> !user.equals(first))
                .findFirst()
                .orElseThrow();
        assertEquals(UserState.LOGGED_IN, second.state());
        assertTrue(second.refreshToken().isPresent());
        // the profile comes with the next request for it
        second.refreshProfile();
        assertEquals(
                List.of(Credentials.ANONYMOUS),
                second.identities().stream().map(UserIdentity::providerType).toList());
    }

    @Test
    void emailPasswordLoginFetchesTheProfile() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "ana@example.com", "s3cret-pass");

        User user = testApp.get().logIn(Credentials.emailPassword("ana@example.com", "s3cret-pass"));

        assertFalse(user.isAnonymous());
        assertEquals(Optional.of("ana@example.com"), user.profile().email());
        assertEquals(Credentials.EMAIL_PASSWORD, user.identities().get(0).providerType());
    }

    @Test
    void loggingInAgainWithTheSameIdentityGivesTheSameUser() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "bo@example.com", "s3cret-pass");
        User first = testApp.get().logIn(Credentials.emailPassword("bo@example.com", "s3cret-pass"));
        first.logOut();

        User again = testApp.get().logIn(Credentials.emailPassword("bo@example.com", "s3cret-pass"));

        assertSame(first, again);
        assertEquals(UserState.LOGGED_IN, first.state());
    }

    @Test
    void wrongPasswordIsRejectedCredentialsAndStoresNothing() {
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "cy@example.com", "s3cret-pass");

        InvalidCredentialsException e = assertThrows(
                InvalidCredentialsException.class,
                () -> testApp.get().logIn(Credentials.emailPassword("cy@example.com", "wrong-pass")));

        assertEquals(ErrorCode.INVALID_PASSWORD, e.errorCode());
        assertEquals(401, e.httpStatus().orElseThrow());
        assertEquals(Optional.of("InvalidPassword"), e.serverErrorCode());
        assertTrue(e.link().isPresent());
        assertTrue(e.getMessage().startsWith("APPSVC0207: "), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pass"), e.getMessage());
        assertTrue(testApp.get().allUsers().isEmpty());
    }

    @Test
    void serverApiKeyLogsInItsServerUser() {
        User user = testApp.get().logIn(Credentials.apiKey("server-key-0123456789"));

        assertEquals(Credentials.API_KEY, user.identities().get(0).providerType());
    }

    @Test
    void unknownApiKeyIsRejected() {
        InvalidCredentialsException e = assertThrows(
                InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.apiKey("not-a-key")));

        assertEquals(401, e.httpStatus().orElseThrow());
    }

    @Test
    void customJwtLogsInWithItsMetadata() throws JOSEException {
        User user = testApp.get().logIn(Credentials.jwt(customJwt("jwt-user-1", JWT_SECRET)));

        assertEquals(Credentials.JWT, user.identities().get(0).providerType());
        assertEquals(Optional.of("Jay"), user.profile().name());
    }

    @Test
    void customJwtWithAnotherSignatureIsRejected() throws JOSEException {
        String forged = customJwt("jwt-user-1", "another-secret-of-at-least-32-bytes!!");

        InvalidCredentialsException e = assertThrows(
                InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.jwt(forged)));

        assertEquals(ErrorCode.AUTH_ERROR, e.errorCode());
        assertFalse(e.getMessage().contains(forged));
    }

    @Test
    void customFunctionReceivesThePayloadWithItsTypes() {
        User user = testApp.get().logIn(Credentials.function(new Document("username", "fn-user").append("level", 3)));

        assertEquals(Credentials.FUNCTION, user.identities().get(0).providerType());
        assertEquals(Optional.of("Fn User"), user.profile().name());
        BsonDocument payload = FUNCTION_PAYLOAD.get();
        assertEquals(new BsonInt32(3), payload.get("level"), "canonical Extended JSON keeps the int32");
        assertFalse(payload.containsKey("provider"), "a custom-function payload goes verbatim");
    }

    @Test
    void customFunctionRejectionIsRejectedCredentials() {
        assertThrows(
                InvalidCredentialsException.class,
                () -> testApp.get().logIn(Credentials.function(Map.of("nobody", true))));
    }

    @Test
    void oauthProvidersLogIn() {
        assertEquals(
                Credentials.GOOGLE,
                providerOf(testApp.get().logIn(Credentials.google(new GoogleAuthCode("google-auth-code")))));
        assertEquals(
                Credentials.GOOGLE,
                providerOf(testApp.get().logIn(Credentials.google(new GoogleIdToken("google-id-token")))));
        User facebook = testApp.get().logIn(Credentials.facebook("facebook-token"));
        assertEquals(Credentials.FACEBOOK, providerOf(facebook));
        assertEquals(Optional.of("Fay"), facebook.profile().name());
        assertEquals(Credentials.APPLE, providerOf(testApp.get().logIn(Credentials.apple("apple-id-token"))));
        assertEquals(4, testApp.get().allUsers().size());
    }

    @Test
    void oauthTokensTheProviderDoesNotKnowAreRejected() {
        assertThrows(
                InvalidCredentialsException.class,
                () -> testApp.get().logIn(Credentials.google(new GoogleAuthCode("unknown"))));
        assertThrows(
                InvalidCredentialsException.class,
                () -> testApp.get().logIn(Credentials.google(new GoogleIdToken("unknown"))));
        assertThrows(InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.facebook("unknown")));
        assertThrows(InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.apple("unknown")));
    }

    @Test
    void disabledProviderIsAnAuthFailureButNotRejectedCredentials() {
        try (App bare = App.create(
                TestBackend.configuration("no-providers", EMULATOR.baseUrl()).build())) {
            AuthException e = assertThrows(AuthException.class, () -> bare.logIn(Credentials.anonymous()));

            assertFalse(e instanceof InvalidCredentialsException);
            assertEquals(ErrorCode.AUTH_PROVIDER_NOT_FOUND, e.errorCode());
            assertEquals(400, e.httpStatus().orElseThrow());
        }
    }

    @Test
    void disabledUserIsAnAuthFailure() {
        User user = testApp.get().logIn(Credentials.anonymous());
        user.logOut();
        EMULATOR.admin().disableUser(APP_ID, user.id());
        TestBackend.registerEmailUser(EMULATOR.baseUrl(), APP_ID, "dee@example.com", "s3cret-pass");
        User dee = testApp.get().logIn(Credentials.emailPassword("dee@example.com", "s3cret-pass"));
        dee.logOut();
        EMULATOR.admin().disableUser(APP_ID, dee.id());

        AuthException e = assertThrows(
                AuthException.class,
                () -> testApp.get().logIn(Credentials.emailPassword("dee@example.com", "s3cret-pass")));

        assertEquals(ErrorCode.USER_DISABLED, e.errorCode());
    }

    @Test
    void unknownAppFailsAtTheLocationRequestWithTheServerErrorCodeKept() {
        try (App unknown = App.create(
                TestBackend.configuration("nobody-knows", EMULATOR.baseUrl()).build())) {
            ServiceException e = assertThrows(ServiceException.class, () -> unknown.logIn(Credentials.anonymous()));

            assertEquals(404, e.httpStatus().orElseThrow());
            assertEquals(ErrorCode.APP_SERVER_ERROR, e.errorCode(), "AppNotFound is not a protocol error code");
            assertEquals(Optional.of("AppNotFound"), e.serverErrorCode());
            assertTrue(e.getMessage().contains("cannot find app using Client App ID 'nobody-knows'"), e.getMessage());
        }
    }

    @Test
    void asyncLoginCompletesWithTheUserOrTheSameException() throws Exception {
        User user = testApp.get()
                .logInAsync(Credentials.anonymous())
                .toCompletableFuture()
                .get();
        assertEquals(Optional.of(user), testApp.get().currentUser());

        Exception e = assertThrows(
                Exception.class,
                () -> testApp.get()
                        .logInAsync(Credentials.apiKey("not-a-key"))
                        .toCompletableFuture()
                        .get());
        assertTrue(e.getCause() instanceof InvalidCredentialsException, String.valueOf(e.getCause()));
    }

    @Test
    void tokensNeverAppearInUserOrEventTexts() {
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        testApp.get().addListener(events::add);
        User user = testApp.get().logIn(Credentials.anonymous());

        String texts =
                user + " " + events + " " + testApp.get() + " " + testApp.get().configuration();

        assertFalse(texts.contains(user.accessToken().orElseThrow()), texts);
        assertFalse(texts.contains(user.refreshToken().orElseThrow()), texts);
    }

    private static String providerOf(User user) {
        return user.identities().get(0).providerType();
    }

    private static String customJwt(String subject, String secret) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("name", "Jay")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
