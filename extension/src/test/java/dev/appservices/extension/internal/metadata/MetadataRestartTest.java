package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.Credentials;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserProfile;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An application restart with each persisted mode: a new App over the same metadata directory brings back its users
 * while the backend is down, so without any network call (one would fail: nothing listens any more).
 */
class MetadataRestartTest {

    private static final String APP_ID = "restart";

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(
            value = MetadataMode.class,
            names = {"NO_ENCRYPTION", "ENCRYPTION"})
    void usersComeBackWithTheBackendStopped(MetadataMode mode) {
        MetadataConfiguration.Builder metadata =
                MetadataConfiguration.builder().mode(mode).directory(root);
        if (mode == MetadataMode.ENCRYPTION) {
            metadata.encryptionKey(MetadataFixtures.rawKey(3));
        }
        String anaId;
        Optional<String> accessToken;
        Optional<String> refreshToken;
        Optional<String> deviceId;
        UserProfile anaProfile;
        List<UserIdentity> anaIdentities;
        String removedId;
        AppConfiguration configuration;
        try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                .port(0)
                .app(AppDefinition.builder(APP_ID)
                        .anonymousAuth()
                        .customFunctionAuth("authenticate")
                        .build())
                .function(APP_ID, "authenticate", (context, arguments) -> {
                    BsonDocument payload = arguments.get(0).asDocument();
                    return new BsonDocument("id", payload.get("username")).append("name", payload.get("username"));
                })
                .start()) {
            configuration = AppConfiguration.builder(APP_ID)
                    .baseUrl(emulator.baseUrl())
                    .timeout(Duration.ofSeconds(10))
                    .metadata(metadata.build())
                    .build();
            try (App app = App.create(configuration)) {
                User ana = app.logIn(Credentials.function(Map.of("username", "ana")));
                app.logIn(Credentials.function(Map.of("username", "bob"))).logOut();
                User anonymous = app.logIn(Credentials.anonymous());
                removedId = anonymous.id();
                app.removeUser(anonymous);
                app.switchUser(ana);
                assertEquals(Optional.of("ana"), ana.profile().name());
                // kept before the App closes: a closed App's users answer nothing
                anaId = ana.id();
                accessToken = ana.accessToken();
                refreshToken = ana.refreshToken();
                deviceId = ana.deviceId();
                anaProfile = ana.profile();
                anaIdentities = ana.identities();
            }
        }

        try (App app = App.create(configuration)) {
            User current = app.currentUser().orElseThrow(() -> new AssertionError("no current user after restart"));
            assertEquals(anaId, current.id());
            assertEquals(UserState.LOGGED_IN, current.state());
            assertTrue(accessToken.isPresent() && refreshToken.isPresent() && deviceId.isPresent());
            assertEquals(accessToken, current.accessToken());
            assertEquals(refreshToken, current.refreshToken());
            assertEquals(deviceId, current.deviceId());
            UserProfile profile = current.profile();
            assertEquals(Optional.of("ana"), profile.name());
            assertEquals(anaProfile, profile);
            List<UserIdentity> identities = current.identities();
            assertEquals(anaIdentities, identities);
            assertEquals(Credentials.FUNCTION, identities.get(0).providerType());

            Map<String, User> all = app.allUsers();
            assertEquals(2, all.size(), all.keySet().toString());
            assertFalse(all.containsKey(removedId), "a removed user came back");
            User bob = all.values().stream()
                    .filter(user -> !user.id().equals(anaId))
                    .findFirst()
                    .orElseThrow();
            assertEquals(UserState.LOGGED_OUT, bob.state());
            assertEquals(Optional.empty(), bob.accessToken());
            assertEquals(Optional.empty(), bob.refreshToken());
        }
    }
}
