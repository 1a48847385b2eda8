package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.Functions;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.telemetry.RequestKind;
import dev.appservices.extension.internal.telemetry.RequestTrace;
import dev.appservices.extension.internal.telemetry.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The cost of tracing: function calls of one App with telemetry off (no OpenTelemetry API, {@code Telemetry.NONE})
 * against telemetry on (the OpenTelemetry SDK recording every span and metric, with no exporter), in alternating
 * rounds at 1 and 8 callers. The App's telemetry is switched between rounds, so both modes use the same App, user,
 * connections and server. Reaches into the extension's internals: applications cannot switch telemetry at run time.
 */
final class TelemetryBench {

    private static final String EMAIL = "telemetry@bench.example";
    private static final int[] CONCURRENCY = {1, 8};
    private static final String OFF = "telemetry off";
    private static final String ON = "telemetry on (SDK, no exporter)";

    private TelemetryBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        BenchApps.registerUser(emulator.baseUrl(), EMAIL);
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setMeterProvider(SdkMeterProvider.builder().build())
                .build();
        GlobalOpenTelemetry.set(sdk);
        SwitchedTelemetry telemetry = new SwitchedTelemetry(Telemetry.global());
        try (App app = App.create(
                BenchApps.configuration(BenchApps.APP, emulator.baseUrl()).build())) {
            ((DefaultApp) app).useTelemetry(telemetry);
            Functions functions = app.logIn(Credentials.emailPassword(EMAIL, BenchApps.PASSWORD))
                    .functions();
            ClosedLoop.Operation call = caller -> {
                if (functions.call("sum", Long.class, 1, 2) != 3L) {
                    throw new IllegalStateException("wrong sum");
                }
            };
            report.section("Function calls with telemetry on and off");
            report.paragraph("`sum(1, 2)` through one App whose telemetry is switched between rounds: off (what an "
                    + "application without the OpenTelemetry API gets) and on (the OpenTelemetry SDK records a span "
                    + "per request and every metric, and exports nothing). " + options.rounds() + " rounds of "
                    + options.window().toSeconds() + " s per mode and concurrency, in a rotating order, after "
                    + options.warmUp().toSeconds() + " s of warm-up each. Load before: " + Machine.load() + ".");
            List<List<String>> rows = new ArrayList<>();
            for (int callers : CONCURRENCY) {
                Map<String, List<Round>> rounds = measure(emulator, options, callers, telemetry, call);
                rows.add(FunctionCallBench.row(callers, OFF, rounds.get(OFF)));
                rows.add(FunctionCallBench.row(callers, ON, rounds.get(ON)));
                rows.add(FunctionCallBench.ratioRow(callers, "on / off", rounds.get(ON), rounds.get(OFF)));
            }
            report.table(
                    "1,3,3,2,2,2,2,2",
                    List.of(
                            "callers",
                            "telemetry",
                            "throughput (calls/s)",
                            "p50 (µs)",
                            "p99 (µs)",
                            "client CPU/call (µs)",
                            "emulator CPU/call (µs)",
                            "caller allocation/call (KiB)"),
                    rows);
        } finally {
            sdk.close();
            GlobalOpenTelemetry.resetForTest();
        }
    }

    private static Map<String, List<Round>> measure(
            EmulatorProcess emulator,
            BenchOptions options,
            int callers,
            SwitchedTelemetry telemetry,
            ClosedLoop.Operation call)
            throws Exception {
        List<String> modes = List.of(OFF, ON);
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        try (ClosedLoop loop = new ClosedLoop(callers, emulator::cpuNanos)) {
            for (String mode : modes) {
                telemetry.on = mode.equals(ON);
                loop.run(options.warmUp(), call);
                rounds.put(mode, new ArrayList<>());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < modes.size(); i++) {
                    String mode = modes.get((round + i) % modes.size());
                    telemetry.on = mode.equals(ON);
                    rounds.get(mode).add(loop.run(options.window(), call));
                }
            }
        }
        return rounds;
    }

    /** {@link Telemetry#NONE} or the SDK's, as the current round wants; the switch itself costs both the same. */
    private static final class SwitchedTelemetry implements Telemetry {

        private final Telemetry sdk;
        private volatile boolean on;

        SwitchedTelemetry(Telemetry sdk) {
            this.sdk = sdk;
        }

        private Telemetry current() {
            return on ? sdk : NONE;
        }

        @Override
        public RequestTrace request(RequestKind kind, String appId, String host, Optional<String> function) {
            return current().request(kind, appId, host, function);
        }

        @Override
        public void tokenRefreshed(String appId) {
            current().tokenRefreshed(appId);
        }

        @Override
        public void sessionExpired(String appId) {
            current().sessionExpired(appId);
        }

        @Override
        public void metadataWritten(String appId, Duration duration) {
            current().metadataWritten(appId, duration);
        }

        @Override
        public AutoCloseable observeLoggedInUsers(String appId, LongSupplier count) {
            return sdk.observeLoggedInUsers(appId, count);
        }
    }
}
