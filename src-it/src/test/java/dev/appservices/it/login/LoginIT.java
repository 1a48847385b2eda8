package dev.appservices.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.FunctionException;
import dev.appservices.InvalidCredentialsException;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logging in and calling functions from inside the server: email/password and anonymous users, profile, identities
 * and custom user data from the access token, blocking and asynchronous function calls with BSON values and
 * records, typed failures, logging out.
 */
@ExtendWith(ArquillianExtension.class)
class LoginIT {

    private static final String PASSWORD = "s3cret-Pa55";

    @Inject
    @AppServices(id = "shop")
    App shop;

    @Deployment
    static WebArchive deployment() {
        AppDefinition shop = AppDefinition.builder("shop")
                .anonymousAuth()
                .emailPasswordAuth(true)
                .defaultCustomData(new BsonDocument("plan", new BsonString("free")))
                .build();
        return Deployments.appWar(
                "login",
                Map.of(
                        "appservices.shop.base-url",
                        Backends.start("login", shop).toString()),
                Order.class);
    }

    @Test
    void emailPasswordUserLogsInAndCallsAFunction() {
        String email = "ana+" + UUID.randomUUID() + "@example.com";
        shop.emailPasswordAuth().registerUser(email, PASSWORD);

        User user = shop.logIn(Credentials.emailPassword(email, PASSWORD));

        assertTrue(user.isLoggedIn());
        assertEquals(Optional.of(user.id()), shop.currentUser().map(User::id));
        assertEquals(Optional.of(email), user.profile().email());
        assertEquals(
                List.of("local-userpass"),
                user.identities().stream().map(UserIdentity::providerType).toList());
        assertEquals(new Document("plan", "free"), user.customData());
        assertEquals(3L, user.functions().call("sum", Long.class, 1, 2));
    }

    @Test
    void anonymousUserCallsFunctionsWithRecordsAndAsynchronously() throws Exception {
        User user = shop.logIn(Credentials.anonymous(false));

        assertTrue(user.isAnonymous());
        assertEquals(new Order("A-17", 3), user.functions().call("echo", Order.class, new Order("A-17", 3)));
        Document whoami = user.functions().call("whoami", Document.class);
        assertEquals(user.id(), whoami.getString("id"));
        long sum = user.functions()
                .callAsync("sum", Long.class, 3, 4)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(7L, sum);
    }

    @Test
    void failuresAreTyped() {
        String email = "bo+" + UUID.randomUUID() + "@example.com";
        shop.emailPasswordAuth().registerUser(email, PASSWORD);

        InvalidCredentialsException wrongPassword = assertThrows(
                InvalidCredentialsException.class,
                () -> shop.logIn(Credentials.emailPassword(email, "not-" + PASSWORD)));
        assertEquals(ErrorCode.INVALID_PASSWORD, wrongPassword.errorCode());

        User user = shop.logIn(Credentials.emailPassword(email, PASSWORD));
        FunctionException unknown =
                assertThrows(FunctionException.class, () -> user.functions().call("noSuchFunction", String.class));
        assertEquals(ErrorCode.FUNCTION_NOT_FOUND, unknown.errorCode());
    }

    @Test
    void loggedOutUserIsNoLongerCurrent() {
        String email = "cy+" + UUID.randomUUID() + "@example.com";
        shop.emailPasswordAuth().registerUser(email, PASSWORD);
        User user = shop.logIn(Credentials.emailPassword(email, PASSWORD));

        user.logOut();

        assertEquals(UserState.LOGGED_OUT, user.state());
        assertFalse(user.isLoggedIn());
        assertFalse(shop.currentUser().map(User::id).filter(user.id()::equals).isPresent());
    }
}
