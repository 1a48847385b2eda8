package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AppServicesException;
import dev.appservices.AuthEvent;
import dev.appservices.Credentials;
import dev.appservices.CredentialsCannotBeLinkedException;
import dev.appservices.ErrorCode;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.ListenerRegistration;
import dev.appservices.ServiceException;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorAdmin;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.emulator.FaultSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Identity linking, user deletion and custom user data against the emulator over HTTP. */
class UserLifecycleTest {

    private static final String APP_ID = "lifecycle-test";
    private static final String LOGIN_ROUTE = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";
    private static final String SESSION_ROUTE = "/api/client/v2.0/auth/session";

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP_ID)
                    .anonymousAuth()
                    .emailPasswordAuth(true)
                    .build()));

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    private EmulatorAdmin admin;

    @BeforeEach
    void lookUpAdmin() {
        admin = EMULATOR.admin();
    }

    @Test
    void linksEmailPasswordToAnAnonymousUserKeepingItsId() {
        Credentials email = testApp.registered("linked@example.com");
        User user = testApp.get().logIn(Credentials.anonymous(false));
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        try (ListenerRegistration registration = testApp.get().addListener(events::add)) {
            assertSame(user, user.linkCredentials(email));
        }
        assertEquals(
                List.of(Credentials.ANONYMOUS, Credentials.EMAIL_PASSWORD),
                user.identities().stream().map(UserIdentity::providerType).toList());
        assertFalse(user.isAnonymous());
        assertTrue(
                events.stream().anyMatch(event -> event.type() == AuthEvent.Type.LINKED && event.user() == user),
                events.toString());

        user.logOut();
        assertEquals(UserState.LOGGED_OUT, user.state(), "no longer anonymous, so logged out, not removed");
        assertEquals(user.id(), testApp.get().logIn(email).id());
    }

    @Test
    void refusesAnonymousCredentialsLocally() {
        User user = testApp.get().logIn(Credentials.anonymous(false));
        long logins = admin.requestCount(APP_ID, "POST", LOGIN_ROUTE);
        AppServicesException e =
                assertThrows(AppServicesException.class, () -> user.linkCredentials(Credentials.anonymous()));
        assertEquals(ErrorCode.CLIENT_USER_ALREADY_NAMED, e.errorCode());
        assertTrue(e.getMessage().startsWith("APPSVC0270: "), e.getMessage());
        assertEquals(logins, admin.requestCount(APP_ID, "POST", LOGIN_ROUTE));
    }

    @Test
    void reportsARefusedLinkWithoutRefreshingTheSession() {
        Credentials taken = testApp.registered("taken@example.com");
        testApp.get().logIn(taken);
        User other = testApp.get().logIn(Credentials.anonymous(false));
        long refreshes = admin.requestCount("POST", SESSION_ROUTE);
        CredentialsCannotBeLinkedException e =
                assertThrows(CredentialsCannotBeLinkedException.class, () -> other.linkCredentials(taken));
        assertEquals(401, e.httpStatus().orElseThrow());
        assertTrue(
                e.getMessage()
                        .startsWith("APPSVC0271: linking local-userpass credentials to user '" + other.id() + "'"),
                e.getMessage());
        assertFalse(e.getMessage().contains(AppPerTest.PASSWORD));
        assertEquals(refreshes, admin.requestCount("POST", SESSION_ROUTE), "a refused link is not retried");
        assertEquals(
                List.of(Credentials.ANONYMOUS),
                other.identities().stream().map(UserIdentity::providerType).toList());
    }

    @Test
    void refusesToLinkToALoggedOutUser() {
        Credentials email = testApp.registered("logged-out@example.com");
        User user = testApp.get().logIn(email);
        user.logOut();
        AppServicesException e = assertThrows(
                AppServicesException.class, () -> user.linkCredentials(testApp.registered("second@example.com")));
        assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, e.errorCode());
    }

    @Test
    void deletesTheUserOnTheServerAndLocally() {
        Credentials email = testApp.registered("deleted@example.com");
        User user = testApp.get().logIn(email);
        String id = user.id();
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        try (ListenerRegistration registration = testApp.get().addListener(events::add)) {
            testApp.get().deleteUser(user);
        }
        assertEquals(UserState.REMOVED, user.state());
        assertFalse(testApp.get().allUsers().containsKey(id));
        assertTrue(
                events.stream().anyMatch(event -> event.type() == AuthEvent.Type.DELETED && event.user() == user),
                events.toString());
        assertTrue(admin.users(APP_ID).stream().noneMatch(info -> info.id().equals(id)));
        assertThrows(InvalidCredentialsException.class, () -> testApp.get().logIn(email));
    }

    @Test
    void keepsTheUserWhenTheServerRefusesTheDeletion() {
        User user = testApp.get().logIn(testApp.registered("kept@example.com"));
        admin.injectFault(FaultSpec.onPath("/api/client/v2.0/auth/delete")
                .times(1)
                .error(500, "InternalServerError", "try again"));
        ServiceException e =
                assertThrows(ServiceException.class, () -> testApp.get().deleteUser(user));
        assertEquals(500, e.httpStatus().orElseThrow());
        assertEquals(UserState.LOGGED_IN, user.state());
        assertTrue(testApp.get().allUsers().containsKey(user.id()));

        testApp.get().deleteUserAsync(user).toCompletableFuture().join();
        assertEquals(UserState.REMOVED, user.state());
    }

    @Test
    void refusesToDeleteALoggedOutUser() {
        User user = testApp.get().logIn(testApp.registered("not-deleted@example.com"));
        user.logOut();
        AppServicesException e =
                assertThrows(AppServicesException.class, () -> testApp.get().deleteUser(user));
        assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, e.errorCode());
        assertEquals(UserState.LOGGED_OUT, user.state());
    }

    @Test
    void showsChangedCustomDataAfterRefreshCustomData() {
        User user = testApp.get().logIn(testApp.registered("custom@example.com"));
        assertEquals(new Document(), user.customData());

        admin.setCustomData(APP_ID, user.id(), BsonDocument.parse("{\"plan\": \"gold\", \"seats\": 3}"));
        assertEquals(new Document(), user.customData(), "the access token still carries the old data");
        Document refreshed = user.refreshCustomData();
        assertEquals(new Document("plan", "gold").append("seats", 3), refreshed);
        assertEquals(refreshed, user.customData());

        admin.setCustomData(APP_ID, user.id(), BsonDocument.parse("{\"plan\": \"silver\"}"));
        assertEquals(
                new Document("plan", "silver"),
                user.refreshCustomDataAsync().toCompletableFuture().join());
    }
}
