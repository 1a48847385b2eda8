package dev.appservices.extension.internal.client;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.Credentials;
import dev.appservices.emulator.EmulatorExtension;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives each test a fresh {@link App} on one app of the class's emulator (configured by
 * {@link TestBackend#configuration}) and closes it after the test, so that no state of the client outlives a test.
 * Register it on an instance field after the static {@link EmulatorExtension}, whose emulator must be running:
 * <pre>{@code
 * @RegisterExtension
 * final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);
 * }</pre>
 * The App is closed after the class's {@code @AfterEach} methods have run. Used from the JUnit thread of its test.
 */
public final class AppPerTest implements BeforeEachCallback, AfterEachCallback {

    /** The password of the users {@link #registered} makes. */
    public static final String PASSWORD = "secret-1";

    private final EmulatorExtension emulator;
    private final String appId;
    private final UnaryOperator<AppConfiguration.Builder> adjustment;
    private App app;

    private AppPerTest(EmulatorExtension emulator, String appId, UnaryOperator<AppConfiguration.Builder> adjustment) {
        this.emulator = Objects.requireNonNull(emulator, "emulator");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.adjustment = adjustment;
    }

    /** An App per test on {@code appId} with the configuration of {@link TestBackend#configuration}. */
    public static AppPerTest on(EmulatorExtension emulator, String appId) {
        return new AppPerTest(emulator, appId, UnaryOperator.identity());
    }

    /** The same with that configuration changed by {@code adjustment} (a shorter timeout, for instance). */
    public static AppPerTest on(
            EmulatorExtension emulator, String appId, UnaryOperator<AppConfiguration.Builder> adjustment) {
        return new AppPerTest(emulator, appId, Objects.requireNonNull(adjustment, "adjustment"));
    }

    /** The App of the running test. */
    public App get() {
        if (app == null) {
            throw new IllegalStateException("no test is running");
        }
        return app;
    }

    /**
     * Closes the test's App and gives the test another one, whose configuration {@code change} changes further:
     * while an App of the id is open, {@code App.create} returns that App and ignores the new configuration.
     */
    public App reopen(UnaryOperator<AppConfiguration.Builder> change) {
        get().close();
        app = App.create(change.apply(configuration()).build());
        return app;
    }

    /** Registers {@code email} with the App's own email/password client; the app must auto-confirm. */
    public Credentials registered(String email) {
        get().emailPasswordAuth().registerUser(email, PASSWORD);
        return Credentials.emailPassword(email, PASSWORD);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        app = App.create(configuration().build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        App closing = app;
        app = null;
        if (closing != null) {
            closing.close();
        }
    }

    /** The configuration of {@link TestBackend#configuration} for the app, with this fixture's adjustment. */
    private AppConfiguration.Builder configuration() {
        return adjustment.apply(TestBackend.configuration(appId, emulator.baseUrl()));
    }
}
