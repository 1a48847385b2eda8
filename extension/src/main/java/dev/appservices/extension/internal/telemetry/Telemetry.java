package dev.appservices.extension.internal.telemetry;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where the client reports what operators see in traces and dashboards. {@link #NONE} when the OpenTelemetry API is
 * absent; otherwise {@link #global()} or the {@code OpenTelemetry} bean of MicroProfile Telemetry. Implementations are
 * thread-safe.
 */
public interface Telemetry {

    /** Reports nothing, at no cost. */
    Telemetry NONE = new NoTelemetry();

    /**
     * Starts the trace of a backend request and makes its span current.
     *
     * @param kind     the kind of request
     * @param appId    the App id
     * @param host     the host name of the server the request goes to
     * @param function the name of the function, for a function call
     */
    RequestTrace request(RequestKind kind, String appId, String host, Optional<String> function);

    /** Counts a refresh of an access token. */
    void tokenRefreshed(String appId);

    /** Counts a session that the backend ended (the refresh token was refused). */
    void sessionExpired(String appId);

    /** Records how long a change of the metadata store took. */
    void metadataWritten(String appId, Duration duration);

    /**
     * Reports the number of logged-in users of an App whenever metrics are collected.
     *
     * @return stops reporting
     */
    AutoCloseable observeLoggedInUsers(String appId, LongSupplier count);

    /**
     * The telemetry of the global OpenTelemetry instance (a no-op one unless the application set one), or
     * {@link #NONE} without the OpenTelemetry API.
     */
    static Telemetry global() {
        return OpenTelemetryPresence.API_PRESENT ? OpenTelemetryTelemetry.global() : NONE;
    }

    /**
     * The telemetry of the container's {@code OpenTelemetry} bean, which MicroProfile Telemetry provides (configured
     * by the server: exporters, sampling, {@code otel.sdk.disabled}).
     *
     * @param lookup the container's lookup
     * @return empty without the OpenTelemetry API or without such a bean
     */
    static Optional<Telemetry> ofContainer(Instance<Object> lookup) {
        return OpenTelemetryPresence.API_PRESENT ? OpenTelemetryTelemetry.ofBean(lookup) : Optional.empty();
    }
}
