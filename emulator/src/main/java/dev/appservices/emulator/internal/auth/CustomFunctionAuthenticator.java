package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code custom-function} login: the body without {@code options} is the payload handed to the app's
 * authentication function, which returns the external user id (a string, or a document with {@code id} whose other
 * string fields become profile fields). A failing function or an unusable result gets 401 {@code AuthError}.
 */
final class CustomFunctionAuthenticator implements Authenticator {

    static final String TYPE = "custom-function";

    private final String functionName;

    CustomFunctionAuthenticator(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public Credential authenticate(EmulatedApp app, BsonDocument body) {
        BsonDocument payload = body.clone();
        payload.remove("options");
        BsonValue result;
        try {
            result = app.invokeHook(functionName, new BsonArray(List.of(payload)));
        } catch (ServiceError e) {
            throw ServiceError.authError(e.getMessage());
        }
        Map<String, String> profile = new LinkedHashMap<>();
        Optional<String> id = Optional.empty();
        if (result.isString()) {
            id = Optional.of(result.asString().getValue());
        } else if (result.isDocument()) {
            BsonDocument document = result.asDocument();
            id = Optional.ofNullable(document.get("id"))
                    .filter(BsonValue::isString)
                    .map(value -> value.asString().getValue());
            document.forEach((key, value) -> {
                if (!"id".equals(key) && value.isString()) {
                    profile.put(key, value.asString().getValue());
                }
            });
        }
        String externalId = id.filter(value -> !value.isBlank())
                .orElseThrow(() -> ServiceError.authError(Messages.authFunctionResult(functionName)));
        Identity identity = new Identity(externalId, TYPE, app.providerId(TYPE), profile);
        return new Credential(identity, Optional.empty(), AppState.NORMAL_USER);
    }
}
