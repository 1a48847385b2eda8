package dev.appservices.extension.internal.client;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AuthEvent;
import dev.appservices.BaseUrls;
import dev.appservices.Credentials;
import dev.appservices.EmailPasswordAuth;
import dev.appservices.ListenerRegistration;
import dev.appservices.MetadataResetEvent;
import dev.appservices.User;
import dev.appservices.UserProfile;
import dev.appservices.UserState;
import dev.appservices.extension.internal.client.SessionManager.Bearer;
import dev.appservices.extension.internal.client.rest.LoginResponse;
import dev.appservices.extension.internal.config.ExternalConfiguration;
import dev.appservices.extension.internal.metadata.MetadataStore;
import dev.appservices.extension.internal.metadata.MetadataStores;
import dev.appservices.extension.internal.metadata.StoredUser;
import dev.appservices.extension.internal.telemetry.Telemetry;
import dev.appservices.sync.SyncManager;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/**
 * The {@link App} implementation: one per app id per application, created and cached by
 * {@code dev.appservices.extension.internal.AppRegistry}, shared by every handle (so all of them share its HTTP
 * clients and connection pool).
 *
 * <p>It wires the parts of the client: {@link BackendRequests} (location, redirects, errors), {@link SessionManager}
 * (tokens and sessions), {@link LocalUsers} over the metadata store, {@link AuthEvents} for listeners, and an
 * executor of daemon threads for the {@code …Async} twins. The executor is the App's own because no container thread
 * is required (the App works the same in a Jakarta EE server and in a plain JVM) and nothing requires a particular
 * thread; its threads are daemons so that a forgotten App does not keep a JVM alive, and {@link #close()} stops them.
 *
 * <p>Lifecycle: open from construction until {@link #close()}, which releases the HTTP clients, the threads and the
 * metadata store, removes the App from the cache and drops a base URL it set at run time (so the next App of the id
 * starts from its configuration); afterwards every call fails with
 * {@link dev.appservices.ErrorCode#CLIENT_APP_CLOSED}. Thread-safe.
 */
public final class DefaultApp implements App {

    static final Request PROFILE_ENDPOINT = Endpoint.PROFILE.request();
    private static final String NO_DEVICE_ID = "000000000000000000000000";

    private final AppConfiguration configuration;
    private final ExternalConfiguration external;
    private final Consumer<DefaultApp> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService executor;
    private final BackendClients clients;
    private final BackendRequests requests;
    private final MetadataStore store;
    private final LocalUsers users;
    private final AuthEvents events;
    private final SessionManager sessions;
    private final BsonDocument device;
    private final DataServices dataServices;
    private final AppSync sync;
    private volatile MetadataResetEvent metadataReset;
    private volatile Telemetry telemetry;
    /** Reports the number of logged-in users to {@link #telemetry}; replaced with it. */
    private AutoCloseable loggedInUsersGauge;

    private volatile boolean overridden;

    /**
     * Opens an App: its metadata store is opened now; no request is made before the first call that needs one.
     *
     * @param configuration its configuration
     * @param external      the external configuration of its application (the dynamic base URL)
     * @param onClose       told once when the App closes (the cache drops it)
     * @param dataServices  makes the clients of the app's data services for its users
     * @param syncFactory   makes the App's sync management
     * @throws dev.appservices.MetadataStoreException if the metadata store cannot be opened
     */
    public DefaultApp(
            AppConfiguration configuration,
            ExternalConfiguration external,
            Consumer<DefaultApp> onClose,
            DataServices dataServices,
            Function<DefaultApp, AppSync> syncFactory) {
        this.configuration = configuration;
        this.external = external;
        this.onClose = onClose;
        this.store = MetadataStores.open(configuration.id(), configuration.metadata(), event -> metadataReset = event);
        this.executor = newExecutor(configuration.id());
        this.clients = new BackendClients(configuration, executor);
        this.requests = new BackendRequests(configuration, this::baseUrl, clients, this::telemetry);
        this.users = new LocalUsers(this, store);
        this.events = new AuthEvents(configuration.id());
        this.sessions = new SessionManager(configuration.id(), requests, users, events, this::telemetry);
        useTelemetry(Telemetry.global());
        this.device = DeviceInfo.of(configuration);
        this.dataServices = dataServices;
        this.sync = syncFactory.apply(this);
    }

    @Override
    public String id() {
        return configuration.id();
    }

    @Override
    public AppConfiguration configuration() {
        return configuration;
    }

    @Override
    public URI baseUrl() {
        return external.baseUrl(id()).or(configuration::baseUrl).orElse(AppConfiguration.DEFAULT_BASE_URL);
    }

    @Override
    public void updateBaseUrl(URI url) {
        requireOpen();
        URI target = url == null
                ? configuration.baseUrl().orElse(AppConfiguration.DEFAULT_BASE_URL)
                // the configuration's rule and normalisation (trailing slashes) apply to updates too
                : BaseUrls.normalize(url);
        URI host = requests.verify(target);
        override(url == null ? null : target);
        requests.use(target, host);
    }

    @Override
    public CompletionStage<Void> updateBaseUrlAsync(URI url) {
        return asyncRun(() -> updateBaseUrl(url));
    }

    /**
     * Makes a new base URL take effect without verification ({@code App.create} of a cached id with another base
     * URL): the location is discovered again at the next request.
     */
    public void overrideBaseUrl(URI url) {
        requireOpen();
        override(url);
        requests.forgetLocation();
    }

    @Override
    public User logIn(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        requireOpen();
        if (Credentials.ANONYMOUS.equals(credentials.provider()) && credentials.reuseAnonymous()) {
            Optional<StoredUser> anonymous = users.loggedInAnonymous();
            if (anonymous.isPresent()) {
                return makeCurrent(anonymous.get().id());
            }
        }
        String provider = credentials.provider();
        Request endpoint = Endpoint.LOG_IN.request(id(), provider);
        BsonDocument body = LoginBodies.of(credentials, device.clone());
        LoginResponse response = requests.send(endpoint, api -> api.logIn(id(), provider, body));
        requireLogin(response, endpoint.description());
        String userId = response.userId();
        Optional<String> deviceId = Optional.of(response.deviceId()).filter(id -> !NO_DEVICE_ID.equals(id));
        // One store update per login: the profile is fetched with the new access token first, then the tokens, the
        // profile and the new current user are stored together. As in the SDKs, if the profile cannot be fetched
        // the user stays logged in but does not become current.
        FetchedProfile profile;
        try {
            profile = FetchedProfile.of(
                    id(), requests.send(PROFILE_ENDPOINT, api -> api.profile("Bearer " + response.accessToken())));
        } catch (RuntimeException e) {
            users.loggedIn(userId, response.accessToken(), response.refreshToken(), deviceId, Optional.empty());
            throw e;
        }
        users.loggedIn(userId, response.accessToken(), response.refreshToken(), deviceId, Optional.of(profile));
        DefaultUser user = users.object(userId);
        events.fire(AuthEvent.Type.LOGGED_IN, user);
        return user;
    }

    @Override
    public CompletionStage<User> logInAsync(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return async(() -> logIn(credentials));
    }

    @Override
    public Optional<User> currentUser() {
        return users.current().map(user -> users.object(user.id()));
    }

    @Override
    public Map<String, User> allUsers() {
        Map<String, User> all = new LinkedHashMap<>();
        for (StoredUser user : users.all()) {
            all.put(user.id(), users.object(user.id()));
        }
        return Collections.unmodifiableMap(all);
    }

    @Override
    public void switchUser(User user) {
        StoredUser stored = ownStoredUser(user);
        if (stored.state() != UserState.LOGGED_IN) {
            throw ClientMessages.userNotLoggedIn(id(), stored.id(), "switchUser");
        }
        makeCurrent(stored.id());
    }

    @Override
    public void removeUser(User user) {
        StoredUser stored = ownStoredUser(user);
        users.remove(stored.id()).ifPresent(before -> {
            events.fire(AuthEvent.Type.REMOVED, users.object(before.id()));
            sessions.revoke(before.id(), before);
        });
    }

    @Override
    public CompletionStage<Void> removeUserAsync(User user) {
        Objects.requireNonNull(user, "user");
        return asyncRun(() -> removeUser(user));
    }

    @Override
    public void deleteUser(User user) {
        new UserDeletion(this).delete(ownStoredUser(user));
    }

    @Override
    public CompletionStage<Void> deleteUserAsync(User user) {
        Objects.requireNonNull(user, "user");
        return asyncRun(() -> deleteUser(user));
    }

    @Override
    public EmailPasswordAuth emailPasswordAuth() {
        return new DefaultEmailPasswordAuth(this);
    }

    @Override
    public ListenerRegistration addListener(Consumer<AuthEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return events.add(listener);
    }

    @Override
    public SyncManager sync() {
        requireOpen();
        return sync;
    }

    /**
     * The metadata store's report that it replaced an unreadable store with an empty one while this App opened it,
     * for the CDI extension to fire as an event after creation.
     *
     * @return the reset, if one happened
     */
    public Optional<MetadataResetEvent> metadataReset() {
        return Optional.ofNullable(metadataReset);
    }

    /**
     * Checks that the backend answers (a location request at the base URL in use) and that the metadata store can
     * be read and written; for the health check.
     *
     * @throws dev.appservices.AppServicesException naming what failed
     */
    public void checkHealth() {
        requireOpen();
        requests.probe();
        store.checkAccess();
    }

    /**
     * Reports to another telemetry from now on: the CDI extension hands over MicroProfile Telemetry's
     * {@code OpenTelemetry} bean, which the server configures, in place of the global instance.
     */
    public synchronized void useTelemetry(Telemetry replacement) {
        closeLoggedInUsersGauge();
        telemetry = replacement;
        loggedInUsersGauge = replacement.observeLoggedInUsers(id(), this::loggedInUsers);
    }

    /** When the backend last answered a request with success, if it did since the App opened. */
    public Optional<Instant> lastSuccessfulRequest() {
        return requests.lastSuccess();
    }

    /** How many users are logged in (have tokens). */
    public long loggedInUsers() {
        return users.all().stream()
                .filter(user -> user.state() == UserState.LOGGED_IN)
                .count();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            onClose.accept(this);
            if (overridden) {
                // a runtime override belongs to this App: the next App of the id starts from its configuration
                external.overrideBaseUrl(id(), null);
            }
        } finally {
            sync.close();
            clients.close();
            executor.shutdownNow();
            store.close();
            synchronized (this) {
                closeLoggedInUsersGauge();
            }
        }
    }

    /** Describes the App by id and base URL in use. */
    @Override
    public String toString() {
        return "App[id=" + id() + ", baseUrl=" + baseUrl() + (isClosed() ? ", closed" : "") + "]";
    }

    boolean isClosed() {
        return closed.get();
    }

    /** @throws dev.appservices.AppServicesException {@code CLIENT_APP_CLOSED} once the App is closed */
    void requireOpen() {
        if (closed.get()) {
            throw ClientMessages.appClosed(id());
        }
    }

    Telemetry telemetry() {
        return telemetry;
    }

    LocalUsers users() {
        return users;
    }

    SessionManager sessions() {
        return sessions;
    }

    BackendRequests requests() {
        return requests;
    }

    AuthEvents events() {
        return events;
    }

    DataServices dataServices() {
        return dataServices;
    }

    /** Fetches a user's profile and identities (access-token request) and stores them. */
    UserProfile fetchProfile(String userId) {
        FetchedProfile profile = FetchedProfile.of(
                id(),
                sessions.send(
                        userId,
                        Bearer.ACCESS_TOKEN,
                        PROFILE_ENDPOINT,
                        (api, authorization) -> api.profile(authorization)));
        users.profileFetched(userId, profile);
        return UserProfile.of(profile.data());
    }

    /**
     * Runs a blocking operation on the App's executor.
     *
     * @return a stage completed with its result or, exceptionally, with its exception
     */
    public <T> CompletionStage<T> async(Supplier<T> operation) {
        try {
            return CompletableFuture.supplyAsync(operation, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(ClientMessages.appClosed(id()));
        }
    }

    /** {@link #async(Supplier)} for an operation without result. */
    CompletionStage<Void> asyncRun(Runnable operation) {
        return async(() -> {
            operation.run();
            return null;
        });
    }

    private void closeLoggedInUsersGauge() {
        try {
            if (loggedInUsersGauge != null) {
                loggedInUsersGauge.close();
            }
        } catch (Exception e) {
            // an OpenTelemetry gauge's close() declares no exception; nothing else could go wrong here
            throw new IllegalStateException(e);
        }
    }

    private void override(URI url) {
        external.overrideBaseUrl(id(), url);
        overridden = url != null;
    }

    private User makeCurrent(String userId) {
        boolean changed =
                users.current().map(current -> !current.id().equals(userId)).orElse(true);
        users.makeCurrent(userId);
        DefaultUser user = users.object(userId);
        if (changed) {
            events.fire(AuthEvent.Type.SWITCHED, user);
        }
        return user;
    }

    /** The stored entry of a user object of this App. */
    private StoredUser ownStoredUser(User user) {
        Objects.requireNonNull(user, "user");
        if (user.app() != this) {
            throw ClientMessages.userNotFound(id(), user.id());
        }
        return users.stored(user.id()).orElseThrow(() -> ClientMessages.userNotFound(id(), user.id()));
    }

    private void requireLogin(LoginResponse response, String endpoint) {
        if (response == null || response.accessToken() == null) {
            throw ClientMessages.missingJsonKey(id(), endpoint, "access_token");
        }
        if (response.refreshToken() == null) {
            throw ClientMessages.missingJsonKey(id(), endpoint, "refresh_token");
        }
        if (response.userId() == null) {
            throw ClientMessages.missingJsonKey(id(), endpoint, "user_id");
        }
        if (response.deviceId() == null) {
            throw ClientMessages.missingJsonKey(id(), endpoint, "device_id");
        }
        if (Jwt.parse(response.accessToken()).isEmpty()) {
            throw ClientMessages.badToken(id(), endpoint, "access token");
        }
        if (Jwt.parse(response.refreshToken()).isEmpty()) {
            throw ClientMessages.badToken(id(), endpoint, "refresh token");
        }
    }

    /**
     * The executor of the {@code …Async} twins (also handed to the Rest Clients): threads are created on demand and
     * end after a minute without work, so an idle App holds none.
     */
    private static ExecutorService newExecutor(String appId) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "appservices-" + appId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
