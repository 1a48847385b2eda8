package dev.appservices.extension.internal.health;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * The responses of the checks of an App, named {@code appservices-<id>}. Built with the constructor rather than
 * {@code HealthCheckResponse.named}, which needs the server's response provider: the checks then work with any
 * implementation of the Health API, and with the API alone.
 */
final class AppHealth {

    /** The data key of the reason of a DOWN check. */
    static final String REASON = "reason";

    private AppHealth() {}

    static String name(String appId) {
        return "appservices-" + appId;
    }

    static HealthCheckResponse up(String appId, Map<String, Object> data) {
        return new HealthCheckResponse(name(appId), Status.UP, Optional.of(Map.copyOf(data)));
    }

    static HealthCheckResponse down(String appId, Map<String, Object> data) {
        return new HealthCheckResponse(name(appId), Status.DOWN, Optional.of(Map.copyOf(data)));
    }
}
