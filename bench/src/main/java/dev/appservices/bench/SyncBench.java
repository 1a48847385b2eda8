package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.bson.Document;

/**
 * Sync management against the remote requests it is built on, in one run: bootstrapping 10,000 documents against a
 * remote {@code find} of them, uploading 1,000 local inserts against a remote {@code insertMany} of them, a local
 * {@code find} against the same remote {@code find}, and the time from a local write of one user to its arrival in
 * another user's synced collection. Each figure alternates the two sides over several rounds; ratios are per round.
 */
final class SyncBench {

    private static final int DOCUMENTS = 10_000;
    private static final int UPLOADS = 1_000;
    private static final int QUERIES = 200;
    private static final int ARRIVALS = 200;
    /**
     * Unmeasured rounds before the measured ones (2 in a quick run). A round opens two synced databases and makes
     * one request of each kind, so the code each side runs once per round (the store's, the session's, the emulator's
     * for 1,000 or 10,000 documents) is compiled only after tens of rounds: in a probe of 200 rounds, both the remote
     * {@code insertMany} and the upload took two to three times longer in the first 20 rounds than after 80.
     */
    private static final int WARM_UP_ROUNDS = 60;

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final String DATABASE = "bench";

    private SyncBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report, Path work) throws Exception {
        Path directory = Files.createDirectories(work.resolve("sync"));
        try (App app = App.create(BenchApps.configuration(BenchApps.APP, emulator.baseUrl())
                .syncDirectory(directory)
                .build())) {
            User ana = app.logIn(Credentials.anonymous(false));
            User bob = app.logIn(Credentials.anonymous(false));
            String seeded = "sync-seeded";
            RemoteMongoCollection<Document> remote = remote(ana, seeded);
            for (int chunk = 0; chunk < DOCUMENTS / 1000; chunk++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    documents.add(new Document("n", chunk * 1000 + i).append("text", "document " + i));
                }
                remote.insertMany(documents);
            }
            int rounds = options.rounds();
            int warmUp = options.quick() ? 2 : WARM_UP_ROUNDS;
            for (int round = 0; round < warmUp; round++) {
                round(app, ana, remote, "warm-up-" + round);
            }
            List<Times> measured = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                measured.add(round(app, ana, remote, String.valueOf(round)));
            }
            List<Long> arrivals = arrivals(app, ana, bob);

            report.section("Sync management against the requests it is built on");
            report.paragraph(warmUp + " unmeasured rounds, then " + rounds
                    + " rounds; in each, both sides once, in the same JVM against the same emulator. "
                    + "Bootstrap: opening a synced database subscribed to " + DOCUMENTS + " documents until its first "
                    + "`downloadAllServerChanges()` completes, against one remote `find()` of the same documents. "
                    + "Upload: " + UPLOADS + " local inserts (one local `insertMany`, committed with their outbox "
                    + "entries) until `uploadAllLocalChanges()` completes, and that wait alone (the session starts "
                    + "uploading as the local commit ends, so the wait alone misses that start), against one remote `insertMany` of "
                    + UPLOADS + " documents. Query: " + QUERIES
                    + " `find({n: …})` on the synced collection (through the local equality index on `n`, which "
                    + "the first of them builds, in the measured time) against the same on the remote one (which "
                    + "scans). Load before: " + Machine.load() + ".");
            report.table(
                    "3,2,1,1",
                    List.of("figure", "ratio per round (mean ± sd, min–max)", "ratio of the total times", "goal"),
                    List.of(
                            row(
                                    "bootstrap of " + DOCUMENTS + " / remote find",
                                    measured,
                                    Times::bootstrap,
                                    Times::remoteFind,
                                    2,
                                    "≤ 1.5"),
                            row(
                                    "local insertMany of " + UPLOADS + " and upload / remote insertMany",
                                    measured,
                                    Times::insertAndUpload,
                                    Times::remoteInsert,
                                    2,
                                    "≤ 2"),
                            row(
                                    "of which the upload wait alone / remote insertMany",
                                    measured,
                                    Times::uploadWait,
                                    Times::remoteInsert,
                                    2,
                                    "—"),
                            row(
                                    "remote find / local find (how many times faster)",
                                    measured,
                                    Times::remoteQueries,
                                    Times::localQueries,
                                    1,
                                    "≥ 10")));
            report.paragraph("From a local insert of one user to its arrival in another user's synced collection "
                    + "(change listener), " + ARRIVALS + " writes one after the other: p50 "
                    + percentile(arrivals, 50) + " ms, p99 " + percentile(arrivals, 99) + " ms. Load after: "
                    + Machine.load() + ".");
        }
    }

    /** The times of one round, in nanoseconds. */
    private record Times(
            long bootstrap,
            long remoteFind,
            long insertAndUpload,
            long uploadWait,
            long remoteInsert,
            long localQueries,
            long remoteQueries) {}

    /**
     * A figure's row: the ratio of each round, and the ratio of the times summed over the rounds, which weighs each
     * round by its length (a garbage collection pause in a round of 10 ms doubles that round's ratio, and the mean of
     * the rounds' ratios with it).
     */
    private static List<String> row(
            String figure,
            List<Times> rounds,
            ToLongFunction<Times> numerator,
            ToLongFunction<Times> denominator,
            int decimals,
            String goal) {
        Spread spread = Spread.of(rounds.stream()
                .map(times -> (double) numerator.applyAsLong(times) / denominator.applyAsLong(times))
                .toList());
        double total = (double) rounds.stream().mapToLong(numerator).sum()
                / rounds.stream().mapToLong(denominator).sum();
        return List.of(
                figure,
                spread.format(decimals)
                        + String.format(
                                Locale.ROOT, ", %." + decimals + "f–%." + decimals + "f", spread.min(), spread.max()),
                String.format(Locale.ROOT, "%." + decimals + "f", total),
                goal);
    }

    /** Each side of each figure once. */
    private static Times round(App app, User user, RemoteMongoCollection<Document> seeded, String round) {
        String collection = seeded.namespace().collection();
        long remoteFind = time(() -> seeded.find().toList());
        long bootstrap;
        long localQueries;
        long remoteQueries;
        long opening = System.nanoTime();
        try (SyncedDatabase synced = open(app, user, "bootstrap-" + round, collection)) {
            synced.session().downloadAllServerChanges(WAIT);
            bootstrap = System.nanoTime() - opening;
            SyncedCollection<Document> local = synced.collection(DATABASE, collection);
            localQueries = time(() -> {
                for (int i = 0; i < QUERIES; i++) {
                    local.find(new Document("n", i * 37 % DOCUMENTS)).toList();
                }
            });
            remoteQueries = time(() -> {
                for (int i = 0; i < QUERIES; i++) {
                    seeded.find(new Document("n", i * 37 % DOCUMENTS)).toList();
                }
            });
        }
        String uploads = "sync-uploads-" + round;
        long remoteInsert = time(() -> remote(user, uploads + "-remote").insertMany(numbered(UPLOADS)));
        try (SyncedDatabase synced = open(app, user, "upload-" + round, uploads)) {
            synced.session().downloadAllServerChanges(WAIT);
            long start = System.nanoTime();
            synced.collection(DATABASE, uploads).insertMany(numbered(UPLOADS));
            long inserted = System.nanoTime();
            synced.session().uploadAllLocalChanges(WAIT);
            long uploaded = System.nanoTime();
            return new Times(
                    bootstrap,
                    remoteFind,
                    uploaded - start,
                    uploaded - inserted,
                    remoteInsert,
                    localQueries,
                    remoteQueries);
        }
    }

    private static List<Long> arrivals(App app, User writer, User reader) throws InterruptedException {
        String collection = "sync-arrivals";
        List<Long> millis = new ArrayList<>();
        try (SyncedDatabase from = open(app, writer, "arrivals-from", collection);
                SyncedDatabase to = open(app, reader, "arrivals-to", collection)) {
            from.session().downloadAllServerChanges(WAIT);
            to.session().downloadAllServerChanges(WAIT);
            AtomicReference<CountDownLatch> arrived = new AtomicReference<>();
            to.collection(DATABASE, collection).addChangeListener(new Document(), event -> {
                CountDownLatch latch = arrived.get();
                if (latch != null) {
                    latch.countDown();
                }
            });
            for (int i = 0; i < ARRIVALS; i++) {
                CountDownLatch latch = new CountDownLatch(1);
                arrived.set(latch);
                long start = System.nanoTime();
                from.collection(DATABASE, collection).insertOne(new Document("i", i));
                if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("write " + i + " did not arrive");
                }
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        return millis;
    }

    private static SyncedDatabase open(App app, User user, String name, String collection) {
        return app.sync()
                .open(SyncConfiguration.builder(user)
                        .name(name)
                        .subscription("all", DATABASE, collection, new Document())
                        .build());
    }

    private static RemoteMongoCollection<Document> remote(User user, String collection) {
        return user.mongoClient("mongodb-atlas").database(DATABASE).collection(collection);
    }

    private static List<Document> numbered(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("n", i));
        }
        return documents;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
