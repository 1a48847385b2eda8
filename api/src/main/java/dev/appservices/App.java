package dev.appservices;

import dev.appservices.sync.SyncManager;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A client of one App Services app: logs users in, keeps their sessions and gives access to functions and
 * authentication providers.
 *
 * <p>There is one App per app id per application (class loader). Obtain it by injection,
 * {@code @Inject @AppServices(id = "orders") App app;}, or with the static factories, which return the same
 * instance:
 *
 * <pre>{@code
 * App app = App.getApp("orders");
 * User user = app.logIn(Credentials.emailPassword("ana@example.com", "s3cret!"));
 * long total = user.functions().call("sum", Long.class, 1, 2);
 * }</pre>
 *
 * <p>Every network call blocks the calling thread until it completes or the configured
 * {@linkplain AppConfiguration#timeout() timeout} expires; each has an {@code …Async} twin returning a
 * {@link CompletionStage} that completes exceptionally with the same exception types (possibly wrapped in
 * {@link java.util.concurrent.CompletionException}). No call requires a particular thread.
 *
 * <p>Implementations are thread-safe. Users and tokens are kept in the metadata store chosen by
 * {@link AppConfiguration#metadata()}, so logged-in users come back after a restart without a network call.
 *
 * @since 0.1
 */
public interface App extends AutoCloseable {

    /**
     * Returns the App of {@code configuration.id()}, creating it from {@code configuration} if this application has
     * none yet.
     *
     * <p>If an App of that id exists already, it is returned and the other settings of {@code configuration} have
     * no effect (a warning names the differing settings), except the {@linkplain AppConfiguration#baseUrl() base
     * URL}, which takes effect on the existing App.
     *
     * @param configuration the configuration of the app
     * @return the App of that id, shared by every caller in this application
     * @throws NullPointerException if {@code configuration} is null
     * @throws IllegalStateException if no implementation is on the class path
     * @throws AppServicesException if the App cannot be created, for example because its metadata store cannot be
     *         opened ({@link MetadataStoreException})
     */
    static App create(AppConfiguration configuration) {
        ApiMessages.requireNonNull(configuration, "configuration");
        return ProviderLookup.provider().create(configuration);
    }

    /**
     * Returns the App of {@code id}, creating it from the MicroProfile Config keys {@code appservices.<id>.*} (with
     * defaults for every key that is not set) if this application has none yet.
     *
     * @param id the app id
     * @return the App of that id, shared by every caller in this application
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is malformed or reserved
     * @throws IllegalStateException if no implementation is on the class path
     * @throws AppServicesConfigException if a configuration value of that id is invalid
     * @throws AppServicesException if the App cannot be created for another reason
     */
    static App create(String id) {
        ApiMessages.requireNonNull(id, "id");
        return ProviderLookup.provider().create(id);
    }

    /**
     * Returns the App of {@code id}: the cached instance, or a new one when only the configuration knows the id.
     * Under CDI, the bean {@code @AppServices(id = "x") App} is {@code App.getApp("x")}.
     *
     * @param id the app id
     * @return the App of that id, shared by every caller in this application
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is malformed or reserved
     * @throws IllegalStateException if no implementation is on the class path
     * @throws AppServicesConfigException if the id is neither known nor configured, or a configuration value of
     *         that id is invalid
     */
    static App getApp(String id) {
        ApiMessages.requireNonNull(id, "id");
        return ProviderLookup.provider().getApp(id);
    }

    /**
     * Returns the app id.
     *
     * @return the app id, never null
     */
    String id();

    /**
     * Returns the configuration this App was created with. Its base URL is the configured one; the URL in use is
     * {@link #baseUrl()}.
     *
     * @return the configuration, never null
     */
    AppConfiguration configuration();

    /**
     * Returns the base URL in use: the last one set with {@link #updateBaseUrl(URI)}, else the configured one, else
     * {@link AppConfiguration#DEFAULT_BASE_URL}. It changes only once an update has completed.
     *
     * @return the base URL in use, never null
     */
    URI baseUrl();

    /**
     * Switches this App to another server. The new URL is first verified with a location request; only if that
     * succeeds does it take effect (requests already in flight finish against the old server). A failed
     * verification changes nothing.
     *
     * @param url the new base URL (absolute {@code http} or {@code https}); {@code null} returns to the configured
     *            base URL, or to {@link AppConfiguration#DEFAULT_BASE_URL} if none is configured
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host
     * @throws ConnectionException if the new server cannot be reached in time
     * @throws ServiceException if the new server rejects the location request
     * @throws AppServicesException if the App is closed (error code {@link ErrorCode#CLIENT_APP_CLOSED})
     */
    void updateBaseUrl(URI url);

    /**
     * Asynchronous twin of {@link #updateBaseUrl(URI)}.
     *
     * @param url the new base URL, or {@code null} for the configured/default one
     * @return a stage that completes when the new URL is in use, or completes exceptionally with the exceptions
     *         documented on {@link #updateBaseUrl(URI)}
     */
    CompletionStage<Void> updateBaseUrlAsync(URI url);

    /**
     * Logs a user in and makes it the {@linkplain #currentUser() current user}. A user logged in before with the same
     * identity is logged in again (same {@link User#id()}).
     *
     * <p>{@link Credentials#anonymous()} returns an existing logged-in anonymous user without a network call.
     *
     * @param credentials the credentials
     * @return the logged-in user
     * @throws NullPointerException if {@code credentials} is null
     * @throws InvalidCredentialsException if the server rejects the credentials
     * @throws AuthException for other authentication failures (provider disabled, user disabled, …)
     * @throws ConnectionException if the server cannot be reached in time; stored users are left untouched
     * @throws AppServicesException if the App is closed or the response cannot be read
     */
    User logIn(Credentials credentials);

    /**
     * Asynchronous twin of {@link #logIn(Credentials)}.
     *
     * @param credentials the credentials
     * @return a stage that completes with the logged-in user, or exceptionally with the exceptions documented on
     *         {@link #logIn(Credentials)}
     * @throws NullPointerException if {@code credentials} is null
     */
    CompletionStage<User> logInAsync(Credentials credentials);

    /**
     * Returns the current user: the last user who logged in or was switched to, as long as it is logged in.
     * Restored from the metadata store after a restart, without a network call.
     *
     * @return the current user, or empty if no user is logged in
     */
    Optional<User> currentUser();

    /**
     * Returns every user known to this App that has not been removed, logged in or logged out.
     *
     * @return an unmodifiable snapshot keyed by user id, in no particular order
     */
    Map<String, User> allUsers();

    /**
     * Makes {@code user} the current user. Local only, no network call.
     *
     * @param user a logged-in user of this App
     * @throws NullPointerException if {@code user} is null
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_NOT_FOUND} if the user does not belong to this
     *         App, or {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if it is not logged in
     */
    void switchUser(User user);

    /**
     * Logs the user out (revoking its session on the server, best effort) and forgets it locally: it disappears
     * from {@link #allUsers()} and its state becomes {@link UserState#REMOVED}. The server-side user is kept.
     *
     * @param user a user of this App
     * @throws NullPointerException if {@code user} is null
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_NOT_FOUND} if the user does not belong to this
     *         App
     */
    void removeUser(User user);

    /**
     * Asynchronous twin of {@link #removeUser(User)}.
     *
     * @param user a user of this App
     * @return a stage that completes when the user is removed, or exceptionally with the exceptions documented on
     *         {@link #removeUser(User)}
     * @throws NullPointerException if {@code user} is null
     */
    CompletionStage<Void> removeUserAsync(User user);

    /**
     * Deletes the user on the server (its identities; not its custom data or documents) and then removes it
     * locally as {@link #removeUser(User)} does. Irreversible.
     *
     * @param user a logged-in user of this App
     * @throws NullPointerException if {@code user} is null
     * @throws AppServicesException with {@link ErrorCode#CLIENT_USER_NOT_FOUND} or
     *         {@link ErrorCode#CLIENT_USER_NOT_LOGGED_IN} if the user is not a logged-in user of this App
     * @throws ServiceException if the server refuses the deletion; the user is then kept locally
     * @throws ConnectionException if the server cannot be reached in time; the user is then kept locally
     */
    void deleteUser(User user);

    /**
     * Asynchronous twin of {@link #deleteUser(User)}.
     *
     * @param user a logged-in user of this App
     * @return a stage that completes when the user is deleted, or exceptionally with the exceptions documented on
     *         {@link #deleteUser(User)}
     * @throws NullPointerException if {@code user} is null
     */
    CompletionStage<Void> deleteUserAsync(User user);

    /**
     * Returns the client of the email/password provider ({@code local-userpass}): registration, confirmation and
     * password reset.
     *
     * @return the email/password client of this App, never null
     */
    EmailPasswordAuth emailPasswordAuth();

    /**
     * Adds a listener for the authentication events of this App (login, logout, removal, deletion, switch, link,
     * token refresh, session expiry). Listeners are called after the change, on the thread that made it; an
     * exception thrown by a listener is logged and does not affect the change or the other listeners.
     *
     * <p>Under CDI the same events are also fired as CDI events qualified with {@code @AppServices(id)}.
     *
     * @param listener the listener
     * @return the registration; close it to remove the listener
     * @throws NullPointerException if {@code listener} is null
     */
    ListenerRegistration addListener(Consumer<AuthEvent> listener);

    /**
     * Closes this App: releases its HTTP client and metadata store and drops it from the App cache, so the next
     * {@link #getApp(String)} creates a new instance. Stored users stay in the metadata store. Later calls on this
     * instance fail with {@link ErrorCode#CLIENT_APP_CLOSED}. Closing twice has no further effect.
     *
     * <p>Under CDI the container closes the App when the application stops; do not close an injected App yourself.
     */
    /**
     * The sync management of this App: offline-first synced databases of its users and their sessions.
     *
     * @return the App's sync manager, the same instance at every call
     */
    SyncManager sync();

    @Override
    void close();
}
