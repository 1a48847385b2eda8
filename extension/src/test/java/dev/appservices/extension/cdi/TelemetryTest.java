package dev.appservices.extension.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.ConnectionException;
import dev.appservices.Credentials;
import dev.appservices.FunctionException;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.cdi.support.AppServicesTest;
import dev.appservices.extension.cdi.support.TestConfigSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With an {@code OpenTelemetry} bean in the container, as MicroProfile Telemetry provides it (here the SDK with
 * in-memory exporters), every backend request of an App is a client span with the HTTP and App attributes, child of
 * the caller's span; failures are error spans with the error code; the metrics count and time requests, token
 * refreshes, session ends, logged-in users and metadata writes. No token, password or function argument appears in
 * any attribute.
 */
@AppServicesTest
class TelemetryTest {

    private static final String APP_ID = "orders";
    private static final String SECRET_ARGUMENT = "secret-argument-4711";
    private static final String PASSWORD = "secret-password-0815";
    private static final String EMAIL = "ana@example.com";

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> ATTRIBUTE_APP_ID = AttributeKey.stringKey("appservices.app_id");
    private static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("appservices.function.name");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("appservices.outcome");

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final InMemoryMetricReader METRICS = InMemoryMetricReader.createDelta();
    private static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(METRICS).build())
            .build();

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.app(AppDefinition.builder(APP_ID)
                            .anonymousAuth()
                            .emailPasswordAuth(true)
                            .build())
                    .function(APP_ID, "echo", (context, arguments) -> arguments.get(0)));

    @Inject
    @AppServices(id = APP_ID)
    App app;

    @BeforeAll
    static void configure() {
        TestConfigSource.set("appservices.orders.metadata.mode", "in-memory");
    }

    @BeforeEach
    void reset() {
        TestConfigSource.set("appservices.orders.base-url", EMULATOR.baseUrl().toString());
        SPANS.reset();
        METRICS.collectAllMetrics();
    }

    /** What MicroProfile Telemetry contributes on a server. */
    @Produces
    OpenTelemetry openTelemetry() {
        return SDK;
    }

    @Test
    void aLoginAndAFunctionCallAreClientSpansWithTheirAttributes() {
        User user = app.logIn(Credentials.anonymous());
        assertEquals(
                List.of(
                        "appservices location",
                        "appservices auth/providers/{provider}/login",
                        "appservices auth/profile"),
                names(SPANS.getFinishedSpanItems()));
        SpanData login = SPANS.getFinishedSpanItems().get(1);
        assertEquals(
                Attributes.builder()
                        .put(METHOD, "POST")
                        .put(URL_TEMPLATE, "/api/client/v2.0/app/{appId}/auth/providers/{provider}/login")
                        .put(SERVER_ADDRESS, "127.0.0.1")
                        .put(ATTRIBUTE_APP_ID, APP_ID)
                        .put(STATUS, 200L)
                        .build()
                        .asMap(),
                login.getAttributes().asMap());
        assertEquals(SpanKind.CLIENT, login.getKind());
        assertEquals(StatusCode.UNSET, login.getStatus().getStatusCode());
        SPANS.reset();

        user.functions().callRaw("echo", new BsonInt32(42));

        SpanData call = single(SPANS.getFinishedSpanItems());
        assertEquals("appservices functions/call", call.getName());
        assertEquals(
                Attributes.builder()
                        .put(METHOD, "POST")
                        .put(URL_TEMPLATE, "/api/client/v2.0/app/{appId}/functions/call")
                        .put(SERVER_ADDRESS, "127.0.0.1")
                        .put(ATTRIBUTE_APP_ID, APP_ID)
                        .put(FUNCTION, "echo")
                        .put(STATUS, 200L)
                        .build()
                        .asMap(),
                call.getAttributes().asMap());
    }

    @Test
    void theSpanOfARequestIsAChildOfTheCallersSpan() {
        User user = app.logIn(Credentials.anonymous());
        SPANS.reset();

        Span caller = SDK.getTracer("test").spanBuilder("caller").startSpan();
        try (Scope scope = caller.makeCurrent()) {
            user.functions().callRaw("echo", new BsonInt32(1));
        } finally {
            caller.end();
        }

        SpanData call = SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("appservices functions/call"))
                .findFirst()
                .orElseThrow();
        assertEquals(caller.getSpanContext().getTraceId(), call.getTraceId());
        assertEquals(caller.getSpanContext().getSpanId(), call.getParentSpanId());
    }

    @Test
    void failuresAreErrorSpansWithTheErrorCode() throws IOException {
        User user = app.logIn(Credentials.anonymous());
        SPANS.reset();

        assertThrows(FunctionException.class, () -> user.functions().callRaw("missing"));

        SpanData call = single(SPANS.getFinishedSpanItems());
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertEquals("FunctionNotFound", call.getStatus().getDescription());
        assertEquals("FunctionNotFound", call.getAttributes().get(ERROR_TYPE));
        assertEquals(404L, call.getAttributes().get(STATUS));
        assertEquals("missing", call.getAttributes().get(FUNCTION));
        SPANS.reset();

        try (ServerSocket socket = new ServerSocket(0)) {
            TestConfigSource.set("appservices.orders.base-url", "http://127.0.0.1:" + socket.getLocalPort());
        }
        ConnectionException failure =
                assertThrows(ConnectionException.class, () -> user.functions().callRaw("echo", new BsonInt32(1)));
        SpanData location = single(SPANS.getFinishedSpanItems());
        assertEquals("appservices location", location.getName());
        assertEquals(StatusCode.ERROR, location.getStatus().getStatusCode());
        assertEquals(failure.errorCode().wireName(), location.getStatus().getDescription());
        assertEquals(failure.errorCode().wireName(), location.getAttributes().get(ERROR_TYPE));
        assertEquals(null, location.getAttributes().get(STATUS), "no answer, no status");
    }

    @Test
    void noTokenPasswordOrArgumentInAnyAttribute() {
        app.emailPasswordAuth().registerUser(EMAIL, PASSWORD);
        User user = app.logIn(Credentials.emailPassword(EMAIL, PASSWORD));
        user.functions().callRaw("echo", new BsonString(SECRET_ARGUMENT));
        user.refreshCustomData();
        assertThrows(FunctionException.class, () -> user.functions().callRaw("missing", SECRET_ARGUMENT));
        List<String> secrets = List.of(
                SECRET_ARGUMENT,
                PASSWORD,
                user.accessToken().orElseThrow(),
                user.refreshToken().orElseThrow());

        List<String> values = new ArrayList<>();
        for (SpanData span : SPANS.getFinishedSpanItems()) {
            values.add(span.getName());
            values.add(String.valueOf(span.getStatus().getDescription()));
            span.getAttributes().forEach((key, value) -> values.add(key.getKey() + "=" + value));
        }
        for (MetricData metric : METRICS.collectAllMetrics()) {
            metric.getData()
                    .getPoints()
                    .forEach(point ->
                            point.getAttributes().forEach((key, value) -> values.add(key.getKey() + "=" + value)));
        }
        assertTrue(values.size() > 20, values.toString());
        for (String value : values) {
            for (String secret : secrets) {
                assertFalse(value.contains(secret), value);
            }
        }
    }

    @Test
    void metricsCountAndTimeRequestsRefreshesSessionEndsUsersAndMetadataWrites() {
        User user = app.logIn(Credentials.anonymous());
        user.functions().callRaw("echo", new BsonInt32(1));
        user.functions().callRaw("echo", new BsonInt32(2));
        assertThrows(FunctionException.class, () -> user.functions().callRaw("missing"));
        user.refreshCustomData();

        Map<String, MetricData> metrics = byName(METRICS.collectAllMetrics());
        Map<Attributes, Long> calls = histogramCounts(metrics.get("appservices.client.request.duration"));
        assertEquals(2L, calls.get(requestAttributes("/api/client/v2.0/app/{appId}/functions/call", "success")));
        assertEquals(
                1L, calls.get(requestAttributes("/api/client/v2.0/app/{appId}/functions/call", "FunctionNotFound")));
        assertEquals("s", metrics.get("appservices.client.request.duration").getUnit());
        assertEquals(1L, sum(metrics.get("appservices.client.token.refreshes")));
        assertEquals(1L, gauge(metrics.get("appservices.client.users.logged_in")));
        assertTrue(
                histogramCounts(metrics.get("appservices.metadata.write.duration")).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        >= 2,
                "login and refresh write the store");

        EMULATOR.admin().logoutUser(APP_ID, user.id());
        assertThrows(RuntimeException.class, user::refreshCustomData);

        metrics = byName(METRICS.collectAllMetrics());
        assertEquals(1L, sum(metrics.get("appservices.client.session.expirations")));
        assertEquals(0L, gauge(metrics.get("appservices.client.users.logged_in")));
    }

    private static Attributes requestAttributes(String urlTemplate, String outcome) {
        return Attributes.of(ATTRIBUTE_APP_ID, APP_ID, METHOD, "POST", URL_TEMPLATE, urlTemplate, OUTCOME, outcome);
    }

    private static Map<String, MetricData> byName(Iterable<MetricData> metrics) {
        Map<String, MetricData> byName = new java.util.HashMap<>();
        metrics.forEach(metric -> byName.put(metric.getName(), metric));
        return byName;
    }

    private static Map<Attributes, Long> histogramCounts(MetricData metric) {
        return metric.getHistogramData().getPoints().stream()
                .collect(Collectors.toMap(HistogramPointData::getAttributes, HistogramPointData::getCount));
    }

    private static long sum(MetricData metric) {
        return metric.getLongSumData().getPoints().stream()
                .mapToLong(LongPointData::getValue)
                .sum();
    }

    private static long gauge(MetricData metric) {
        LongPointData point = single(List.copyOf(metric.getLongGaugeData().getPoints()));
        assertEquals(
                Optional.of(APP_ID), Optional.ofNullable(point.getAttributes().get(ATTRIBUTE_APP_ID)));
        return point.getValue();
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
