package dev.appservices.extension.internal.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * {@link Telemetry} on the OpenTelemetry API: a client span per backend request with the HTTP semantic conventions'
 * attributes ({@code http.request.method}, {@code url.template}, {@code server.address},
 * {@code http.response.status_code}, {@code error.type}) and the App's ({@code appservices.app_id},
 * {@code appservices.function.name}), and the metrics below. The only class that refers to the API's types, loaded
 * only when the API is present. Uses only API of OpenTelemetry 1.x that the servers' MicroProfile Telemetry 2.0
 * implementations provide.
 */
final class OpenTelemetryTelemetry implements Telemetry {

    static final String INSTRUMENTATION = "dev.appservices";

    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> APP_ID = AttributeKey.stringKey("appservices.app_id");
    static final AttributeKey<String> FUNCTION_NAME = AttributeKey.stringKey("appservices.function.name");
    /** {@code success} or the error code: the outcome of a request in the duration histogram. */
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("appservices.outcome");

    private static final String SUCCESS = "success";
    private static final TextMapSetter<BiConsumer<String, String>> HEADER_SETTER = BiConsumer::accept;

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final Meter meter;
    private final DoubleHistogram requestDuration;
    private final DoubleHistogram metadataWriteDuration;
    private final LongCounter tokenRefreshes;
    private final LongCounter sessionExpirations;

    OpenTelemetryTelemetry(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.meter = openTelemetry.getMeter(INSTRUMENTATION);
        this.requestDuration = meter.histogramBuilder("appservices.client.request.duration")
                .setUnit("s")
                .setDescription("Duration of the requests to the App Services backend")
                .build();
        this.metadataWriteDuration = meter.histogramBuilder("appservices.metadata.write.duration")
                .setUnit("s")
                .setDescription("Duration of the changes of the metadata store")
                .build();
        this.tokenRefreshes = meter.counterBuilder("appservices.client.token.refreshes")
                .setUnit("{refresh}")
                .setDescription("Access tokens refreshed")
                .build();
        this.sessionExpirations = meter.counterBuilder("appservices.client.session.expirations")
                .setUnit("{session}")
                .setDescription("Sessions the backend ended")
                .build();
    }

    static Telemetry global() {
        return new OpenTelemetryTelemetry(GlobalOpenTelemetry.get());
    }

    /** The telemetry of the container's {@code OpenTelemetry} bean (MicroProfile Telemetry), if it has one. */
    static Optional<Telemetry> ofBean(Instance<Object> lookup) {
        Instance<OpenTelemetry> bean = lookup.select(OpenTelemetry.class);
        return bean.isResolvable() ? Optional.of(new OpenTelemetryTelemetry(bean.get())) : Optional.empty();
    }

    @Override
    public RequestTrace request(RequestKind kind, String appId, String host, Optional<String> function) {
        SpanBuilder builder = tracer.spanBuilder(kind.spanName())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_REQUEST_METHOD, kind.method())
                .setAttribute(URL_TEMPLATE, kind.urlTemplate())
                .setAttribute(SERVER_ADDRESS, host)
                .setAttribute(APP_ID, appId);
        function.ifPresent(name -> builder.setAttribute(FUNCTION_NAME, name));
        Span span = builder.startSpan();
        return new Trace(span, span.makeCurrent(), kind, appId);
    }

    @Override
    public void tokenRefreshed(String appId) {
        tokenRefreshes.add(1, Attributes.of(APP_ID, appId));
    }

    @Override
    public void sessionExpired(String appId) {
        sessionExpirations.add(1, Attributes.of(APP_ID, appId));
    }

    @Override
    public void metadataWritten(String appId, Duration duration) {
        metadataWriteDuration.record(seconds(duration.toNanos()), Attributes.of(APP_ID, appId));
    }

    @Override
    public AutoCloseable observeLoggedInUsers(String appId, LongSupplier count) {
        Attributes attributes = Attributes.of(APP_ID, appId);
        return meter.gaugeBuilder("appservices.client.users.logged_in")
                .ofLongs()
                .setUnit("{user}")
                .setDescription("Users logged in to the App")
                .buildWithCallback(measurement -> measurement.record(count.getAsLong(), attributes));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** One request's span, current until the request ends, and its start for the duration histogram. */
    private final class Trace implements RequestTrace {

        private final Span span;
        private final Scope scope;
        private final RequestKind kind;
        private final String appId;
        private final long start = System.nanoTime();

        Trace(Span span, Scope scope, RequestKind kind, String appId) {
            this.span = span;
            this.scope = scope;
            this.kind = kind;
            this.appId = appId;
        }

        @Override
        public void responded(int status) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
        }

        @Override
        public void propagate(BiConsumer<String, String> headers) {
            openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, HEADER_SETTER);
        }

        @Override
        public void succeeded() {
            end(SUCCESS);
        }

        @Override
        public void failed(String errorCode) {
            span.setStatus(StatusCode.ERROR, errorCode);
            span.setAttribute(ERROR_TYPE, errorCode);
            end(errorCode);
        }

        private void end(String outcome) {
            scope.close();
            span.end();
            requestDuration.record(
                    seconds(System.nanoTime() - start),
                    Attributes.of(
                            APP_ID,
                            appId,
                            HTTP_REQUEST_METHOD,
                            kind.method(),
                            URL_TEMPLATE,
                            kind.urlTemplate(),
                            OUTCOME,
                            outcome));
        }
    }
}
