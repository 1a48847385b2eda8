package dev.appservices.extension.internal.health;

import dev.appservices.extension.internal.client.DefaultApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The readiness check {@code appservices-<id>} of one App: UP when its backend answers the location request within
 * the App timeout and its metadata store can be read and written. The outcome is kept for {@link #CACHED} so that
 * frequent probes (a load balancer's, every second) never hammer the backend; probes that arrive while one runs wait
 * for its outcome. Data: the base URL's host, the time of the last successful request and the number of logged-in
 * users; a DOWN check adds the reason in one line. Never a token, key or URL with credentials (a base URL cannot
 * hold credentials). Thread-safe.
 */
final class AppReadinessCheck implements HealthCheck {

    /** How long an outcome is answered again without asking the backend. */
    static final Duration CACHED = Duration.ofSeconds(5);

    private final String appId;
    private final Supplier<DefaultApp> app;
    private final Clock clock;
    private HealthCheckResponse last;
    private Instant lastAt;

    /**
     * @param appId the App id
     * @param app   the App, looked up at every check (a closed App is replaced by a new one of the same id)
     * @param clock the clock that times the cache
     */
    AppReadinessCheck(String appId, Supplier<DefaultApp> app, Clock clock) {
        this.appId = appId;
        this.app = app;
        this.clock = clock;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(CACHED))) {
            last = check();
            lastAt = now;
        }
        return last;
    }

    private HealthCheckResponse check() {
        DefaultApp current;
        try {
            current = app.get();
        } catch (RuntimeException e) {
            return AppHealth.down(appId, Map.of(AppHealth.REASON, HealthMessages.reason(appId, e)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host", String.valueOf(current.baseUrl().getHost()));
        try {
            current.checkHealth();
        } catch (RuntimeException e) {
            describe(current, data);
            data.put(AppHealth.REASON, HealthMessages.reason(appId, e));
            return AppHealth.down(appId, data);
        }
        describe(current, data);
        return AppHealth.up(appId, data);
    }

    private static void describe(DefaultApp app, Map<String, Object> data) {
        Optional<Instant> lastSuccess = app.lastSuccessfulRequest();
        lastSuccess.ifPresent(at -> data.put("lastSuccessfulRequest", at.toString()));
        data.put("loggedInUsers", app.loggedInUsers());
    }
}
