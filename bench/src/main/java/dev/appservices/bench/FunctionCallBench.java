package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.Functions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Function calls through the App against the raw JDK client sending the byte-identical request, at 1, 8 and 32
 * concurrent callers: throughput, latency percentiles and the CPU each side spends per call. A third client, the
 * MicroProfile Rest Client alone with the same request, shows how the gap divides between the Rest Client
 * implementation and the App's own work. At each concurrency every client is warmed up, then the clients are measured
 * in rounds of a rotating order, so that drifts of the shared machine's load affect them alike; each round's App/raw
 * ratio is one sample of the ratio. The raw client at 32 callers is also the emulator's own throughput figure.
 */
final class FunctionCallBench {

    static final int[] CONCURRENCY = {1, 8, 32};
    private static final String PATH = "/api/client/v2.0/app/" + BenchApps.APP + "/functions/call";
    private static final String EMAIL = "functions@bench.example";
    private static final String APP = "App";
    private static final String REST_CLIENT = "MP Rest Client alone";
    private static final String RAW = "raw JDK HttpClient";
    static final String COLUMNS = "1,3,3,2,2,2,2,2";
    static final List<String> HEADER = List.of(
            "callers",
            "client",
            "throughput (calls/s)",
            "p50 (µs)",
            "p99 (µs)",
            "client CPU/call (µs)",
            "emulator CPU/call (µs)",
            "caller allocation/call (KiB)");

    private FunctionCallBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        URI base = emulator.baseUrl();
        BenchApps.registerUser(base, EMAIL);
        try (App app = App.create(BenchApps.configuration(BenchApps.APP, base).build());
                RequestCapture capture = new RequestCapture()) {
            Functions functions = app.logIn(Credentials.emailPassword(EMAIL, BenchApps.PASSWORD))
                    .functions();
            RequestCapture.Captured template = capture(app, functions, capture);
            RawFunctionClient raw = new RawFunctionClient(template, PATH);
            raw.target(capture.baseUrl());
            RequestCapture.Captured fromRaw = capture.last();
            // the Rest Client alone makes its first call when it is created: that one is recorded
            new RestClientFunctionClient(capture.baseUrl(), template).close();
            RequestCapture.Captured fromRestClient = capture.last();
            describeRequests(report, template, fromRaw, fromRestClient);
            raw.target(base);
            try (RestClientFunctionClient restClient = new RestClientFunctionClient(base, template)) {
                Map<String, ClosedLoop.Operation> clients = new LinkedHashMap<>();
                clients.put(APP, caller -> {
                    if (functions.call("sum", Long.class, 1, 2) != 3L) {
                        throw new IllegalStateException("wrong sum");
                    }
                });
                clients.put(REST_CLIENT, caller -> restClient.call());
                clients.put(RAW, caller -> raw.call());
                measureAll(emulator, options, report, clients);
            }
        }
    }

    private static void measureAll(
            EmulatorProcess emulator, BenchOptions options, Report report, Map<String, ClosedLoop.Operation> clients)
            throws Exception {
        report.section("Function calls: App against the raw JDK HttpClient");
        report.paragraph("`sum(1, 2)` through `user.functions().call(\"sum\", Long.class, 1, 2)`, against the same "
                + "request sent by the JDK `HttpClient` and by the MicroProfile Rest Client alone. "
                + options.rounds() + " rounds of " + options.window().toSeconds() + " s per client and concurrency, "
                + "the clients in a rotating order, after " + options.warmUp().toSeconds() + " s of warm-up each; "
                + "mean ± standard deviation over the rounds. CPU per call: all threads of the benchmark JVM "
                + "(callers, GC, JIT) and of the emulator JVM, divided by the calls. Caller allocation: the heap the "
                + "calling threads allocated per call (the JDK client also works on a selector thread of its own, "
                + "which this leaves out; the App and the Rest Client alone do all their work on the caller). Load "
                + "before: " + Machine.load() + ".");
        List<List<String>> rows = new ArrayList<>();
        Spread emulatorThroughput = null;
        for (int callers : CONCURRENCY) {
            Map<String, List<Round>> rounds = measure(emulator, options, callers, clients);
            for (String client : clients.keySet()) {
                rows.add(row(callers, client, rounds.get(client)));
            }
            rows.add(ratioRow(callers, "App / raw", rounds.get(APP), rounds.get(RAW)));
            rows.add(ratioRow(callers, "App / MP Rest Client alone", rounds.get(APP), rounds.get(REST_CLIENT)));
            rows.add(ratioRow(callers, "MP Rest Client alone / raw", rounds.get(REST_CLIENT), rounds.get(RAW)));
            if (callers == 32) {
                emulatorThroughput = spread(rounds.get(RAW), Round::throughput);
            }
        }
        report.table(COLUMNS, HEADER, rows);
        report.paragraph("Load after: " + Machine.load() + ".");

        report.section("The emulator's throughput");
        report.paragraph("`POST /api/client/v2.0/app/{appId}/functions/call` (`sum`) at 32 concurrent callers with "
                + "the raw JDK client, from the rounds above: *" + emulatorThroughput.format(0) + " requests/s* (min "
                + Math.round(emulatorThroughput.min()) + ", max " + Math.round(emulatorThroughput.max()) + "). The "
                + "load generator runs on the same cores, so this is what the emulator serves while sharing the "
                + "machine with its client.");
    }

    /**
     * Warms up every client, then measures them in rounds of a rotating order.
     *
     * @return the rounds of each client, in the clients' order
     */
    static Map<String, List<Round>> measure(
            EmulatorProcess emulator, BenchOptions options, int callers, Map<String, ClosedLoop.Operation> clients)
            throws Exception {
        List<String> names = List.copyOf(clients.keySet());
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        try (ClosedLoop loop = new ClosedLoop(callers, emulator::cpuNanos)) {
            for (String name : names) {
                loop.run(options.warmUp(), clients.get(name));
                rounds.put(name, new ArrayList<>());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    rounds.get(name).add(loop.run(options.window(), clients.get(name)));
                }
            }
        }
        return rounds;
    }

    /** Records the App's request: the App is pointed at the capturing server for one call, then back. */
    private static RequestCapture.Captured capture(App app, Functions functions, RequestCapture capture) {
        app.updateBaseUrl(capture.baseUrl());
        functions.call("sum", Long.class, 1, 2);
        RequestCapture.Captured fromApp = capture.last();
        app.updateBaseUrl(null);
        return fromApp;
    }

    /**
     * Reports how the other clients' requests compare with the App's, and refuses to measure if they differ in more
     * than the headers the JDK client will not send.
     */
    private static void describeRequests(
            Report report,
            RequestCapture.Captured fromApp,
            RequestCapture.Captured fromRaw,
            RequestCapture.Captured fromRestClient) {
        report.section("The request every client sends");
        report.paragraph("Recorded by a capturing server, the token shortened: the body `"
                + new String(fromApp.body(), StandardCharsets.UTF_8) + "` (" + fromApp.body().length
                + " bytes) and the headers `" + String.join("`, `", fromApp.describeHeaders()) + "`.");
        List<String> rawDifferences = differences(fromApp, fromRaw, RawFunctionClient.RESTRICTED);
        List<String> restClientDifferences = differences(fromApp, fromRestClient, Set.of());
        report.paragraph("The raw JDK client's request "
                + (rawDifferences.isEmpty()
                        ? "is identical."
                        : "differs only in: " + String.join("; ", rawDifferences) + " (the JDK client refuses to set "
                                + "`Connection`; HTTP/1.1 keeps connections alive without it).")
                + " The MicroProfile Rest Client's "
                + "request "
                + (restClientDifferences.isEmpty()
                        ? "is identical."
                        : "differs in: " + String.join("; ", restClientDifferences) + "."));
    }

    /** The differences between two requests; fails on any outside {@code tolerated} header names. */
    static List<String> differences(
            RequestCapture.Captured expected, RequestCapture.Captured actual, Set<String> tolerated) {
        if (!Arrays.equals(expected.body(), actual.body())) {
            throw new IllegalStateException("the bodies differ");
        }
        Set<String> names = new TreeSet<>(expected.headers().keySet());
        names.addAll(actual.headers().keySet());
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            List<String> a = expected.headers().get(name);
            List<String> b = actual.headers().get(name);
            if (a == null || !a.equals(b)) {
                if (!tolerated.contains(name)) {
                    throw new IllegalStateException("the requests differ in header " + name + ": " + a + " / " + b);
                }
                differences.add("`" + name + "`: App " + (a == null ? "none" : a) + ", this client "
                        + (b == null ? "none" : b));
            }
        }
        return differences;
    }

    static List<String> row(int callers, String client, List<Round> rounds) {
        return List.of(
                String.valueOf(callers),
                client,
                spread(rounds, Round::throughput).format(0),
                spread(rounds, round -> round.percentileMicros(50)).format(0),
                spread(rounds, round -> round.percentileMicros(99)).format(0),
                spread(rounds, Round::clientCpuMicrosPerOperation).format(0),
                spread(rounds, Round::serverCpuMicrosPerOperation).format(0),
                spread(rounds, Round::callerAllocatedKibPerOperation).format(1));
    }

    static List<String> ratioRow(int callers, String name, List<Round> numerator, List<Round> denominator) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerator.size(); i++) {
            ratios.add(numerator.get(i).throughput() / denominator.get(i).throughput());
        }
        Spread ratio = Spread.of(ratios);
        return List.of(
                String.valueOf(callers),
                "*" + name + "*",
                "*" + ratio.format(3) + "*" + String.format(Locale.ROOT, " (min %.3f)", ratio.min()),
                "",
                "",
                "",
                "",
                "");
    }

    static Spread spread(List<Round> rounds, Function<Round, Double> figure) {
        return Spread.of(rounds.stream().map(figure).toList());
    }
}
