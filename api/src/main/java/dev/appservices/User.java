package dev.appservices;

import dev.appservices.mongo.RemoteMongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.Document;

/**
 * A user of an {@link App}: its identity, session tokens, profile and custom data, and the entry point for
 * functions and API keys.
 *
 * <p>A {@code User} object stays valid for the life of its App: after {@link #logOut()} it is
 * {@link UserState#LOGGED_OUT} and after removal {@link UserState#REMOVED}; logging in again with the same identity
 * makes it {@link UserState#LOGGED_IN} again. Token and profile accessors read local state only; they never make a
 * network call.
 *
 * <p>Implementations are thread-safe. Tokens are secrets: never log them.
 *
 * @since 0.1
 */
public interface User {

    /**
     * Returns the server-generated user id.
     *
     * @return the user id, never null
     */
    String id();

    /**
     * Returns the local state of this user.
     *
     * @return the state, never null
     */
    UserState state();

    /**
     * Tells whether this user has a session.
     *
     * @return {@code true} if {@link #state()} is {@link UserState#LOGGED_IN}
     */
    boolean isLoggedIn();

    /**
     * Tells whether this user is anonymous: it has exactly one identity and its provider is
     * {@link Credentials#ANONYMOUS}.
     *
     * @return {@code true} for anonymous users
     */
    boolean isAnonymous();

    /**
     * Returns the current access token (a JWT, valid for about 30 minutes).
     *
     * @return the access token, or empty if the user is not logged in
     */
    Optional<String> accessToken();

    /**
     * Returns the refresh token (a JWT, valid for about 60 days), used to obtain new access tokens.
     *
     * @return the refresh token, or empty if the user is not logged in
     */
    Optional<String> refreshToken();

    /**
     * Returns when the current access token expires (its {@code exp} claim). It is refreshed automatically shortly
     * before.
     *
     * @return the expiry, or empty if the user is not logged in or the token has no expiry
     */
    Optional<Instant> accessTokenExpiresAt();

    /**
     * Returns when the refresh token expires (its {@code exp} claim); after that the user must log in again.
     *
     * @return the expiry, or empty if the user is not logged in or the token has no expiry
     */
    Optional<Instant> refreshTokenExpiresAt();

    /**
     * Returns the device id the server assigned at login.
     *
     * @return the device id, or empty if the server assigned none
     */
    Optional<String> deviceId();

    /**
     * Returns the profile fetched at the last login, link or {@link #refreshProfile()}; kept in the metadata store.
     *
     * @return the profile, {@link UserProfile#empty()} if none was fetched
     */
    UserProfile profile();

    /**
     * Returns the identities of this user, one per provider it logged in or was linked with.
     *
     * @return an unmodifiable list, in server order
     */
    List<UserIdentity> identities();

    /**
     * Returns the custom user data embedded in the current access token (its {@code user_data} claim).
     *
     * @return a new copy on each call; empty if the app has no custom user data for this user
     */
    Document customData();

    /**
     * Refreshes the access token and returns the custom user data it carries.
     *
     * @return the new custom user data (a copy)
     * @throws SessionExpiredException if the refresh token is no longer valid; the user is then logged out
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if the user is not logged in
     * @throws ConnectionException if the server cannot be reached in time
     */
    Document refreshCustomData();

    /**
     * Asynchronous twin of {@link #refreshCustomData()}.
     *
     * @return a stage that completes with the new custom user data, or exceptionally with the exceptions
     *         documented on {@link #refreshCustomData()}
     */
    CompletionStage<Document> refreshCustomDataAsync();

    /**
     * Fetches the profile and identities from the server and stores them.
     *
     * @return the new profile
     * @throws SessionExpiredException if the session has ended; the user is then logged out
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if the user is not logged in
     * @throws ConnectionException if the server cannot be reached in time
     */
    UserProfile refreshProfile();

    /**
     * Asynchronous twin of {@link #refreshProfile()}.
     *
     * @return a stage that completes with the new profile, or exceptionally with the exceptions documented on
     *         {@link #refreshProfile()}
     */
    CompletionStage<UserProfile> refreshProfileAsync();

    /**
     * Returns the client for calling the app's functions as this user.
     *
     * @return the functions client, never null
     */
    Functions functions();

    /**
     * Returns the app's data service as this user: remote MongoDB access with the app's rules applied to this user.
     * No request is made; each operation of the returned client is one.
     *
     * <pre>{@code
     * RemoteMongoCollection<Document> orders = user.mongoClient("mongodb-atlas").database("shop").collection("orders");
     * }</pre>
     *
     * @param serviceName the name of the data service as the app declares it, usually {@code "mongodb-atlas"}
     * @return the client, never null
     * @throws NullPointerException if {@code serviceName} is null
     * @throws IllegalArgumentException if {@code serviceName} is blank
     */
    RemoteMongoClient mongoClient(String serviceName);

    /**
     * Returns the client for managing this user's API keys.
     *
     * @return the API-key client, never null
     */
    ApiKeyAuth apiKeys();

    /**
     * Links another identity to this user, so that it can later log in with {@code credentials} too. The server
     * call is not retried after a 401: a rejected link fails at once.
     *
     * @param credentials the credentials of the identity to link; not anonymous
     * @return this user, with the new identity in {@link #identities()}
     * @throws NullPointerException if {@code credentials} is null
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_ALREADY_NAMED} if {@code credentials} are
     *         anonymous, or {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if this user is not logged in
     * @throws CredentialsCannotBeLinkedException if the server refuses the link (for example the identity belongs
     *         to another user)
     * @throws ConnectionException if the server cannot be reached in time
     */
    User linkCredentials(Credentials credentials);

    /**
     * Asynchronous twin of {@link #linkCredentials(Credentials)}.
     *
     * @param credentials the credentials of the identity to link
     * @return a stage that completes with this user, or exceptionally with the exceptions documented on
     *         {@link #linkCredentials(Credentials)}
     * @throws NullPointerException if {@code credentials} is null
     */
    CompletionStage<User> linkCredentialsAsync(Credentials credentials);

    /**
     * Logs this user out: its tokens are dropped locally at once and its session is revoked on the server, best
     * effort (this works offline). Anonymous users are removed instead, as they could never log in again. Logging
     * out a user that is not logged in has no effect.
     */
    void logOut();

    /**
     * Asynchronous twin of {@link #logOut()}.
     *
     * @return a stage that completes when the user is logged out locally and the server was told, best effort
     */
    CompletionStage<Void> logOutAsync();

    /**
     * Returns the App this user belongs to.
     *
     * @return the App, never null
     */
    App app();
}
