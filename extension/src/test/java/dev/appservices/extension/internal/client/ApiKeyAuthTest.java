package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.ApiKey;
import dev.appservices.ApiKeyAuth;
import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.ListenerRegistration;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User API keys against the emulator over HTTP: the lifecycle, logins with keys, and refused refresh tokens. */
class ApiKeyAuthTest {

    private static final String APP_ID = "api-keys-test";
    private static final String API_KEYS_ROUTE = "/api/client/v2.0/auth/api_keys";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
            AppDefinition.builder(APP_ID).emailPasswordAuth(true).apiKeyAuth().build()));

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    private User newUser(String email) {
        return testApp.get().logIn(testApp.registered(email));
    }

    @Test
    void createsFetchesDisablesEnablesAndDeletesAKey() {
        User user = newUser("keys@example.com");
        ApiKeyAuth keys = user.apiKeys();

        ApiKey created = keys.create("laptop");
        assertTrue(ObjectId.isValid(created.id()), created.id());
        assertEquals("laptop", created.name());
        assertFalse(created.disabled());
        String secret = created.key().orElseThrow();
        assertFalse(created.toString().contains(secret));

        ApiKey fetched = keys.fetch(created.id());
        assertEquals(new ApiKey(created.id(), "laptop", Optional.empty(), false), fetched);
        assertEquals(List.of(fetched), keys.fetchAll());
        assertEquals(user.id(), testApp.get().logIn(Credentials.apiKey(secret)).id(), "the key logs in its owner");

        keys.disable(created.id());
        assertTrue(keys.fetch(created.id()).disabled());
        assertThrows(InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.apiKey(secret)));

        keys.enable(created.id());
        assertFalse(keys.fetch(created.id()).disabled());
        assertEquals(user.id(), testApp.get().logIn(Credentials.apiKey(secret)).id());

        keys.delete(created.id());
        ServiceException missing = assertThrows(ServiceException.class, () -> keys.fetch(created.id()));
        assertEquals(ErrorCode.API_KEY_NOT_FOUND, missing.errorCode());
        assertEquals(List.of(), keys.fetchAll());
        assertThrows(InvalidCredentialsException.class, () -> testApp.get().logIn(Credentials.apiKey(secret)));
    }

    @Test
    void refusesAnInvalidName() {
        ServiceException e = assertThrows(
                ServiceException.class,
                () -> newUser("names@example.com").apiKeys().create("not allowed!"));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.errorCode());
    }

    @Test
    void refusesAMalformedIdBeforeAnyRequest() {
        ApiKeyAuth keys = newUser("ids@example.com").apiKeys();
        long before = EMULATOR.admin().requestCount("GET", API_KEYS_ROUTE + "/{keyId}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> keys.fetch("../profile"));
        assertTrue(
                e.getMessage()
                        .startsWith("APPSVC0260: API key id '../profile' is not a 24-digit hexadecimal " + "ObjectId"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> keys.deleteAsync("xyz"));
        assertEquals(before, EMULATOR.admin().requestCount("GET", API_KEYS_ROUTE + "/{keyId}"));
    }

    @Test
    void logsTheUserOutWhenTheServerRefusesItsRefreshToken() {
        User user = newUser("revoked@example.com");
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        try (ListenerRegistration registration = testApp.get().addListener(events::add)) {
            EMULATOR.admin().logoutUser(APP_ID, user.id());
            AppServicesException e = assertThrows(
                    AppServicesException.class, () -> user.apiKeys().fetchAll());
            assertEquals(401, e.httpStatus().orElseThrow());
        }
        assertEquals(UserState.LOGGED_OUT, user.state());
        assertTrue(
                events.stream()
                        .anyMatch(event -> event.type() == AuthEvent.Type.LOGGED_OUT
                                && event.user().id().equals(user.id())),
                events.toString());

        AppServicesException loggedOut =
                assertThrows(AppServicesException.class, () -> user.apiKeys().create("x"));
        assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, loggedOut.errorCode());
    }

    @Test
    void hasAsynchronousTwins() {
        ApiKeyAuth keys = newUser("async-keys@example.com").apiKeys();
        ApiKey created = keys.createAsync("server").toCompletableFuture().join();
        assertTrue(created.key().isPresent());
        keys.disableAsync(created.id()).toCompletableFuture().join();
        assertTrue(keys.fetchAsync(created.id()).toCompletableFuture().join().disabled());
        keys.enableAsync(created.id()).toCompletableFuture().join();
        assertEquals(1, keys.fetchAllAsync().toCompletableFuture().join().size());
        keys.deleteAsync(created.id()).toCompletableFuture().join();
        assertEquals(List.of(), keys.fetchAll());
    }
}
