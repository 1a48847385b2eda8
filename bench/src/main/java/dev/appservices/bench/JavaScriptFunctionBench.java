package dev.appservices.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What running a function in JavaScript costs the emulator: the same {@code sum} of two int64 as a JavaScript
 * function of an exported app (GraalJS, interpreter mode) and as the emulator's built-in Java function, both called
 * with the raw JDK client in one emulator process, warm, at 1 and 8 callers (each round's JavaScript/Java
 * throughput ratio is one sample), and the latency of the first JavaScript calls after a fresh start.
 */
final class JavaScriptFunctionBench {

    static final int[] CONCURRENCY = {1, 8};
    private static final String JS_APP = "bench-js";
    private static final String BODY =
            "{\"name\":\"sum\",\"arguments\":[{\"$numberLong\":\"1\"}," + "{\"$numberLong\":\"2\"}]}";
    private static final String EXPECTED = "{\"$numberLong\": \"3\"}";
    private static final String JAVASCRIPT = "JavaScript sum";
    private static final String JAVA = "Java built-in sum";

    private JavaScriptFunctionBench() {}

    static void run(BenchOptions options, Report report, Path work) throws Exception {
        Path config = BenchApps.writeEmulatorConfig(work);
        Path export = writeExport(work.resolve("exported-app"));
        report.section("JavaScript functions: GraalJS against a Java function");
        report.paragraph("`sum` of two int64 as a JavaScript function of an exported app (`--app`, GraalJS 25 in "
                + "interpreter mode on " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ") and as the emulator's built-in Java function, in one emulator process, both "
                + "called with the raw JDK `HttpClient` and the same body. " + options.rounds() + " rounds of "
                + options.window().toSeconds() + " s per function and concurrency in a rotating order after "
                + options.warmUp().toSeconds() + " s of warm-up each; mean ± standard deviation over the rounds. "
                + "Load before: " + Machine.load() + ".");
        List<List<String>> firstCalls = new ArrayList<>();
        int starts = options.quick() ? 1 : 3;
        for (int start = 0; start < starts; start++) {
            try (EmulatorProcess emulator = EmulatorProcess.start(config, "512m", "--app", export.toString())) {
                firstCalls.add(firstCalls(emulator.baseUrl(), start + 1));
                if (start == starts - 1) {
                    measureWarm(emulator, options, report);
                }
            }
        }
        report.paragraph("The first JavaScript calls after a start (each start a new emulator process; the call is "
                + "sent right after the listening line and an anonymous login; the emulator prepares the app's first "
                + "context in the background from its start):");
        report.table("1,2,2,2", List.of("start", "first call (ms)", "second call (ms)", "tenth call (ms)"), firstCalls);
    }

    private static List<String> firstCalls(URI base, int start) throws IOException, InterruptedException {
        Caller caller = new Caller(base, JS_APP);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long begin = System.nanoTime();
            caller.call();
            millis.add((System.nanoTime() - begin) / 1e6);
        }
        return List.of(String.valueOf(start), format(millis.get(0)), format(millis.get(1)), format(millis.get(9)));
    }

    private static void measureWarm(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        Map<String, ClosedLoop.Operation> functions = new LinkedHashMap<>();
        Caller javascript = new Caller(emulator.baseUrl(), JS_APP);
        Caller java = new Caller(emulator.baseUrl(), BenchApps.APP);
        functions.put(JAVASCRIPT, ignored -> javascript.call());
        functions.put(JAVA, ignored -> java.call());
        List<List<String>> rows = new ArrayList<>();
        for (int callers : CONCURRENCY) {
            Map<String, List<Round>> rounds = FunctionCallBench.measure(emulator, options, callers, functions);
            for (String name : functions.keySet()) {
                rows.add(FunctionCallBench.row(callers, name, rounds.get(name)));
            }
            rows.add(
                    FunctionCallBench.ratioRow(callers, "JavaScript / Java", rounds.get(JAVASCRIPT), rounds.get(JAVA)));
        }
        report.table(FunctionCallBench.COLUMNS, FunctionCallBench.HEADER, rows);
        report.paragraph("Load after: " + Machine.load() + ".");
    }

    /** An exported app (realm-cli layout) with an anonymous provider and a JavaScript {@code sum}. */
    private static Path writeExport(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("auth"));
        Files.createDirectories(directory.resolve("functions"));
        Files.writeString(
                directory.resolve("realm_config.json"),
                "{\"app_id\": \"" + JS_APP + "\", " + "\"config_version\": 20210101, \"name\": \"" + JS_APP + "\"}\n");
        Files.writeString(
                directory.resolve("auth/providers.json"),
                "{\"anon-user\": {\"name\": \"anon-user\", \"type\": \"anon-user\", \"disabled\": false}}\n");
        Files.writeString(directory.resolve("functions/config.json"), "[{\"name\": \"sum\", \"private\": false}]\n");
        Files.writeString(
                directory.resolve("functions/sum.js"),
                "exports = function (...args) {\n  return args.reduce((a, b) => a + b, 0);\n};\n");
        return directory;
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    /** Calls {@code sum} of one app as an anonymous user with the JDK client; fails on any other answer. */
    private static final class Caller {

        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final HttpRequest request;

        Caller(URI base, String appId) throws IOException, InterruptedException {
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    base + "/api/client/v2.0/app/" + appId + "/auth/providers/anon-user/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"options\":{\"device\":{}}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = login.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            if (login.statusCode() != 200 || token.equals(login.body())) {
                throw new IllegalStateException("anonymous login to " + appId + ": HTTP " + login.statusCode());
            }
            request = HttpRequest.newBuilder(URI.create(base + "/api/client/v2.0/app/" + appId + "/functions/call"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY))
                    .build();
        }

        void call() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !EXPECTED.equals(response.body())) {
                throw new IllegalStateException(
                        "unexpected answer: HTTP " + response.statusCode() + " " + response.body());
            }
        }
    }
}
