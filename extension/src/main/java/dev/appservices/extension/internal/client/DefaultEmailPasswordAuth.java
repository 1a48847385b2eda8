package dev.appservices.extension.internal.client;

import dev.appservices.EmailPasswordAuth;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import dev.appservices.extension.internal.client.rest.EmailBody;
import dev.appservices.extension.internal.client.rest.EmailPasswordBody;
import dev.appservices.extension.internal.client.rest.ResetPasswordBody;
import dev.appservices.extension.internal.client.rest.TokenPairBody;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The {@link EmailPasswordAuth} of an App (protocol.md §6): the seven {@code local-userpass} endpoints, sent through
 * {@link BackendRequests} (location first, redirects, error mapping) without any token. The extra arguments of
 * {@link #callResetPasswordFunction} are encoded with the default codecs of {@link ExtendedJsonCodec}. Immutable and
 * thread-safe; created on demand by {@link DefaultApp#emailPasswordAuth()}.
 */
final class DefaultEmailPasswordAuth implements EmailPasswordAuth {

    private static final ExtendedJsonCodec CODEC = new ExtendedJsonCodec(ExtendedJsonCodec.DEFAULT_REGISTRY);

    private final DefaultApp app;

    DefaultEmailPasswordAuth(DefaultApp app) {
        this.app = app;
    }

    @Override
    public void registerUser(String email, String password) {
        send(
                Endpoint.REGISTER_USER,
                new EmailPasswordBody(
                        Objects.requireNonNull(email, "email"), Objects.requireNonNull(password, "password")),
                AppServicesApi::registerUser);
    }

    @Override
    public CompletionStage<Void> registerUserAsync(String email, String password) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        return async(() -> registerUser(email, password));
    }

    @Override
    public void confirmUser(String token, String tokenId) {
        send(
                Endpoint.CONFIRM_USER,
                new TokenPairBody(Objects.requireNonNull(token, "token"), Objects.requireNonNull(tokenId, "tokenId")),
                AppServicesApi::confirmUser);
    }

    @Override
    public CompletionStage<Void> confirmUserAsync(String token, String tokenId) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenId, "tokenId");
        return async(() -> confirmUser(token, tokenId));
    }

    @Override
    public void resendConfirmationEmail(String email) {
        send(Endpoint.RESEND_CONFIRMATION, emailBody(email), AppServicesApi::resendConfirmationEmail);
    }

    @Override
    public CompletionStage<Void> resendConfirmationEmailAsync(String email) {
        return async(email, this::resendConfirmationEmail);
    }

    @Override
    public void retryCustomConfirmation(String email) {
        send(Endpoint.RETRY_CONFIRMATION, emailBody(email), AppServicesApi::retryCustomConfirmation);
    }

    @Override
    public CompletionStage<Void> retryCustomConfirmationAsync(String email) {
        return async(email, this::retryCustomConfirmation);
    }

    @Override
    public void sendResetPasswordEmail(String email) {
        send(Endpoint.SEND_RESET_EMAIL, emailBody(email), AppServicesApi::sendResetPasswordEmail);
    }

    @Override
    public CompletionStage<Void> sendResetPasswordEmailAsync(String email) {
        return async(email, this::sendResetPasswordEmail);
    }

    @Override
    public void resetPassword(String token, String tokenId, String password) {
        send(
                Endpoint.RESET_PASSWORD,
                new ResetPasswordBody(
                        Objects.requireNonNull(password, "password"),
                        Objects.requireNonNull(token, "token"),
                        Objects.requireNonNull(tokenId, "tokenId")),
                AppServicesApi::resetPassword);
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
        send(Endpoint.CALL_RESET_FUNCTION, body, AppServicesApi::callResetPasswordFunction);
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

    /** Sends {@code body} to an endpoint of this app's email/password provider. */
    private <B> void send(Endpoint endpoint, B body, Call<B> call) {
        app.requests().send(endpoint.request(app.id()), api -> {
            call.call(api, app.id(), body);
            return null;
        });
    }

    /** Checks {@code email} now, so that a null fails the call instead of the stage, then runs the operation. */
    private CompletionStage<Void> async(String email, Consumer<String> operation) {
        Objects.requireNonNull(email, "email");
        return async(() -> operation.accept(email));
    }

    private CompletionStage<Void> async(Runnable operation) {
        return app.async(() -> {
            operation.run();
            return null;
        });
    }

    private static EmailBody emailBody(String email) {
        return new EmailBody(Objects.requireNonNull(email, "email"));
    }

    /** The shape every method of {@code EmailPasswordApi} has: the app id and a JSON body, no answer. */
    @FunctionalInterface
    private interface Call<B> {
        void call(AppServicesApi api, String appId, B body);
    }
}
