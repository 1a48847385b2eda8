package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.PasswordHasher;
import dev.appservices.emulator.internal.state.Records.ApiKey;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * {@code api-key} login: {@code key} is a user API key (logs in its owner) or a server API key from the
 * configuration (logs in the key's server user). Unknown, disabled and deleted keys get 401 {@code AuthError}.
 */
final class ApiKeyAuthenticator implements Authenticator {

    static final String TYPE = "api-key";

    private final AppSettings.ApiKeys settings;

    ApiKeyAuthenticator(AppSettings.ApiKeys settings) {
        this.settings = settings;
    }

    @Override
    public Credential authenticate(EmulatedApp app, BsonDocument body) {
        String key = Fields.requiredString(body, "key");
        String hash = PasswordHasher.keyHash(key);
        Optional<ApiKey> userKey = app.state().apiKeyByHash(hash);
        if (userKey.isPresent()) {
            if (userKey.get().disabled()) {
                throw ServiceError.unauthorized();
            }
            Identity identity = new Identity(
                    userKey.get().id(),
                    TYPE,
                    app.providerId(TYPE),
                    Map.of("name", userKey.get().name()));
            return new Credential(identity, Optional.of(userKey.get().userId()), AppState.NORMAL_USER);
        }
        byte[] presented = hash.getBytes(StandardCharsets.US_ASCII);
        for (AppSettings.ServerKey serverKey : settings.serverKeys()) {
            byte[] expected = PasswordHasher.keyHash(serverKey.key()).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(presented, expected)) {
                String identityId = PasswordHasher.keyHash(app.id() + "/server-key/" + serverKey.name())
                        .substring(0, 24);
                Identity identity =
                        new Identity(identityId, TYPE, app.providerId(TYPE), Map.of("name", serverKey.name()));
                return new Credential(identity, Optional.empty(), AppState.SERVER_USER);
            }
        }
        throw ServiceError.unauthorized();
    }
}
