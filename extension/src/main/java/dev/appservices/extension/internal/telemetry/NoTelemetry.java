package dev.appservices.extension.internal.telemetry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/** {@link Telemetry#NONE}: without the OpenTelemetry API every report is dropped. */
final class NoTelemetry implements Telemetry, RequestTrace {

    @Override
    public RequestTrace request(RequestKind kind, String appId, String host, Optional<String> function) {
        return this;
    }

    @Override
    public void tokenRefreshed(String appId) {
        // nothing to report to
    }

    @Override
    public void sessionExpired(String appId) {
        // nothing to report to
    }

    @Override
    public void metadataWritten(String appId, Duration duration) {
        // nothing to report to
    }

    @Override
    public AutoCloseable observeLoggedInUsers(String appId, LongSupplier count) {
        return () -> {};
    }

    @Override
    public void responded(int status) {
        // nothing to report to
    }

    @Override
    public void propagate(BiConsumer<String, String> headers) {
        // no trace context to continue
    }

    @Override
    public void succeeded() {
        // nothing to report to
    }

    @Override
    public void failed(String errorCode) {
        // nothing to report to
    }
}
