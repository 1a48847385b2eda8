package dev.appservices.emulator;

import dev.appservices.emulator.internal.EmulatorServer;
import dev.appservices.emulator.internal.appimport.ExportReader;
import dev.appservices.emulator.internal.appimport.ImportedApp;
import dev.appservices.emulator.internal.appimport.Secrets;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.config.ConfigFileReader;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An App Services backend emulator running in this JVM: it serves the App Services client protocol (location,
 * login with every provider, profile, sessions, email/password, API keys, functions) and the emulator's admin API
 * under {@code /emulator/v1} over HTTP. Apps come from code, from configuration files, or from directories exported
 * from App Services, whose JavaScript functions it runs.
 *
 * <pre>{@code
 * try (AppServicesEmulator emulator = AppServicesEmulator.builder()
 *         .app(AppDefinition.builder("orders").anonymousAuth().emailPasswordAuth(true).build())
 *         .start()) {
 *     URI baseUrl = emulator.baseUrl();            // e.g. http://127.0.0.1:41234
 *     // point the client at baseUrl; read confirmation tokens through emulator.admin()
 * }
 * }</pre>
 *
 * <p>An instance is thread-safe. It listens until {@link #close()}, which lets requests in flight finish for up to
 * two seconds. Its worker threads are daemon threads, so a forgotten emulator does not keep a JVM alive.
 *
 * @since 0.1
 */
public final class AppServicesEmulator implements AutoCloseable {

    /** The default listen address: the loopback interface only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default interval of heartbeat comments on watch streams, as the real service sent them. */
    public static final Duration DEFAULT_WATCH_HEARTBEAT = Duration.ofSeconds(10);

    /** The default database of the emulator's own state (users, sessions, keys, tokens, signing secrets). */
    public static final String DEFAULT_STATE_DATABASE = "__appservices";

    /** The class-path resource of the bundled demo configuration (apps {@code sample} and {@code sample-auto}). */
    public static final String DEMO_CONFIG_RESOURCE = "demo-apps.json";

    /** How long one JavaScript function call may run by default, as in App Services: 300 seconds. */
    public static final Duration DEFAULT_FUNCTION_TIME_LIMIT = Duration.ofSeconds(300);

    private final EmulatorServer server;
    private final EmulatorAdmin admin;

    private AppServicesEmulator(EmulatorServer server) {
        this.server = server;
        this.admin = EmulatorAdmin.connect(server.baseUrl());
    }

    /**
     * Starts building an emulator.
     *
     * @return a builder for an emulator on {@value #DEFAULT_HOST}, a free port, with no apps
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL clients use as their base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash).
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * The port the emulator listens on (the chosen one when started with port 0).
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * A client of this emulator's admin API (over HTTP, like {@link EmulatorAdmin#connect(URI)}).
     *
     * @return the admin client
     */
    public EmulatorAdmin admin() {
        return admin;
    }

    /**
     * Stops the emulator: no new connections are accepted, requests in flight get up to two seconds to finish.
     * State kept in a data directory stays there. Calling it again has no effect.
     */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "AppServicesEmulator[" + baseUrl() + "]";
    }

    /**
     * Builds and starts an {@link AppServicesEmulator}. Every method returns this builder. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port;
        private final List<AppDefinition> apps = new ArrayList<>();
        private final Map<String, Map<String, EmulatorFunction>> functions = new LinkedHashMap<>();
        private Path dataDirectory;
        private ClassLoader classLoader;
        private final List<AppImport> imports = new ArrayList<>();
        private final List<Path> secretFiles = new ArrayList<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Set<String> httpHosts = new LinkedHashSet<>();
        private Duration functionTimeLimit = DEFAULT_FUNCTION_TIME_LIMIT;
        private String mongodbUri;
        private Duration watchHeartbeat = DEFAULT_WATCH_HEARTBEAT;
        private Clock clock = Clock.systemUTC();
        private String stateDatabase = DEFAULT_STATE_DATABASE;

        private Builder() {}

        /**
         * Sets the address to listen on (default {@value AppServicesEmulator#DEFAULT_HOST}).
         *
         * @param value a host name or IP address, e.g. {@code 0.0.0.0} for every interface
         * @return this builder
         */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the port (default 0: any free port, see {@link AppServicesEmulator#port()}).
         *
         * @param value 0 to 65535
         * @return this builder
         * @throws EmulatorException {@code APPSVC0507} for a value out of range
         */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw Messages.invalidArgument("port", value + " is not between 0 and 65535");
            }
            this.port = value;
            return this;
        }

        /**
         * Adds the apps of a configuration file (format: {@code docs/emulator.adoc}).
         *
         * @param file the JSON configuration file
         * @return this builder
         * @throws EmulatorException {@code APPSVC0500} if unreadable, {@code APPSVC0501} naming an invalid key
         */
        public Builder config(Path file) {
            apps.addAll(ConfigFileReader.read(Objects.requireNonNull(file, "file")));
            return this;
        }

        /**
         * Adds the apps of a configuration file on the class path, e.g. {@link #DEMO_CONFIG_RESOURCE}.
         *
         * @param resource the resource name, resolved by the context class loader (or this class's loader)
         * @return this builder
         * @throws EmulatorException {@code APPSVC0509} if missing, {@code APPSVC0501} naming an invalid key
         */
        public Builder configResource(String resource) {
            Objects.requireNonNull(resource, "resource");
            ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(AppServicesEmulator.class.getClassLoader());
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw Messages.configResourceMissing(resource);
                }
                apps.addAll(ConfigFileReader.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw Messages.configUnreadable(Path.of(resource), e);
            }
            return this;
        }

        /**
         * Adds an app defined in code.
         *
         * @param app the app
         * @return this builder
         */
        public Builder app(AppDefinition app) {
            apps.add(Objects.requireNonNull(app, "app"));
            return this;
        }

        /**
         * Adds an app exported from App Services: the directory the App Services CLI ({@code appservices pull}) or
         * realm-cli ({@code realm-cli pull}) wrote, with any of the root files {@code root_config.json} (with
         * {@code .mdb/meta.json}), {@code realm_config.json}, {@code config.json} or {@code stitch.json}. The app is
         * served under its client app id with its auth providers, JavaScript functions, values and environment
         * (format and limits: {@code docs/emulator.adoc}). The directory is read by {@link #start()}, after every
         * secret is known.
         *
         * @param directory the export directory
         * @return this builder
         */
        public Builder importApp(Path directory) {
            imports.add(new AppImport(Objects.requireNonNull(directory, "directory"), Optional.empty()));
            return this;
        }

        /**
         * Adds an app exported from App Services under another client app id than its own (see
         * {@link #importApp(Path)}).
         *
         * @param directory the export directory
         * @param appId the client app id to serve it under
         * @return this builder
         */
        public Builder importApp(Path directory, String appId) {
            imports.add(new AppImport(
                    Objects.requireNonNull(directory, "directory"),
                    Optional.of(Objects.requireNonNull(appId, "appId"))));
            return this;
        }

        /**
         * Adds an app exported from App Services from a class-path directory, e.g. a test resource (see
         * {@link #importApp(Path)}).
         *
         * @param resource the directory's resource name, resolved by the context class loader (or this class's
         *     loader); it must be a directory of the file system, not inside a jar
         * @return this builder
         * @throws EmulatorException {@code APPSVC0509} if missing, {@code APPSVC0577} if inside a jar
         */
        public Builder importAppResource(String resource) {
            return importApp(resourcePath(resource));
        }

        /**
         * Reads the secrets imported apps need from a class-path resource (see {@link #secrets(Path)}).
         *
         * @param resource the secrets file's resource name, resolved like {@link #importAppResource(String)}
         * @return this builder
         * @throws EmulatorException {@code APPSVC0509} if missing, {@code APPSVC0577} if inside a jar
         */
        public Builder secretsResource(String resource) {
            return secrets(resourcePath(resource));
        }

        /**
         * Reads the secrets imported apps need from a JSON file {@code {"name": "value", …}}. Exports contain no
         * secrets; a secret no file, {@link #secret} call or environment variable {@code APPSERVICES_SECRET_<NAME>}
         * gives makes {@link #start()} fail naming it.
         *
         * @param file the secrets file, read by {@link #start()}
         * @return this builder
         */
        public Builder secrets(Path file) {
            secretFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Gives one secret of the imported apps (it wins over files and environment variables).
         *
         * @param name the secret's name as the export uses it
         * @param value its value (never logged)
         * @return this builder
         */
        public Builder secret(String name, String value) {
            secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Lets JavaScript functions reach these hosts with {@code context.http}; requests to other hosts fail.
         * None by default.
         *
         * @param hosts host names, e.g. {@code api.example.com}
         * @return this builder
         */
        public Builder allowHttp(String... hosts) {
            for (String host : hosts) {
                httpHosts.add(Objects.requireNonNull(host, "host"));
            }
            return this;
        }

        /**
         * Sets how long one JavaScript function call may run (default {@link #DEFAULT_FUNCTION_TIME_LIMIT}); a call
         * that runs longer is stopped and answered with {@code FunctionExecutionError}.
         *
         * @param limit a positive duration
         * @return this builder
         * @throws EmulatorException {@code APPSVC0507} if not positive
         */
        public Builder functionTimeLimit(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero()) {
                throw Messages.invalidArgument("functionTimeLimit", limit + " is not positive");
            }
            this.functionTimeLimit = limit;
            return this;
        }

        /**
         * Registers a function for one app. It is callable by that app's clients even if the app restricts its
         * function list, and it takes precedence over a built-in or discovered function of the same name.
         *
         * @param appId the app (must be added to this builder before {@link #start()})
         * @param name the function name clients call
         * @param function the function
         * @return this builder
         * @throws EmulatorException {@code APPSVC0505} if the app already has a function of that name
         */
        public Builder function(String appId, String name, EmulatorFunction function) {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
            if (functions.computeIfAbsent(appId, id -> new LinkedHashMap<>()).putIfAbsent(name, function) != null) {
                throw Messages.duplicateFunction("app '" + appId + "'", name);
            }
            return this;
        }

        /**
         * Persists the embedded store in a directory: users, identities, email accounts, API keys, pending tokens,
         * sessions, signing secrets and the apps' data, so that a restarted emulator with the same directory keeps
         * them (tokens issued before stay valid). A data file an earlier emulator version wrote there
         * ({@code emulator-state.json}) is moved into the store at start, once.
         *
         * @param directory the data directory (created if missing)
         * @return this builder
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Keeps the apps' data and the emulator's own state (see {@link #stateDatabase(String)}) in a MongoDB
         * deployment (a replica set or a sharded cluster) instead of the embedded store. The emulator checks at start
         * that it answers. Several emulators on one deployment serve the same apps as one: they share users,
         * sessions, API keys, pending tokens and signing secrets, and each sees a change made through another at its
         * next request.
         *
         * @param uri a MongoDB connection string, e.g. {@code mongodb://db1,db2/?replicaSet=rs0}
         * @return this builder
         */
        public Builder mongodbUri(String uri) {
            this.mongodbUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Sets the database in which the emulator keeps its own state (default {@value #DEFAULT_STATE_DATABASE}):
         * users, identities, accounts, sessions, API keys, pending tokens and the apps' signing secrets. Emulators
         * that use the same MongoDB deployment ({@link #mongodbUri(String)}) and the same state database serve the
         * same users and accept each other's tokens.
         *
         * @param name a MongoDB database name
         * @return this builder
         * @throws EmulatorException {@code APPSVC0507} for a name MongoDB does not accept
         */
        public Builder stateDatabase(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.length() > 63 || name.chars().anyMatch(c -> "/\\. \"$\0".indexOf(c) >= 0)) {
                throw Messages.invalidArgument(
                        "stateDatabase",
                        "'" + name + "' is no MongoDB database name (1 to 63 characters, none of /\\. \"$)");
            }
            this.stateDatabase = name;
            return this;
        }

        /**
         * Sets the interval of the heartbeat comments on watch streams (default ten seconds).
         *
         * @param interval a positive interval
         * @return this builder
         */
        public Builder watchHeartbeat(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the watch heartbeat interval must be positive: " + interval);
            }
            this.watchHeartbeat = interval;
            return this;
        }

        /**
         * Sets the class loader that discovers {@link EmulatorFunction}s through {@link java.util.ServiceLoader}
         * (default: the context class loader).
         *
         * @param loader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Sets the emulator's time (default: the system clock). Token {@code iat} and {@code exp}, session expiry
         * and custom-token expiry checks read it. Tests of expiry can pass a clock they control, or move the
         * emulator's time forward with {@link EmulatorAdmin#advanceClock(java.time.Duration)} instead of sleeping.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Starts the emulator; it is listening when this method returns.
         *
         * @return the running emulator
         * @throws EmulatorException for duplicate app ids ({@code APPSVC0502}), unknown function names
         *     ({@code APPSVC0503}), invalid custom-token keys ({@code APPSVC0501}), an unreadable data directory
         *     ({@code APPSVC0520}), a port that cannot be bound ({@code APPSVC0506}), or an export directory that
         *     cannot be served ({@code APPSVC0565}–{@code APPSVC0575}: no root file, invalid JSON, a function
         *     without code, a missing secret …)
         */
        public AppServicesEmulator start() {
            ClassLoader loader = Optional.ofNullable(classLoader)
                    .or(() -> Optional.ofNullable(Thread.currentThread().getContextClassLoader()))
                    .orElse(AppServicesEmulator.class.getClassLoader());
            Secrets known = Secrets.load(secretFiles, secrets, System::getenv);
            List<ImportedApp> imported = imports.stream()
                    .map(source -> ExportReader.read(source.directory(), source.appId(), known))
                    .toList();
            List<AppSettings> settings = new ArrayList<>();
            apps.forEach(app -> settings.add(app.settings()));
            imported.forEach(app -> settings.add(app.definition().settings()));
            return new AppServicesEmulator(EmulatorServer.start(new EmulatorServer.Options(
                    host,
                    port,
                    settings,
                    functions,
                    Optional.ofNullable(dataDirectory),
                    loader,
                    clock,
                    Optional.ofNullable(mongodbUri),
                    watchHeartbeat,
                    imported,
                    functionTimeLimit,
                    Set.copyOf(httpHosts),
                    stateDatabase)));
        }

        private static Path resourcePath(String resource) {
            Objects.requireNonNull(resource, "resource");
            URL url = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(AppServicesEmulator.class.getClassLoader())
                    .getResource(resource);
            if (url == null) {
                throw Messages.configResourceMissing(resource);
            }
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw Messages.resourceNotADirectory(resource, url.toString());
            }
        }

        /** An export directory to read at start, with the app id it is served under if not its own. */
        private record AppImport(Path directory, Optional<String> appId) {}
    }
}
