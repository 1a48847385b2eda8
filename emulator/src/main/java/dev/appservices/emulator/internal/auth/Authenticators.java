package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * The authenticators of one app's enabled providers, built at start-up so that configuration problems (bad
 * custom-token keys) surface before the first request. Immutable.
 */
final class Authenticators {

    private final Map<String, Authenticator> byType;

    private Authenticators(Map<String, Authenticator> byType) {
        this.byType = Map.copyOf(byType);
    }

    static Authenticators forApp(EmulatedApp app, Clock clock) {
        Map<String, Authenticator> byType = new HashMap<>();
        app.settings().providers().forEach((type, provider) -> byType.put(type, create(app, type, provider, clock)));
        return new Authenticators(byType);
    }

    Optional<Authenticator> find(String providerType) {
        return Optional.ofNullable(byType.get(providerType));
    }

    private static Authenticator create(EmulatedApp app, String type, AppSettings.Provider provider, Clock clock) {
        if (provider instanceof AppSettings.Userpass) {
            return new UserpassAuthenticator();
        }
        if (provider instanceof AppSettings.ApiKeys keys) {
            return new ApiKeyAuthenticator(keys);
        }
        if (provider instanceof AppSettings.CustomToken token) {
            return new CustomTokenAuthenticator(app.id(), token, clock);
        }
        if (provider instanceof AppSettings.CustomFunction function) {
            return new CustomFunctionAuthenticator(function.functionName());
        }
        if (provider instanceof AppSettings.OAuth oauth) {
            return new OAuthAuthenticator(type, oauth);
        }
        if (provider instanceof AppSettings.Anonymous) {
            return (target, body) -> new Credential(
                    new Identity(
                            new ObjectId().toHexString(),
                            Identity.ANONYMOUS,
                            target.providerId(Identity.ANONYMOUS),
                            Map.of()),
                    Optional.empty(),
                    AppState.NORMAL_USER,
                    true);
        }
        throw new IllegalStateException("provider " + type + " of app " + app.id() + " has no authenticator");
    }
}
