package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * {@code oauth2-google} ({@code authCode} or {@code id_token}), {@code oauth2-facebook} ({@code accessToken}) and
 * {@code oauth2-apple} ({@code id_token}) login. The emulator cannot reach the identity providers, so it accepts
 * exactly the tokens its configuration declares as trusted; any other token gets 401 {@code AuthError}.
 */
final class OAuthAuthenticator implements Authenticator {

    private final String type;
    private final List<String> tokenFields;
    private final AppSettings.OAuth settings;

    OAuthAuthenticator(String type, AppSettings.OAuth settings) {
        this.type = type;
        this.tokenFields = switch (type) {
            case "oauth2-google" -> List.of("authCode", "id_token");
            case "oauth2-facebook" -> List.of("accessToken");
            default -> List.of("id_token");
        };
        this.settings = settings;
    }

    @Override
    public Credential authenticate(EmulatedApp app, BsonDocument body) {
        String token = tokenFields.stream()
                .map(field -> Fields.optionalString(body, field))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ServiceError(
                        400, "MissingParameter", Messages.missingField(String.join("' or '", tokenFields))));
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        AppSettings.TrustedToken trusted = settings.trustedTokens().stream()
                .filter(candidate ->
                        MessageDigest.isEqual(presented, candidate.token().getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow(ServiceError::unauthorized);
        Identity identity = new Identity(trusted.id(), type, app.providerId(type), trusted.profile());
        return new Credential(identity, Optional.empty(), AppState.NORMAL_USER);
    }
}
