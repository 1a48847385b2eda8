package dev.appservices.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonString;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorAdmin;

/**
 * The App Services backends of the integration tests: emulators that run in the test JVM, outside the server, each on
 * a free port of 127.0.0.1. A test class starts them in its {@code @Deployment} method and writes their base URLs
 * into the deployment's configuration; {@link BackendsCleanup} closes them after the class.
 *
 * <p>Every app of a backend has the function {@value #NAME_FUNCTION}, which answers the name the backend was started
 * with: an application that calls it learns which backend served its request, without reaching the admin API.
 *
 * <p>Only the test JVM uses this class (the server has no emulator classes), so test classes may call it from
 * {@code @Deployment} and {@code @RunAsClient} methods only, and must not declare fields or parameters of emulator
 * types, which the server would fail to load. Not thread-safe beyond what one test class at a time needs.
 */
public final class Backends {

    /** The function that answers the name of the backend serving the request. */
    public static final String NAME_FUNCTION = "backendName";

    private static final List<AppServicesEmulator> RUNNING = new ArrayList<>();

    private Backends() {
    }

    /**
     * Starts a backend serving the given apps.
     *
     * @param name what {@value #NAME_FUNCTION} answers
     * @param apps the apps it serves
     * @return its base URL, {@code http://127.0.0.1:<port>}
     */
    public static synchronized URI start(String name, AppDefinition... apps) {
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder();
        for (AppDefinition app : apps) {
            builder.app(app).function(app.id(), NAME_FUNCTION, (context, arguments) -> new BsonString(name));
        }
        AppServicesEmulator emulator = builder.start();
        RUNNING.add(emulator);
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
     * The admin API of a backend started here.
     *
     * @param baseUrl the URL {@link #start} returned
     * @return its admin client
     */
    public static EmulatorAdmin admin(URI baseUrl) {
        return EmulatorAdmin.connect(baseUrl);
    }

    /** Closes every backend started so far. */
    static synchronized void closeAll() {
        RUNNING.forEach(AppServicesEmulator::close);
        RUNNING.clear();
    }
}
