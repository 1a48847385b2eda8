package dev.appservices.it;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The App Services backends of the integration tests: emulators that run in the test JVM, outside the server, each on
 * a free port of 127.0.0.1. A test class starts them in its {@code @Deployment} method and writes their base URLs
 * into the deployment's configuration; {@link BackendsCleanup} closes them after the class.
 *
 * <p>Every app of a backend has the function {@value BackendProbe#NAME_FUNCTION}, which answers the name the backend
 * was started with: code in the server learns through {@link BackendProbe} which backend served its request, without
 * reaching the admin API.
 *
 * <p>Only the test JVM uses this class (the server has no emulator classes), so test classes may call it from
 * {@code @Deployment} and {@code @RunAsClient} methods only, and must not declare fields, parameters or lambdas of
 * emulator types: the server loads the test class too, and looking up its methods would fail there. That is why
 * this class answers the questions tests ask of a backend's admin API itself. Thread-safe.
 */
public final class Backends {

    private static final String LOGIN_ROUTE = "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login";

    private static final List<AppServicesEmulator> RUNNING = new ArrayList<>();

    /** How each backend was started, by base URL, to start it again on the same port. */
    private static final Map<URI, Started> STARTED = new HashMap<>();

    private record Started(String name, List<AppDefinition> apps) {}

    private Backends() {}

    /**
     * Starts a backend serving the given apps.
     *
     * @param name what {@value BackendProbe#NAME_FUNCTION} answers
     * @param apps the apps it serves
     * @return its base URL, {@code http://127.0.0.1:<port>}
     */
    public static synchronized URI start(String name, AppDefinition... apps) {
        return launch(new Started(name, List.of(apps)), 0);
    }

    /**
     * Stops a backend, as if its server went away; {@link #restart} brings it back.
     *
     * @param baseUrl the URL {@link #start} returned
     */
    public static synchronized void stop(URI baseUrl) {
        AppServicesEmulator emulator = RUNNING.stream()
                .filter(running -> running.baseUrl().equals(baseUrl))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend runs at " + baseUrl));
        emulator.close();
        RUNNING.remove(emulator);
    }

    /**
     * Starts a stopped backend again, on the same port and with the same apps (their users are gone).
     *
     * @param baseUrl the URL {@link #start} returned
     */
    public static synchronized void restart(URI baseUrl) {
        launch(STARTED.get(baseUrl), baseUrl.getPort());
    }

    private static URI launch(Started started, int port) {
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder().port(port);
        for (AppDefinition app : started.apps()) {
            builder.app(app)
                    .function(
                            app.id(),
                            BackendProbe.NAME_FUNCTION,
                            (context, arguments) -> new BsonString(started.name()));
        }
        AppServicesEmulator emulator = builder.start();
        RUNNING.add(emulator);
        STARTED.put(emulator.baseUrl(), started);
        return emulator.baseUrl();
    }

    /**
     * The definition of an app with the providers most scenarios use: anonymous, and email/password with users
     * confirmed at registration.
     *
     * @param id the app id
     * @return the definition
     */
    public static AppDefinition app(String id) {
        return AppDefinition.builder(id).anonymousAuth().emailPasswordAuth(true).build();
    }

    /**
     * An app with anonymous login and the {@code mongodb-atlas} service, whose one rule lets every user read and
     * write every document of every collection.
     */
    public static AppDefinition appWithOpenData(String id) {
        return AppDefinition.builder(id)
                .anonymousAuth()
                .mongodb(
                        "mongodb-atlas",
                        List.of(),
                        BsonDocument.parse("{\"roles\": [{\"name\": \"all\","
                                + " \"apply_when\": {}, \"read\": true, \"write\": true, \"insert\": true, \"delete\": true,"
                                + " \"search\": true}]}"))
                .build();
    }

    /**
     * The ids of the users an app of a backend has.
     *
     * @param baseUrl the URL {@link #start} returned
     * @param appId   the app
     * @return the user ids
     */
    public static List<String> userIds(URI baseUrl, String appId) {
        return admin(baseUrl).users(appId).stream()
                .map(EmulatorAdmin.UserInfo::id)
                .toList();
    }

    /**
     * The number of login requests an app of a backend has served, whatever the provider and outcome.
     *
     * @param baseUrl the URL {@link #start} returned
     * @param appId   the app
     * @return the count
     */
    public static long logins(URI baseUrl, String appId) {
        return admin(baseUrl).requestCount(appId, "POST", LOGIN_ROUTE);
    }

    private static EmulatorAdmin admin(URI baseUrl) {
        return EmulatorAdmin.connect(baseUrl);
    }

    /** Closes every backend started so far. */
    static synchronized void closeAll() {
        RUNNING.forEach(AppServicesEmulator::close);
        RUNNING.clear();
        STARTED.clear();
    }
}
