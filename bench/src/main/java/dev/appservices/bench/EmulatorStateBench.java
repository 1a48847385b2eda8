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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.bson.BsonDocument;

/**
 * The emulator against an earlier version of itself ({@code baseline=JAR}), both in JVMs of their own with the same
 * configuration and heap, in the same run: function calls, email/password logins, anonymous logins, and anonymous
 * logins each followed by a logout, at 1 and 8 concurrent callers, sent by the raw JDK client so that only the
 * emulators differ. The two emulators are measured in rounds of alternating order; each round's ratio (this
 * emulator's throughput over the earlier one's) is one sample. It answers whether keeping the state in the data
 * store (the earlier version kept it in its own memory and file) costs throughput.
 */
final class EmulatorStateBench {

    private static final int[] CONCURRENCY = {1, 8};
    private static final String APP_PATH = "/api/client/v2.0/app/" + BenchApps.APP;
    private static final String EMAIL = "state@bench.example";
    private static final String BEFORE = "earlier";
    private static final String AFTER = "this";
    private static final String HEAP = "3g";

    private EmulatorStateBench() {}

    static void run(BenchOptions options, Report report, Path work) throws Exception {
        report.section("Emulator state in the data store: this emulator against an earlier one");
        if (options.baseline().isEmpty()) {
            report.paragraph("Not run: it needs `baseline=JAR`, the runnable jar of the earlier emulator (see "
                    + "docs/benchmarks.adoc).");
            return;
        }
        Path config = work.resolve("state-apps.json");
        // only what every version of the configuration file understands
        Files.writeString(
                config,
                "{\"apps\": [{\"id\": \"" + BenchApps.APP + "\", \"providers\": {"
                        + "\"local-userpass\": {\"autoConfirm\": true}, \"anon-user\": {}}}]}\n");
        // Every anonymous login stays, as a user and a session: the embedded store holds them as documents with their
        // indexes, about 3.5 KB each, so 512 MiB would fill within this benchmark and measure the collector instead.
        try (EmulatorProcess before =
                        EmulatorProcess.startJar(options.baseline().get(), config, HEAP);
                EmulatorProcess after = EmulatorProcess.start(config, HEAP)) {
            Map<String, Protocol> emulators = new LinkedHashMap<>();
            emulators.put(BEFORE, new Protocol(before));
            emulators.put(AFTER, new Protocol(after));
            for (Protocol emulator : emulators.values()) {
                BenchApps.registerUser(emulator.base, EMAIL);
            }
            report.paragraph("Earlier emulator: `" + options.baseline().get().getFileName() + "` (state in memory and "
                    + "its data file); this one: the state in the embedded store through the MongoDB driver. Requests "
                    + "by the raw JDK HttpClient, every answer's status checked. " + options.rounds() + " rounds of "
                    + options.window().toSeconds() + " s per emulator and concurrency, in alternating order, after "
                    + options.warmUp().toSeconds() + " s of warm-up each. Load before: " + Machine.load() + ".");
            List<List<String>> rows = new ArrayList<>();
            for (int callers : CONCURRENCY) {
                Map<String, Map<String, ClosedLoop.Operation>> operations = new LinkedHashMap<>();
                for (Map.Entry<String, Protocol> emulator : emulators.entrySet()) {
                    Protocol protocol = emulator.getValue();
                    String token =
                            protocol.emailLogin().getString("access_token").getValue();
                    Map<String, ClosedLoop.Operation> ofEmulator = new LinkedHashMap<>();
                    ofEmulator.put("function call (`sum`)", caller -> protocol.call(token));
                    ofEmulator.put("email/password login", caller -> protocol.emailLogin());
                    ofEmulator.put("anonymous login", caller -> protocol.anonymousLogin());
                    ofEmulator.put("anonymous login + logout", caller -> protocol.logout(protocol.anonymousLogin()));
                    operations.put(emulator.getKey(), ofEmulator);
                }
                for (String operation : operations.get(AFTER).keySet()) {
                    Map<String, List<Round>> rounds = measure(options, callers, emulators, operations, operation);
                    rows.add(row(operation, callers, rounds.get(BEFORE), rounds.get(AFTER)));
                }
            }
            report.table(
                    "3,1,2,2,2,2,2",
                    List.of(
                            "operation",
                            "callers",
                            "earlier (ops/s)",
                            "this (ops/s)",
                            "this / earlier",
                            "earlier emulator CPU/op (µs)",
                            "this emulator CPU/op (µs)"),
                    rows);
            report.paragraph("Requests sent again because their connection failed before the answer: "
                    + emulators.get(BEFORE).resent + " to the earlier emulator, " + emulators.get(AFTER).resent
                    + " to this one. Load after: " + Machine.load() + ".");
        }
    }

    /** Warms up both emulators, then measures them in rounds of alternating order. */
    private static Map<String, List<Round>> measure(
            BenchOptions options,
            int callers,
            Map<String, Protocol> emulators,
            Map<String, Map<String, ClosedLoop.Operation>> operations,
            String operation)
            throws Exception {
        List<String> names = List.copyOf(emulators.keySet());
        Map<String, ClosedLoop> loops = new LinkedHashMap<>();
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        try {
            for (String name : names) {
                ClosedLoop loop = new ClosedLoop(callers, emulators.get(name).process::cpuNanos);
                loops.put(name, loop);
                loop.run(options.warmUp(), operations.get(name).get(operation));
                rounds.put(name, new ArrayList<>());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    rounds.get(name)
                            .add(loops.get(name)
                                    .run(options.window(), operations.get(name).get(operation)));
                }
            }
        } finally {
            loops.values().forEach(ClosedLoop::close);
        }
        return rounds;
    }

    private static List<String> row(String operation, int callers, List<Round> before, List<Round> after) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            ratios.add(after.get(i).throughput() / before.get(i).throughput());
        }
        Spread ratio = Spread.of(ratios);
        return List.of(
                operation,
                String.valueOf(callers),
                spread(before, Round::throughput).format(0),
                spread(after, Round::throughput).format(0),
                "*" + ratio.format(3) + "* (min " + String.format("%.3f", ratio.min()) + ")",
                spread(before, Round::serverCpuMicrosPerOperation).format(0),
                spread(after, Round::serverCpuMicrosPerOperation).format(0));
    }

    private static Spread spread(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Spread.of(rounds.stream().map(figure::applyAsDouble).toList());
    }

    /** The requests of the benchmark, to one emulator; every answer's status is checked. Thread-safe. */
    private static final class Protocol {

        private final AtomicLong resent = new AtomicLong();
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final EmulatorProcess process;
        private final URI base;

        Protocol(EmulatorProcess process) {
            this.process = process;
            this.base = process.baseUrl();
        }

        BsonDocument emailLogin() throws IOException, InterruptedException {
            return login(
                    "local-userpass", "{\"username\":\"" + EMAIL + "\",\"password\":\"" + BenchApps.PASSWORD + "\"}");
        }

        /** @return the refresh token */
        String anonymousLogin() throws IOException, InterruptedException {
            return login("anon-user", "{}").getString("refresh_token").getValue();
        }

        void logout(String refreshToken) throws IOException, InterruptedException {
            send(
                    HttpRequest.newBuilder(URI.create(base + "/api/client/v2.0/auth/session"))
                            .header("Authorization", "Bearer " + refreshToken)
                            .DELETE(),
                    204,
                    // the lost answer may have been the 204: the session has then ended already
                    401);
        }

        void call(String accessToken) throws IOException, InterruptedException {
            send(
                    post(APP_PATH + "/functions/call", "{\"name\":\"sum\",\"arguments\":[1,2]}")
                            .header("Authorization", "Bearer " + accessToken),
                    200,
                    200);
        }

        private BsonDocument login(String provider, String body) throws IOException, InterruptedException {
            // sent again, a login makes one more session (and, anonymous, one more user): harmless here
            return BsonDocument.parse(send(post(APP_PATH + "/auth/providers/" + provider + "/login", body), 200, 200));
        }

        private HttpRequest.Builder post(String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        /**
         * Sends a request; one whose connection failed before its answer came is sent once more, and counted. The JDK
         * client with the JDK {@code HttpServer} alone (a handler that only answers) loses about one request in 60,000
         * so ("header parser received no bytes": the client closes a pooled connection as a request takes it).
         *
         * @param status          the expected status
         * @param statusIfResent  the status also accepted from a request sent again
         */
        private String send(HttpRequest.Builder request, int status, int statusIfResent)
                throws IOException, InterruptedException {
            HttpRequest built = request.build();
            HttpResponse<String> response;
            boolean again = false;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                resent.incrementAndGet();
                again = true;
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != status && !(again && response.statusCode() == statusIfResent)) {
                throw new IllegalStateException(
                        built.uri().getPath() + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }
}
