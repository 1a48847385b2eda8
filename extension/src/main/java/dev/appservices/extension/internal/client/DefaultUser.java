package dev.appservices.extension.internal.client;

import dev.appservices.ApiKeyAuth;
import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.Functions;
import dev.appservices.User;
import dev.appservices.UserIdentity;
import dev.appservices.UserProfile;
import dev.appservices.UserState;
import dev.appservices.extension.internal.metadata.StoredUser;
import dev.appservices.mongo.RemoteMongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.Document;

/**
 * A user of a {@link DefaultApp}: a view on the user's entry in the App's metadata store, which every accessor reads
 * (so the object follows logins, refreshes and logouts, and a user that is no longer stored is
 * {@link UserState#REMOVED}). One object per user id per App, created by {@link LocalUsers}; identity equality.
 * Thread-safe.
 */
final class DefaultUser implements User {

    private final DefaultApp app;
    private final String id;

    DefaultUser(DefaultApp app, String id) {
        this.app = app;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public UserState state() {
        return stored().map(StoredUser::state).orElse(UserState.REMOVED);
    }

    @Override
    public boolean isLoggedIn() {
        return state() == UserState.LOGGED_IN;
    }

    @Override
    public boolean isAnonymous() {
        return LocalUsers.isAnonymous(identities());
    }

    @Override
    public Optional<String> accessToken() {
        return stored().flatMap(StoredUser::accessToken);
    }

    @Override
    public Optional<String> refreshToken() {
        return stored().flatMap(StoredUser::refreshToken);
    }

    @Override
    public Optional<Instant> accessTokenExpiresAt() {
        return accessToken().flatMap(Jwt::parse).flatMap(Jwt::expiresAt);
    }

    @Override
    public Optional<Instant> refreshTokenExpiresAt() {
        return refreshToken().flatMap(Jwt::parse).flatMap(Jwt::expiresAt);
    }

    @Override
    public Optional<String> deviceId() {
        return stored().flatMap(StoredUser::deviceId);
    }

    @Override
    public UserProfile profile() {
        return stored().map(user -> UserProfile.of(user.profile())).orElse(UserProfile.empty());
    }

    @Override
    public List<UserIdentity> identities() {
        return stored().map(StoredUser::identities).orElse(List.of());
    }

    @Override
    public Document customData() {
        return accessToken().flatMap(Jwt::parse).map(Jwt::userData).orElseGet(Document::new);
    }

    @Override
    public Document refreshCustomData() {
        app.sessions().refresh(id);
        return customData();
    }

    @Override
    public CompletionStage<Document> refreshCustomDataAsync() {
        return app.async(this::refreshCustomData);
    }

    @Override
    public UserProfile refreshProfile() {
        return app.fetchProfile(id);
    }

    @Override
    public CompletionStage<UserProfile> refreshProfileAsync() {
        return app.async(this::refreshProfile);
    }

    @Override
    public Functions functions() {
        return new DefaultFunctions(app, id);
    }

    @Override
    public RemoteMongoClient mongoClient(String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName");
        if (serviceName.isBlank()) {
            throw UserOperationMessages.blankServiceName();
        }
        return app.dataServices().mongoClient(new ServiceCalls(app, id), serviceName);
    }

    @Override
    public ApiKeyAuth apiKeys() {
        return new DefaultApiKeyAuth(app, id);
    }

    @Override
    public User linkCredentials(Credentials credentials) {
        new IdentityLinker(app).link(id, credentials);
        return this;
    }

    @Override
    public CompletionStage<User> linkCredentialsAsync(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return app.async(() -> linkCredentials(credentials));
    }

    @Override
    public void logOut() {
        app.sessions().logOut(id);
    }

    @Override
    public CompletionStage<Void> logOutAsync() {
        return app.asyncRun(this::logOut);
    }

    @Override
    public App app() {
        return app;
    }

    /** Shows the id and, while the App is open, the state; never a token. */
    @Override
    public String toString() {
        return "User[id=" + id + ", appId=" + app.id() + (app.isClosed() ? "" : ", state=" + state()) + "]";
    }

    private Optional<StoredUser> stored() {
        return app.users().stored(id);
    }
}
