package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.PasswordHasher;
import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * {@code local-userpass} login: {@code username} and {@code password}. An unknown email and a wrong password both
 * get 401 {@code InvalidPassword}; an unconfirmed account gets 401 {@code AuthError} "unauthorized", as the service.
 */
final class UserpassAuthenticator implements Authenticator {

    static final String TYPE = "local-userpass";

    @Override
    public Credential authenticate(EmulatedApp app, BsonDocument body) {
        String username = Fields.requiredString(body, "username");
        String password = Fields.requiredString(body, "password");
        Account account = app.state()
                .account(username)
                .filter(candidate -> PasswordHasher.matches(password, candidate.passwordHash()))
                .orElseThrow(ServiceError::invalidPassword);
        if (!account.confirmed()) {
            throw ServiceError.unauthorized();
        }
        Identity identity = new Identity(account.id(), TYPE, app.providerId(TYPE), Map.of("email", username));
        return new Credential(identity, Optional.empty(), AppState.NORMAL_USER);
    }
}
