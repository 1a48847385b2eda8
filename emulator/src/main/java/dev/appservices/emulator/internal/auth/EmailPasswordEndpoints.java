package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.Response;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.PasswordHasher;
import dev.appservices.emulator.internal.state.Records.Account;
import dev.appservices.emulator.internal.state.Records.EmailToken;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * The seven email/password endpoints under {@code /api/client/v2.0/app/{appId}/auth/providers/local-userpass/}
 * (protocol.md §6). Emails are not sent: confirmation and reset tokens wait in the app's state, where the admin API
 * shows them. Registration answers 201, the other endpoints 200, all with {@code {}}. Thread-safe.
 */
public final class EmailPasswordEndpoints {

    private static final int MIN_PASSWORD = 6;
    private static final int MAX_PASSWORD = 128;
    private static final String SUCCESS = "success";
    private static final String PENDING = "pending";
    private static final String FAIL = "fail";

    private final Apps apps;

    public EmailPasswordEndpoints(Apps apps) {
        this.apps = apps;
    }

    /** {@code register}: {@code {email, password}}. */
    public Response register(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        AppSettings.Userpass settings = settings(app);
        BsonDocument body = request.jsonBody();
        String email = requireEmail(body);
        if (!EmailAddress.isValid(email)) {
            throw invalidUsername();
        }
        String password = requirePassword(body);
        AppState state = app.state();
        if (!state.addAccount(new Account(
                new ObjectId().toHexString(), email, PasswordHasher.hash(password), settings.autoConfirm()))) {
            throw ServiceError.accountNameInUse();
        }
        if (!settings.autoConfirm()) {
            EmailToken token = state.issueEmailToken(EmailToken.CONFIRM, email);
            if (settings.confirmationFunction().isPresent()) {
                String status;
                try {
                    status =
                            runConfirmation(app, settings.confirmationFunction().get(), token);
                } catch (ServiceError e) {
                    state.removeAccount(email);
                    throw e;
                }
                if (FAIL.equals(status)) {
                    state.removeAccount(email);
                    throw confirmationFailed(email);
                }
            }
        }
        return Response.jsonText(201, "{}");
    }

    /** {@code confirm}: {@code {token, tokenId}}. */
    public Response confirm(Request request) {
        EmulatedApp app = app(request);
        BsonDocument body = request.jsonBody();
        app.state().confirmAccount(consumeToken(app, EmailToken.CONFIRM, body).email());
        return ok();
    }

    /** {@code confirm/send}: {@code {email}}; issues a new confirmation token. */
    public Response resendConfirmation(Request request) {
        EmulatedApp app = app(request);
        Account account = pendingAccount(app, requireEmail(request.jsonBody()));
        app.state().issueEmailToken(EmailToken.CONFIRM, account.email());
        return ok();
    }

    /** {@code confirm/call}: {@code {email}}; runs the confirmation function again. */
    public Response retryConfirmationFunction(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String function = settings(app).confirmationFunction().orElseThrow(() -> functionMissing(app, "confirmation"));
        Account account = pendingAccount(app, requireEmail(request.jsonBody()));
        EmailToken token = app.state().issueEmailToken(EmailToken.CONFIRM, account.email());
        if (FAIL.equals(runConfirmation(app, function, token))) {
            throw confirmationFailed(account.email());
        }
        return ok();
    }

    /** {@code reset/send}: {@code {email}}; issues a reset token. */
    public Response sendReset(Request request) {
        EmulatedApp app = app(request);
        Account account = existingAccount(app, requireEmail(request.jsonBody()));
        app.state().issueEmailToken(EmailToken.RESET, account.email());
        return ok();
    }

    /** {@code reset}: {@code {password, token, tokenId}}. */
    public Response reset(Request request) {
        EmulatedApp app = app(request);
        BsonDocument body = request.jsonBody();
        String password = requirePassword(body);
        app.state().setPassword(consumeToken(app, EmailToken.RESET, body).email(), PasswordHasher.hash(password));
        return ok();
    }

    /** {@code reset/call}: {@code {email, password, arguments}}; lets the reset function decide. */
    public Response callResetFunction(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        String function = settings(app).resetFunction().orElseThrow(() -> functionMissing(app, "password reset"));
        BsonDocument body = request.jsonBody();
        String email = requireEmail(body);
        String password = requirePassword(body);
        BsonArray extra = Fields.optionalArray(body, "arguments").orElseGet(BsonArray::new);
        Account account = existingAccount(app, email);
        EmailToken token = app.state().issueEmailToken(EmailToken.RESET, email);
        BsonArray arguments = new BsonArray();
        arguments.add(tokenArgument(token)
                .append("password", new BsonString(password))
                .append(
                        "currentPasswordValid",
                        BsonBoolean.valueOf(PasswordHasher.matches(password, account.passwordHash()))));
        arguments.addAll(extra);
        String status = status(function, app.invokeHook(function, arguments));
        if (PENDING.equals(status)) {
            return ok();
        }
        app.state().consumeEmailToken(EmailToken.RESET, token.token(), token.tokenId());
        if (FAIL.equals(status)) {
            throw ServiceError.badRequest("failed to reset password for user \"" + email + "\"");
        }
        app.state().setPassword(email, PasswordHasher.hash(password));
        return ok();
    }

    /** Runs the confirmation function; confirms on success, keeps the token pending otherwise. */
    private static String runConfirmation(EmulatedApp app, String function, EmailToken token) {
        BsonArray arguments = new BsonArray();
        arguments.add(tokenArgument(token));
        String status = status(function, app.invokeHook(function, arguments));
        if (SUCCESS.equals(status)) {
            app.state().confirmAccount(token.email());
        }
        return status;
    }

    /** The first argument of the confirmation and reset functions: the token pair and the user's email. */
    private static BsonDocument tokenArgument(EmailToken token) {
        return new BsonDocument("token", new BsonString(token.token()))
                .append("tokenId", new BsonString(token.tokenId()))
                .append("username", new BsonString(token.email()));
    }

    private static String status(String function, BsonValue result) {
        Optional<String> status = Optional.of(result)
                .filter(BsonValue::isDocument)
                .map(document -> document.asDocument().get("status"))
                .filter(BsonValue::isString)
                .map(value -> value.asString().getValue())
                .filter(value -> SUCCESS.equals(value) || PENDING.equals(value) || FAIL.equals(value));
        return status.orElseThrow(() -> ServiceError.functionExecution(Messages.statusFunctionResult(function)));
    }

    /** The answer of every endpoint but {@code register}. */
    private static Response ok() {
        return Response.jsonText(200, "{}");
    }

    private static ServiceError confirmationFailed(String email) {
        return ServiceError.badRequest("failed to confirm user \"" + email + "\"");
    }

    /** The app has no function for {@code purpose} but the endpoint needs one. */
    private static ServiceError functionMissing(EmulatedApp app, String purpose) {
        return ServiceError.badRequest(Messages.functionNotConfigured(app.id(), purpose));
    }

    /** The app of the request, which must have the email/password provider. */
    private EmulatedApp app(Request request) {
        EmulatedApp app = apps.require(request.pathParameter("appId"));
        settings(app);
        return app;
    }

    /** Consumes the token named by the body's {@code token} and {@code tokenId}. */
    private static EmailToken consumeToken(EmulatedApp app, String kind, BsonDocument body) {
        return app.state()
                .consumeEmailToken(kind, Fields.requiredString(body, "token"), Fields.requiredString(body, "tokenId"))
                .orElseThrow(ServiceError::userpassTokenInvalid);
    }

    private static AppSettings.Userpass settings(EmulatedApp app) {
        return app.settings()
                .provider(UserpassAuthenticator.TYPE, AppSettings.Userpass.class)
                .orElseThrow(() -> ServiceError.providerNotFound(UserpassAuthenticator.TYPE));
    }

    private static Account existingAccount(EmulatedApp app, String email) {
        return app.state().account(email).orElseThrow(ServiceError::userNotFound);
    }

    private static Account pendingAccount(EmulatedApp app, String email) {
        Account account = existingAccount(app, email);
        if (account.confirmed()) {
            throw ServiceError.userAlreadyConfirmed();
        }
        return account;
    }

    private static String requireEmail(BsonDocument body) {
        String email = Fields.requiredString(body, "email");
        if (email.isBlank()) {
            throw invalidUsername();
        }
        return email;
    }

    /** The service's answer to an email that is no address (realm-web's tutorial matches on the text). */
    private static ServiceError invalidUsername() {
        return ServiceError.badRequest("invalid username");
    }

    private static String requirePassword(BsonDocument body) {
        String password = Fields.requiredString(body, "password");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw ServiceError.badRequest(
                    "password must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters");
        }
        return password;
    }
}
