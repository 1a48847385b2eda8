package dev.appservices.emulator.internal;

import com.sun.net.httpserver.HttpServer;
import dev.appservices.emulator.EmulatorFunction;
import dev.appservices.emulator.internal.admin.AdminEndpoints;
import dev.appservices.emulator.internal.admin.DataAdminEndpoints;
import dev.appservices.emulator.internal.api.FunctionEndpoint;
import dev.appservices.emulator.internal.api.LocationEndpoint;
import dev.appservices.emulator.internal.api.WatchEndpoint;
import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.appimport.ImportedApp;
import dev.appservices.emulator.internal.auth.ApiKeyEndpoints;
import dev.appservices.emulator.internal.auth.EmailPasswordEndpoints;
import dev.appservices.emulator.internal.auth.LoginEndpoint;
import dev.appservices.emulator.internal.auth.SessionEndpoints;
import dev.appservices.emulator.internal.auth.TokenService;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.control.EmulatorClock;
import dev.appservices.emulator.internal.control.FaultRegistry;
import dev.appservices.emulator.internal.control.RequestCounters;
import dev.appservices.emulator.internal.data.AppData;
import dev.appservices.emulator.internal.data.DataLayer;
import dev.appservices.emulator.internal.data.watch.WatchStreams;
import dev.appservices.emulator.internal.functions.FunctionRegistry;
import dev.appservices.emulator.internal.http.Dispatcher;
import dev.appservices.emulator.internal.http.Router;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.StateStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running emulator: assembles apps, state, functions and routes, and serves them with the JDK
 * {@link HttpServer} on a pool of worker threads (the JDK server alone would serve one request at a time).
 *
 * <p>Created by {@link #start}; {@link #close()} stops accepting connections, lets requests in flight finish for a
 * short while, then stops the workers. Thread-safe.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final String CLIENT = "/api/client/v2.0";
    private static final String APP = CLIENT + "/app/{appId}";
    private static final String USERPASS = APP + "/auth/providers/local-userpass";
    private static final String ADMIN = "/emulator/v1";
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final int WORKERS = 32;
    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Dispatcher dispatcher;
    private final String host;
    private final ImportedRuntimes runtimes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final WatchStreams watches;
    private final StateStore store;
    private final DataLayer data;

    private EmulatorServer(
            HttpServer server,
            ThreadPoolExecutor workers,
            Dispatcher dispatcher,
            String host,
            WatchStreams watches,
            StateStore store,
            DataLayer data,
            ImportedRuntimes runtimes) {
        this.server = server;
        this.workers = workers;
        this.dispatcher = dispatcher;
        this.host = host;
        this.watches = watches;
        this.store = store;
        this.data = data;
        this.runtimes = runtimes;
    }

    /**
     * What to start.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @param apps the apps
     * @param functions functions registered in code, by app id and name
     * @param dataDirectory where the embedded store keeps its file and an earlier emulator's data file is migrated
     *     from, or empty to keep the embedded store in memory
     * @param classLoader the loader that discovers {@link EmulatorFunction}s
     * @param clock the emulator's time, which the admin API can move forward
     * @param mongodbUri a MongoDB deployment for the apps' data, or empty for the embedded store
     * @param watchHeartbeat the interval of heartbeat comments on watch streams
     * @param imports the exported apps (their settings are among {@code apps}) with their JavaScript functions
     * @param functionTimeLimit how long one JavaScript function call may run
     * @param httpHosts the hosts JavaScript functions may reach with {@code context.http}
     * @param stateDatabase the database of the store that keeps users, sessions, keys, tokens and signing secrets
     */
    public record Options(
            String host,
            int port,
            List<AppSettings> apps,
            Map<String, Map<String, EmulatorFunction>> functions,
            Optional<Path> dataDirectory,
            ClassLoader classLoader,
            Clock clock,
            Optional<String> mongodbUri,
            Duration watchHeartbeat,
            List<ImportedApp> imports,
            Duration functionTimeLimit,
            Set<String> httpHosts,
            String stateDatabase) {}

    /**
     * Starts an emulator.
     *
     * @throws dev.appservices.emulator.EmulatorException for an invalid definition, an unreadable data directory
     *     or a port that cannot be bound
     */
    public static EmulatorServer start(Options options) {
        validateAppIds(options);
        EmulatorClock clock = new EmulatorClock(options.clock());
        DataLayer data = DataLayer.open(options.mongodbUri(), options.dataDirectory(), clock, options.stateDatabase());
        ImportedRuntimes runtimes = null;
        try {
            Map<String, AppData> appData = new HashMap<>();
            options.apps().forEach(settings -> appData.put(settings.id(), data.forApp(settings)));
            runtimes = ImportedRuntimes.start(
                    options.imports(), appData, data.events(), options.functionTimeLimit(), options.httpHosts());
            return start(options, clock, data, appData, runtimes);
        } catch (RuntimeException e) {
            if (runtimes != null) {
                runtimes.close();
            }
            data.close();
            throw e;
        }
    }

    private static EmulatorServer start(
            Options options,
            EmulatorClock clock,
            DataLayer data,
            Map<String, AppData> appData,
            ImportedRuntimes runtimes) {
        FunctionRegistry functions =
                FunctionRegistry.create(options.classLoader(), options.functions(), runtimes.functions());
        StateStore store = StateStore.open(
                data.store().client().getDatabase(options.stateDatabase()),
                data.store().isEmbedded(),
                clock);
        try {
            options.dataDirectory().ifPresent(store::migrate);
            List<EmulatedApp> emulated = new ArrayList<>();
            for (AppSettings settings : options.apps()) {
                HookValidation.check(settings, functions);
                emulated.add(new EmulatedApp(
                        settings,
                        store.stateFor(settings.id()),
                        functions,
                        appData.get(settings.id()),
                        runtimes.userEvents(settings.id())));
            }
            WatchStreams watches = new WatchStreams(data.events(), options.watchHeartbeat());
            Apps apps = new Apps(emulated);
            RequestCounters counters = new RequestCounters();
            FaultRegistry faults = new FaultRegistry();
            Dispatcher dispatcher = new Dispatcher(routes(apps, counters, faults, clock, watches), counters, faults);

            answerWithoutDelayedAck();
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
            } catch (IOException | RuntimeException e) {
                watches.close();
                throw Messages.cannotBind(options.host(), options.port(), e);
            }
            ThreadPoolExecutor workers = new ThreadPoolExecutor(
                    WORKERS, WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), workerThreads());
            workers.allowCoreThreadTimeOut(true);
            server.setExecutor(workers);
            server.createContext("/", dispatcher);
            server.start();
            return new EmulatorServer(server, workers, dispatcher, options.host(), watches, store, data, runtimes);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * {@code http://<host>:<port>} with the host as configured; when listening on every interface, the loopback
     * address (a wildcard address is no URL a client can use).
     */
    public URI baseUrl() {
        String address = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : host;
        String literal = address.contains(":") ? "[" + address + "]" : address;
        return URI.create("http://" + literal + ":" + port());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watches.close();
        long deadline = System.currentTimeMillis() + CLOSE_GRACE_MILLIS;
        while (dispatcher.inFlight() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimes.close();
        store.close();
        data.close();
    }

    private static Router routes(
            Apps apps, RequestCounters counters, FaultRegistry faults, EmulatorClock clock, WatchStreams watches) {
        TokenService tokens = new TokenService(apps, clock);
        SessionEndpoints sessions = new SessionEndpoints(tokens);
        EmailPasswordEndpoints userpass = new EmailPasswordEndpoints(apps);
        ApiKeyEndpoints apiKeys = new ApiKeyEndpoints(tokens);
        AdminEndpoints admin = new AdminEndpoints(apps, counters, faults, clock);
        Router router = new Router()
                .add("GET", APP + "/location", new LocationEndpoint(apps))
                .add("POST", APP + "/auth/providers/{provider}/login", new LoginEndpoint(apps, tokens, clock))
                .add("GET", CLIENT + "/auth/profile", sessions::profile)
                .add("POST", CLIENT + "/auth/session", sessions::refresh)
                .add("DELETE", CLIENT + "/auth/session", sessions::logout)
                .add("DELETE", CLIENT + "/auth/delete", sessions::delete)
                .add("POST", USERPASS + "/register", userpass::register)
                .add("POST", USERPASS + "/confirm", userpass::confirm)
                .add("POST", USERPASS + "/confirm/send", userpass::resendConfirmation)
                .add("POST", USERPASS + "/confirm/call", userpass::retryConfirmationFunction)
                .add("POST", USERPASS + "/reset/send", userpass::sendReset)
                .add("POST", USERPASS + "/reset", userpass::reset)
                .add("POST", USERPASS + "/reset/call", userpass::callResetFunction)
                .add("POST", CLIENT + "/auth/api_keys", apiKeys::create)
                .add("GET", CLIENT + "/auth/api_keys", apiKeys::list)
                .add("GET", CLIENT + "/auth/api_keys/{keyId}", apiKeys::fetch)
                .add("DELETE", CLIENT + "/auth/api_keys/{keyId}", apiKeys::delete)
                .add("PUT", CLIENT + "/auth/api_keys/{keyId}/enable", apiKeys::enable)
                .add("PUT", CLIENT + "/auth/api_keys/{keyId}/disable", apiKeys::disable)
                .add("POST", APP + "/functions/call", new FunctionEndpoint(apps, tokens))
                .add("GET", APP + "/functions/call", new WatchEndpoint(apps, tokens, watches));
        admin.register(router, ADMIN);
        new DataAdminEndpoints(apps).register(router, ADMIN);
        return router;
    }

    /**
     * The JDK HTTP server leaves Nagle's algorithm on unless {@code sun.net.httpserver.nodelay} is true, so every
     * small response waits ~40 ms for the client's delayed ACK. The server reads the property once per JVM, when its
     * first server is created: set here (unless the JVM was started with a value) it takes effect for the runnable jar
     * and for embedded emulators alike, provided no other JDK HTTP server was created in this JVM before.
     */
    private static void answerWithoutDelayedAck() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static void validateAppIds(Options options) {
        Set<String> ids = new HashSet<>();
        for (AppSettings app : options.apps()) {
            if (!ids.add(app.id())) {
                throw Messages.duplicateApp(app.id());
            }
        }
        options.functions().forEach((appId, functions) -> {
            if (!ids.contains(appId)) {
                throw Messages.functionForUnknownApp(
                        appId, functions.keySet().iterator().next());
            }
        });
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "appservices-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
