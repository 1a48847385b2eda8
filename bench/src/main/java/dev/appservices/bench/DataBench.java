package dev.appservices.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;

/**
 * The emulator's MongoDB service against its plainest call: {@code findOne} by {@code _id} and {@code insertOne}
 * through {@code POST …/functions/call} with {@code "service": "mongodb-atlas"}, against the function {@code sum},
 * all sent by the raw JDK client at 8 concurrent callers in the same run and the same rotating rounds, so that the
 * ratios compare the service's work (rules, the driver, the embedded store, change events) with a call that does
 * none of it.
 */
final class DataBench {

    private static final int CALLERS = 8;
    private static final int DOCUMENTS = 1000;
    private static final String SUM = "function sum(1, 2)";
    private static final String FIND_ONE = "findOne by _id";
    private static final String INSERT_ONE = "insertOne";

    private DataBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        Calls calls = new Calls(emulator.baseUrl());
        StringBuilder documents = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents
                    .append(i == 0 ? "" : ",")
                    .append("{\"_id\":")
                    .append(i)
                    .append(",\"n\":")
                    .append(i)
                    .append(",\"text\":\"document ")
                    .append(i)
                    .append("\"}");
        }
        calls.data("insertMany", "\"documents\":[" + documents + "]");
        AtomicLong next = new AtomicLong();
        Map<String, ClosedLoop.Operation> clients = new LinkedHashMap<>();
        clients.put(SUM, caller -> calls.function());
        clients.put(FIND_ONE, caller -> {
            String answer = calls.data("findOne", "\"query\":{\"_id\":" + next.getAndIncrement() % DOCUMENTS + "}");
            if (!answer.contains("\"text\"")) {
                throw new IllegalStateException("findOne found nothing: " + answer);
            }
        });
        clients.put(INSERT_ONE, caller -> calls.data("insertOne", "\"document\":{\"caller\":" + caller + "}"));
        Map<String, List<Round>> rounds = FunctionCallBench.measure(emulator, options, CALLERS, clients);

        report.section("The MongoDB service against a function call");
        report.paragraph("At " + CALLERS + " callers with the raw JDK `HttpClient`: `findOne` of one of " + DOCUMENTS
                + " documents by `_id`, and `insertOne` of a small document (the collection grows during the run), "
                + "both with `\"service\": \"mongodb-atlas\"` under an allow-all default rule on the embedded "
                + "store, against `sum(1, 2)`. " + options.rounds() + " rounds of "
                + options.window().toSeconds()
                + " s per operation, in a rotating order, after "
                + options.warmUp().toSeconds() + " s of warm-up "
                + "each; ratios are per round. Load before: " + Machine.load() + ".");
        List<List<String>> rows = new ArrayList<>();
        for (String client : clients.keySet()) {
            rows.add(FunctionCallBench.row(CALLERS, client, rounds.get(client)));
        }
        rows.add(FunctionCallBench.ratioRow(CALLERS, FIND_ONE + " / sum", rounds.get(FIND_ONE), rounds.get(SUM)));
        rows.add(FunctionCallBench.ratioRow(CALLERS, INSERT_ONE + " / sum", rounds.get(INSERT_ONE), rounds.get(SUM)));
        report.table(
                "1,3,3,2,2,2,2,2",
                List.of(
                        "callers",
                        "operation",
                        "throughput (calls/s)",
                        "p50 (µs)",
                        "p99 (µs)",
                        "client CPU/call (µs)",
                        "emulator CPU/call (µs)",
                        "caller allocation/call (KiB)"),
                rows);
        report.paragraph("Load after: " + Machine.load() + ".");
    }

    /** The three requests, sent by one JDK client (one connection pool) with an anonymous user's token. */
    private static final class Calls {

        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI call;
        private final String token;

        Calls(URI base) throws IOException, InterruptedException {
            String app = base + "/api/client/v2.0/app/" + BenchApps.APP;
            this.call = URI.create(app + "/functions/call");
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(app + "/auth/providers/anon-user/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            this.token =
                    BsonDocument.parse(login.body()).getString("access_token").getValue();
        }

        void function() throws IOException, InterruptedException {
            send("{\"name\":\"sum\",\"arguments\":[{\"$numberInt\":\"1\"},{\"$numberInt\":\"2\"}]}");
        }

        String data(String operation, String arguments) throws IOException, InterruptedException {
            return send("{\"name\":\"" + operation + "\",\"arguments\":[{\"database\":\"bench\","
                    + "\"collection\":\"documents\"," + arguments + "}],\"service\":\"mongodb-atlas\"}");
        }

        private String send(String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(call)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the server closes a pooled connection that idled 30 s (the seeding call's) just as a caller takes
                // it; the JDK client does not retry a POST, so this does, once
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
