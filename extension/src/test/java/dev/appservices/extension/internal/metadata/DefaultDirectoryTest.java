package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.Credentials;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An App configured with nothing about its metadata keeps its users in files under {@code ${user.home}/.appservices}.
 * The build runs the tests with a {@code user.home} of their own in the build directory (parent pom, surefire and
 * failsafe), so no test touches the home of whoever runs the build, and two builds never share a store's file lock:
 * this test checks that first, and writes nothing if it does not hold.
 */
class DefaultDirectoryTest {

    private static final String APP_ID = "default-directory";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(
            builder -> builder.app(AppDefinition.builder(APP_ID).anonymousAuth().build()));

    @Test
    void theDefaultStoreIsAFileInTheBuildsOwnUserHome() {
        Path home = Path.of(System.getProperty("user.home"));
        assertTrue(
                home.endsWith(Path.of("target", "user-home")),
                "tests must run with the build's own user.home (target/user-home), not " + home);
        AppConfiguration defaults = AppConfiguration.builder(APP_ID)
                .baseUrl(EMULATOR.baseUrl())
                .timeout(TestBackend.TIMEOUT)
                .build();

        String userId;
        try (App app = App.create(defaults)) {
            userId = app.logIn(Credentials.anonymous(false)).id();
        }

        assertTrue(
                Files.isRegularFile(home.resolve(".appservices").resolve(APP_ID).resolve("metadata.json")));
        try (App restarted = App.create(defaults)) {
            assertTrue(restarted.allUsers().containsKey(userId), "the user is read back from the file");
        }
    }
}
