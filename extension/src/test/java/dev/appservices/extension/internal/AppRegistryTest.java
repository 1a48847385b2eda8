package dev.appservices.extension.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesConfigException;
import dev.appservices.AppServicesException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.TestConfigSource;
import dev.appservices.extension.internal.client.TestBackend;
import dev.appservices.extension.testing.LogCapture;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The App cache (design.md §4) through the API's static factories, against the emulator. */
class AppRegistryTest {

    private static final String LOGIN_ROUTE = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";
    private static final String LOCATION_ROUTE = "/api/client/v2.0/app/{appId}/location";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.app(
                    AppDefinition.builder("cache").anonymousAuth().build())
            .app(AppDefinition.builder("moving").anonymousAuth().build())
            .app(AppDefinition.builder("configured").anonymousAuth().build()));

    @AfterEach
    void closeEverything() {
        for (String id : List.of("cache", "moving", "configured")) {
            try {
                App.getApp(id).close();
            } catch (AppServicesConfigException e) {
                // not open
            }
        }
        TestConfigSource.reset();
    }

    @Test
    void everyFactoryReturnsTheSameAppForAnId() {
        App app = App.create(configuration("cache").build());

        assertSame(app, App.create(configuration("cache").build()));
        assertSame(app, App.getApp("cache"));
        assertSame(app, App.create("cache"));
    }

    @Test
    void differingSettingsAreIgnoredWithOneWarningThatNamesThemWithoutValues() {
        App app = App.create(configuration("cache")
                .header("X-Proxy-Key", "first-secret-value")
                .build());
        AppConfiguration differing = configuration("cache")
                .header("X-Proxy-Key", "second-secret-value")
                .timeout(Duration.ofSeconds(3))
                .appName("other")
                .build();

        try (LogCapture log = new LogCapture()) {
            assertSame(app, App.create(differing));
            App.create(app.configuration());

            List<String> warnings =
                    log.lines().stream().filter(r -> r.contains("APPSVC0201")).toList();
            assertEquals(1, warnings.size(), log.all());
            String warning = warnings.get(0);
            assertTrue(
                    warning.contains("timeout") && warning.contains("headers") && warning.contains("appName"), warning);
            assertFalse(warning.contains("metadata") || warning.contains("skipLocation"), warning);
            assertFalse(log.all().contains("secret-value"), log.all());
        }
        assertEquals(TestBackend.TIMEOUT, app.configuration().timeout());
        assertEquals(Optional.empty(), app.configuration().appName());
    }

    @Test
    void aDifferentBaseUrlTakesEffectAndTheLocationIsDiscoveredThere() {
        try (AppServicesEmulator second = AppServicesEmulator.builder()
                .app(AppDefinition.builder("moving").anonymousAuth().build())
                .start()) {
            App app = App.create(configuration("moving").build());
            app.logIn(Credentials.anonymous(false));

            App same = App.create(
                    TestBackend.configuration("moving", second.baseUrl()).build());
            app.logIn(Credentials.anonymous(false));

            assertSame(app, same);
            assertEquals(second.baseUrl(), app.baseUrl());
            assertEquals(1, second.admin().requestCount("moving", "POST", LOGIN_ROUTE));
            assertEquals(1, second.admin().requestCount("moving", "GET", LOCATION_ROUTE));
            assertEquals(1, EMULATOR.admin().requestCount("moving", "POST", LOGIN_ROUTE));
        }
    }

    @Test
    void getAppOfAnUnknownIdNamesTheIdAndHowToConfigureIt() {
        AppServicesConfigException e = assertThrows(AppServicesConfigException.class, () -> App.getApp("nobody"));

        assertTrue(e.getMessage().startsWith("APPSVC0200: "), e.getMessage());
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
        assertEquals(Optional.of("appservices.nobody.base-url"), e.propertyName());
        assertEquals(Optional.of("nobody"), e.appId());
    }

    @Test
    void getAppCreatesAnAppThatOnlyConfigurationKnows() {
        TestConfigSource.set(
                "appservices.configured.base-url", EMULATOR.baseUrl().toString());
        TestConfigSource.set("appservices.configured.metadata.mode", "in-memory");

        App app = App.getApp("configured");
        User user = app.logIn(Credentials.anonymous());

        assertEquals(EMULATOR.baseUrl(), app.baseUrl());
        assertTrue(user.isLoggedIn());
        assertSame(app, App.getApp("configured"));
    }

    @Test
    void malformedIdsAreRejectedWithTheApiMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> App.getApp("Not An Id"));

        assertTrue(e.getMessage().startsWith("APPSVC0100: "), e.getMessage());
    }

    @Test
    void closingRemovesTheAppAndLaterCallsFailClearly() {
        App app = App.create(configuration("cache").build());
        User user = app.logIn(Credentials.anonymous());

        app.close();
        app.close();

        assertThrows(AppServicesConfigException.class, () -> App.getApp("cache"));
        AppServicesException login = assertThrows(AppServicesException.class, () -> app.logIn(Credentials.anonymous()));
        assertEquals(ErrorCode.CLIENT_APP_CLOSED, login.errorCode());
        assertTrue(login.getMessage().startsWith("APPSVC0202: "), login.getMessage());
        assertEquals(
                ErrorCode.CLIENT_APP_CLOSED,
                assertThrows(AppServicesException.class, app::currentUser).errorCode());
        assertEquals(
                ErrorCode.CLIENT_APP_CLOSED,
                assertThrows(AppServicesException.class, user::accessToken).errorCode());
        ExecutionException async = assertThrows(
                ExecutionException.class,
                () -> app.logInAsync(Credentials.anonymous())
                        .toCompletableFuture()
                        .get());
        assertEquals(ErrorCode.CLIENT_APP_CLOSED, ((AppServicesException) async.getCause()).errorCode());
        assertTrue(user.toString().contains(user.id()));
        assertNotSame(app, App.create(configuration("cache").build()));
    }

    @Test
    void closingStopsTheAppsThreads() throws Exception {
        App app = App.create(configuration("cache").build());
        app.logInAsync(Credentials.anonymous()).toCompletableFuture().get();
        assertTrue(appThreads("cache") > 0);

        app.close();

        await("the App's threads end")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> appThreads("cache") == 0);
    }

    @Test
    void eachApplicationClassLoaderHasItsOwnApps() throws Exception {
        App outer = App.create(configuration("cache").build());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[0], previous)) {
            thread.setContextClassLoader(application);
            App inner = App.create(configuration("cache").build());
            try {
                assertNotSame(outer, inner);
                assertSame(inner, App.getApp("cache"));
            } finally {
                inner.close();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertSame(outer, App.getApp("cache"));
    }

    @Test
    void anApplicationsAppIsFoundByItsClassLoaderWhateverTheContextClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[0], previous)) {
            thread.setContextClassLoader(application);
            App inner = App.create(configuration("cache").build());
            thread.setContextClassLoader(previous);
            try {
                assertSame(inner, AppRegistry.create(application, "cache"));
                assertEquals(List.of(inner), AppRegistry.appsOf(application));
                assertTrue(AppRegistry.appsOf(previous).isEmpty());
            } finally {
                inner.close();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static long appThreads(String appId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("appservices-" + appId + "-") && thread.isAlive())
                .count();
    }

    private static AppConfiguration.Builder configuration(String appId) {
        URI baseUrl = EMULATOR.baseUrl();
        return TestBackend.configuration(appId, baseUrl);
    }
}
