package dev.appservices.extension.internal.client;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.BsonString;

import dev.appservices.EmailPasswordAuth;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import dev.appservices.extension.internal.client.rest.EmailBody;
import dev.appservices.extension.internal.client.rest.EmailPasswordBody;
import dev.appservices.extension.internal.client.rest.ResetPasswordBody;
import dev.appservices.extension.internal.client.rest.TokenPairBody;

/**
 * The {@link EmailPasswordAuth} of an App (protocol.md §6): the seven {@code local-userpass} endpoints, sent through
 * {@link BackendRequests} (location first, redirects, error mapping) without any token. The extra arguments of
 * {@link #callResetPasswordFunction} are encoded with the default codecs of {@link ExtendedJsonCodec}. Immutable and
 * thread-safe; created on demand by {@link DefaultApp#emailPasswordAuth()}.
 */
final class DefaultEmailPasswordAuth implements EmailPasswordAuth {

    private static final ExtendedJsonCodec CODEC = new ExtendedJsonCodec(ExtendedJsonCodec.DEFAULT_REGISTRY);

    private final DefaultApp app;
    private final String path;

    DefaultEmailPasswordAuth(DefaultApp app) {
        this.app = app;
        this.path = "POST /api/client/v2.0/app/" + app.id() + "/auth/providers/local-userpass/";
    }

    @Override
    public void registerUser(String email, String password) {
        EmailPasswordBody body = new EmailPasswordBody(Objects.requireNonNull(email, "email"),
                Objects.requireNonNull(password, "password"));
        send("register", api -> api.registerUser(app.id(), body));
    }

    @Override
    public CompletionStage<Void> registerUserAsync(String email, String password) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        return async(() -> registerUser(email, password));
    }

    @Override
    public void confirmUser(String token, String tokenId) {
        TokenPairBody body = new TokenPairBody(Objects.requireNonNull(token, "token"),
                Objects.requireNonNull(tokenId, "tokenId"));
        send("confirm", api -> api.confirmUser(app.id(), body));
    }

    @Override
    public CompletionStage<Void> confirmUserAsync(String token, String tokenId) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenId, "tokenId");
        return async(() -> confirmUser(token, tokenId));
    }

    @Override
    public void resendConfirmationEmail(String email) {
        EmailBody body = new EmailBody(Objects.requireNonNull(email, "email"));
        send("confirm/send", api -> api.resendConfirmationEmail(app.id(), body));
    }

    @Override
    public CompletionStage<Void> resendConfirmationEmailAsync(String email) {
        Objects.requireNonNull(email, "email");
        return async(() -> resendConfirmationEmail(email));
    }

    @Override
    public void retryCustomConfirmation(String email) {
        EmailBody body = new EmailBody(Objects.requireNonNull(email, "email"));
        send("confirm/call", api -> api.retryCustomConfirmation(app.id(), body));
    }

    @Override
    public CompletionStage<Void> retryCustomConfirmationAsync(String email) {
        Objects.requireNonNull(email, "email");
        return async(() -> retryCustomConfirmation(email));
    }

    @Override
    public void sendResetPasswordEmail(String email) {
        EmailBody body = new EmailBody(Objects.requireNonNull(email, "email"));
        send("reset/send", api -> api.sendResetPasswordEmail(app.id(), body));
    }

    @Override
    public CompletionStage<Void> sendResetPasswordEmailAsync(String email) {
        Objects.requireNonNull(email, "email");
        return async(() -> sendResetPasswordEmail(email));
    }

    @Override
    public void resetPassword(String token, String tokenId, String password) {
        ResetPasswordBody body = new ResetPasswordBody(Objects.requireNonNull(password, "password"),
                Objects.requireNonNull(token, "token"), Objects.requireNonNull(tokenId, "tokenId"));
        send("reset", api -> api.resetPassword(app.id(), body));
    }

    @Override
    public CompletionStage<Void> resetPasswordAsync(String token, String tokenId, String password) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(password, "password");
        return async(() -> resetPassword(token, tokenId, password));
    }

    @Override
    public void callResetPasswordFunction(String email, String password, Object... args) {
        BsonDocument body = new BsonDocument("email", new BsonString(Objects.requireNonNull(email, "email")))
                .append("password", new BsonString(Objects.requireNonNull(password, "password")))
                .append("arguments", CODEC.encodeArguments(Objects.requireNonNull(args, "args")));
        send("reset/call", api -> api.callResetPasswordFunction(app.id(), body));
    }

    @Override
    public CompletionStage<Void> callResetPasswordFunctionAsync(String email, String password, Object... args) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Object[] arguments = Objects.requireNonNull(args, "args").clone();
        return async(() -> callResetPasswordFunction(email, password, arguments));
    }

    @Override
    public String toString() {
        return "EmailPasswordAuth[appId=" + app.id() + "]";
    }

    private void send(String operation, Consumer<AppServicesApi> call) {
        app.requests().send(path + operation, api -> {
            call.accept(api);
            return null;
        });
    }

    private CompletionStage<Void> async(Runnable operation) {
        return app.async(() -> {
            operation.run();
            return null;
        });
    }
}
