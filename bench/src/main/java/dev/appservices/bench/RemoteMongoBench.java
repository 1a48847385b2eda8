package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.mongo.RemoteMongoDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The MongoDB client of a user, {@code user.mongoClient("mongodb-atlas")}, against the raw JDK client sending the
 * byte-identical request: a {@code find} that returns 100 of 1000 documents and an {@code insertOne}, at 1, 8 and 32
 * callers, in rotating rounds as the function calls are measured ({@link FunctionCallBench#measure}). The raw client
 * parses each answer with the BSON library's JSON reader and checks it (100 documents; an {@code insertedId}), what
 * any client must do to use it; the App also decodes the documents into {@link Document}s. Then the latency from an
 * {@code insertOne} by one user to the change event on another user's {@code watch} stream of the collection, one
 * insert at a time.
 */
final class RemoteMongoBench {

    private static final String SERVICE = "mongodb-atlas";
    private static final String DATABASE = "bench";
    private static final String SEARCHED = "searched";
    private static final String INSERTED = "inserted";
    private static final String WATCHED = "watched";
    private static final int DOCUMENTS = 1000;
    private static final int FOUND = 100;
    private static final String PATH = "/api/client/v2.0/app/" + BenchApps.APP + "/functions/call";
    private static final String WRITER = "mongo-writer@bench.example";
    private static final String WATCHER = "mongo-watcher@bench.example";
    private static final String FIND_APP = "find: App";
    private static final String FIND_RAW = "find: raw JDK HttpClient";
    private static final String INSERT_APP = "insertOne: App";
    private static final String INSERT_RAW = "insertOne: raw JDK HttpClient";
    /** The pause between two inserts of the latency measurement, so that each meets an idle server and stream. */
    private static final Duration PACE = Duration.ofMillis(10);

    /** How long an event may take before the run fails. */
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(30);

    private RemoteMongoBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        URI base = emulator.baseUrl();
        BenchApps.registerUser(base, WRITER);
        BenchApps.registerUser(base, WATCHER);
        try (App app = App.create(BenchApps.configuration(BenchApps.APP, base).build());
                RequestCapture capture = new RequestCapture()) {
            User writer = app.logIn(Credentials.emailPassword(WRITER, BenchApps.PASSWORD));
            RemoteMongoDatabase database = writer.mongoClient(SERVICE).database(DATABASE);
            RemoteMongoCollection<Document> searched = database.collection(SEARCHED);
            RemoteMongoCollection<Document> inserted = database.collection(INSERTED);
            seed(searched);
            Document filter = new Document("n", new Document("$lt", FOUND));
            Document newDocument = new Document("text", "inserted by the benchmark");

            List<String> bodies = new ArrayList<>();
            capture.answer("[]");
            RawFunctionClient rawFind = rawClient(
                    app,
                    capture,
                    () -> searched.find(filter).toList(),
                    answer -> BsonArray.parse(answer).size() == FOUND,
                    bodies);
            capture.answer("{\"insertedId\": {\"$oid\": \"000000000000000000000000\"}}");
            RawFunctionClient rawInsert = rawClient(
                    app,
                    capture,
                    () -> inserted.insertOne(newDocument),
                    answer -> BsonDocument.parse(answer).containsKey("insertedId"),
                    bodies);
            rawFind.target(base);
            rawInsert.target(base);

            Map<String, ClosedLoop.Operation> clients = new LinkedHashMap<>();
            clients.put(FIND_APP, caller -> {
                if (searched.find(filter).toList().size() != FOUND) {
                    throw new IllegalStateException("find did not return " + FOUND + " documents");
                }
            });
            clients.put(FIND_RAW, caller -> rawFind.call());
            clients.put(INSERT_APP, caller -> inserted.insertOne(newDocument));
            clients.put(INSERT_RAW, caller -> rawInsert.call());
            measureCalls(emulator, options, report, clients, inserted, bodies);

            User watcher = app.logIn(Credentials.emailPassword(WATCHER, BenchApps.PASSWORD));
            measureChangeLatency(
                    options,
                    report,
                    database.collection(WATCHED),
                    watcher.mongoClient(SERVICE).database(DATABASE).collection(WATCHED));
        }
    }

    /** Fills the searched collection anew: documents {@code n} = 0 … 999, of which the filter takes the first 100. */
    private static void seed(RemoteMongoCollection<Document> searched) {
        searched.deleteMany(new Document());
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", i).append("n", i).append("text", "document " + i));
        }
        searched.insertMany(documents);
    }

    /**
     * Records the App's request of {@code operation} (the App pointed at the capturing server for one call) and
     * returns a raw client that sends it and accepts the answers {@code valid} accepts; the request's body is added to
     * {@code bodies}.
     */
    private static RawFunctionClient rawClient(
            App app, RequestCapture capture, Runnable operation, Predicate<String> valid, List<String> bodies)
            throws Exception {
        app.updateBaseUrl(capture.baseUrl());
        try {
            operation.run();
        } finally {
            app.updateBaseUrl(null);
        }
        RequestCapture.Captured fromApp = capture.last();
        bodies.add(new String(fromApp.body(), StandardCharsets.UTF_8));
        RawFunctionClient raw = new RawFunctionClient(fromApp, PATH, first -> body -> {
            if (!valid.test(new String(body, StandardCharsets.UTF_8))) {
                throw new IllegalStateException("unexpected answer: " + body.length + " bytes");
            }
        });
        raw.target(capture.baseUrl());
        FunctionCallBench.differences(fromApp, capture.last(), RawFunctionClient.RESTRICTED);
        return raw;
    }

    private static void measureCalls(
            EmulatorProcess emulator,
            BenchOptions options,
            Report report,
            Map<String, ClosedLoop.Operation> clients,
            RemoteMongoCollection<Document> inserted,
            List<String> bodies)
            throws Exception {
        report.section("MongoDB operations: App against the raw JDK HttpClient");
        report.paragraph("Through `user.mongoClient(\"" + SERVICE + "\").database(\"" + DATABASE
                + "\").collection(…)`: `find` with the filter `{n: {$lt: " + FOUND + "}}` on " + DOCUMENTS
                + " documents (it returns " + FOUND + " documents `{_id, n, text}`), and `insertOne` of a small "
                + "document without `_id` into another collection, emptied before each concurrency; against the same "
                + "requests, byte for byte, sent by the JDK `HttpClient`, which parses each answer with the BSON "
                + "library's JSON reader and checks it. The request bodies, recorded by a capturing server: `"
                + String.join("` and `", bodies)
                + "`; the raw client's headers are the App's but `Connection`, as for the function calls. "
                + options.rounds() + " rounds of "
                + options.window().toSeconds() + " s per client, operation and concurrency, in a rotating order, "
                + "after " + options.warmUp().toSeconds() + " s of warm-up each; mean ± standard deviation over the "
                + "rounds, ratios per round. Load before: " + Machine.load() + ".");
        List<List<String>> rows = new ArrayList<>();
        for (int callers : FunctionCallBench.CONCURRENCY) {
            inserted.deleteMany(new Document());
            Map<String, List<Round>> rounds = FunctionCallBench.measure(emulator, options, callers, clients);
            for (String client : clients.keySet()) {
                rows.add(FunctionCallBench.row(callers, client, rounds.get(client)));
            }
            rows.add(
                    FunctionCallBench.ratioRow(callers, "find: App / raw", rounds.get(FIND_APP), rounds.get(FIND_RAW)));
            rows.add(FunctionCallBench.ratioRow(
                    callers, "insertOne: App / raw", rounds.get(INSERT_APP), rounds.get(INSERT_RAW)));
        }
        inserted.deleteMany(new Document());
        report.table(FunctionCallBench.COLUMNS, FunctionCallBench.HEADER, rows);
        report.paragraph("Load after: " + Machine.load() + ".");
    }

    /**
     * Inserts documents one at a time through {@code writer} while a reader thread waits on a stream opened through
     * {@code watched} (another user's handle of the collection) and notes when each event is delivered: the latency
     * runs from the start of the {@code insertOne} call to the return of {@link ChangeStream#tryNext(Duration)} with
     * its event, which may come before the {@code insertOne} call returns.
     */
    private static void measureChangeLatency(
            BenchOptions options,
            Report report,
            RemoteMongoCollection<Document> writer,
            RemoteMongoCollection<Document> watched)
            throws InterruptedException {
        int warmUp = options.quick() ? 20 : 100;
        int samples = options.quick() ? 50 : 500;
        long[] toEvent = new long[samples];
        long[] toInserted = new long[samples];
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        try (ChangeStream<Document> stream = watched.watch()) {
            Thread reader = new Thread(() -> read(stream, deliveries), "bench-change-reader");
            reader.setDaemon(true);
            reader.start();
            for (int i = -warmUp; i < samples; i++) {
                Thread.sleep(PACE.toMillis());
                long start = System.nanoTime();
                writer.insertOne(new Document("seq", i));
                long insertedAt = System.nanoTime();
                Delivery delivery = deliveries.poll(EVENT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                if (delivery == null || delivery.seq() != i) {
                    throw new IllegalStateException("expected the event of insert " + i + ", got " + delivery);
                }
                if (i >= 0) {
                    toEvent[i] = delivery.nanoTime() - start;
                    toInserted[i] = insertedAt - start;
                }
            }
        }
        writer.deleteMany(new Document());
        Round events = new Round(1, toEvent, 0, 0, 0);
        Round inserts = new Round(1, toInserted, 0, 0, 0);
        report.section("From insertOne to the change event");
        report.paragraph("One user inserts a document into a collection while another user of the same App has a "
                + "`watch()` stream open on it, read by a thread of its own; " + samples + " inserts (after " + warmUp
                + " unmeasured), one at a time, each " + PACE.toMillis() + " ms after the previous event arrived. The "
                + "latency runs from the start of `insertOne` to the return of the reader's `ChangeStream.tryNext(…)` "
                + "with that insert's event; the `insertOne` call alone is given beside it.");
        report.table(
                "3,2,2,2",
                List.of("latency", "p50 (µs)", "p99 (µs)", "max (µs)"),
                List.of(latencyRow("insertOne to its change event", events), latencyRow("insertOne alone", inserts)));
    }

    /** An event's sequence number ({@code -1} if it has none) and when it was delivered. */
    private record Delivery(int seq, long nanoTime) {}

    /** The reader: notes every event until the stream ends (closed by the measurement, or failed). */
    private static void read(ChangeStream<Document> stream, BlockingQueue<Delivery> deliveries) {
        try {
            while (true) {
                Optional<ChangeEvent<Document>> event = stream.tryNext(EVENT_LIMIT);
                long delivered = System.nanoTime();
                if (event.isPresent()) {
                    Integer seq = event.get()
                            .fullDocument()
                            .map(document -> document.getInteger("seq"))
                            .orElse(null);
                    deliveries.add(new Delivery(seq == null ? -1 : seq, delivered));
                }
            }
        } catch (ChangeStreamEndedException e) {
            // closed after the last sample
        } catch (RuntimeException e) {
            // the writer, waiting for an event that will not come, fails the run; this says why
            System.err.println("the change stream failed: " + e);
        }
    }

    private static List<String> latencyRow(String name, Round round) {
        return List.of(
                name,
                String.valueOf(Math.round(round.percentileMicros(50))),
                String.valueOf(Math.round(round.percentileMicros(99))),
                String.valueOf(Math.round(round.percentileMicros(100))));
    }
}
