package dev.appservices.extension.internal.health;

import dev.appservices.AppServicesConfigException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The startup check {@code appservices-<id>} of one App: UP when its configuration is valid as read now (it is
 * dynamic); DOWN with the first problem as reason and the number of problems. Stateless.
 */
final class AppStartupCheck implements HealthCheck {

    private final String appId;
    private final Function<String, List<AppServicesConfigException>> validation;

    /**
     * @param appId      the App id
     * @param validation every problem of an App's configuration, read now
     */
    AppStartupCheck(String appId, Function<String, List<AppServicesConfigException>> validation) {
        this.appId = appId;
        this.validation = validation;
    }

    @Override
    public HealthCheckResponse call() {
        List<AppServicesConfigException> problems;
        try {
            problems = validation.apply(appId);
        } catch (RuntimeException e) {
            return AppHealth.down(appId, Map.of(AppHealth.REASON, HealthMessages.reason(appId, e)));
        }
        if (problems.isEmpty()) {
            return AppHealth.up(appId, Map.of());
        }
        return AppHealth.down(
                appId, Map.of(AppHealth.REASON, HealthMessages.reason(appId, problems.get(0)), "problems", (long)
                        problems.size()));
    }
}
