package dev.appservices.bench;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The refresh storm: {@value #CALLS} calls released at once on a user whose access token has expired must make
 * exactly one refresh request (the emulator's counter says how many) and all succeed. Each round also releases the
 * same burst on a fresh token of the same App, the baseline of the time the burst takes; the difference is the cost
 * of recovering from the expired token.
 */
final class RefreshStormBench {

    static final int CALLS = 500;
    private static final String REFRESH_ROUTE = "/api/client/v2.0/auth/session";

    /**
     * One burst: from its release to the first and to the last completed call, and how many calls failed.
     *
     * @param firstNanos the first completion
     * @param allNanos   the last completion
     * @param failures   the calls that failed
     * @param refreshes  the refresh requests the emulator counted
     */
    private record Burst(long firstNanos, long allNanos, int failures, long refreshes) {}

    private RefreshStormBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        EmulatorAdmin admin = emulator.admin();
        ExecutorService threads = Executors.newFixedThreadPool(CALLS, runnable -> {
            Thread thread = new Thread(runnable, "bench-storm");
            thread.setDaemon(true);
            return thread;
        });
        List<Burst> fresh = new ArrayList<>();
        List<Burst> expired = new ArrayList<>();
        try (App app = App.create(BenchApps.configuration(BenchApps.SHORT_LIVED, emulator.baseUrl())
                .build())) {
            burst(threads, app.logIn(Credentials.anonymous(false)), admin); // warm-up
            for (int round = 0; round < options.rounds(); round++) {
                User user = app.logIn(Credentials.anonymous(false));
                fresh.add(burst(threads, user, admin));
                Instant expiry = user.accessTokenExpiresAt().orElseThrow();
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 100));
                expired.add(burst(threads, user, admin));
                user.logOut();
            }
        } finally {
            threads.shutdownNow();
        }
        Spread freshAll = spread(fresh, Burst::allNanos);
        Spread expiredAll = spread(expired, Burst::allNanos);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            ratios.add((double) expired.get(i).allNanos() / fresh.get(i).allNanos());
        }
        report.section("Refresh storm");
        report.paragraph(CALLS + " function calls released at once (" + CALLS + " threads waiting on a latch) on "
                + "one user, " + options.rounds() + " rounds; access tokens of the app live "
                + BenchApps.SHORT_TOKEN_SECONDS + " s. Times from the release, in ms; mean ± standard deviation. "
                + "Load before: " + Machine.load() + ".");
        report.table(
                "3,2,2,2,2",
                List.of(
                        "access token",
                        "first call done (ms)",
                        "all calls done (ms)",
                        "refresh requests per burst",
                        "failed calls"),
                List.of(
                        row("fresh (baseline)", fresh),
                        row("expired", expired),
                        List.of("*expired / fresh*", "", "*" + Spread.of(ratios).format(3) + "*", "", "")));
        boolean oneRefresh = expired.stream().allMatch(burst -> burst.refreshes() == 1)
                && fresh.stream().allMatch(burst -> burst.refreshes() == 0);
        boolean allSucceeded = Stream.concat(fresh.stream(), expired.stream()).allMatch(burst -> burst.failures() == 0);
        report.paragraph((oneRefresh
                        ? "Every burst on an expired token made exactly one refresh request, and none "
                                + "on a fresh one. "
                        : "*NOT exactly one refresh request per burst on an expired token.* ")
                + (allSucceeded ? "Every call succeeded. " : "*Some calls failed.* ")
                + "Time to recover (all " + CALLS + " calls done on an expired token, less the same on a "
                + "fresh one): " + String.format(Locale.ROOT, "%.0f ms", expiredAll.mean() - freshAll.mean())
                + ". Load after: " + Machine.load() + ".");
    }

    private static List<String> row(String token, List<Burst> bursts) {
        return List.of(
                token,
                spread(bursts, Burst::firstNanos).format(1),
                spread(bursts, Burst::allNanos).format(1),
                bursts.stream()
                        .map(burst -> String.valueOf(burst.refreshes()))
                        .distinct()
                        .toList()
                        .toString(),
                String.valueOf(bursts.stream().mapToInt(Burst::failures).sum()));
    }

    private static Spread spread(List<Burst> bursts, ToLongFunction<Burst> nanos) {
        return Spread.of(
                bursts.stream().map(burst -> nanos.applyAsLong(burst) / 1e6).toList());
    }

    private static Burst burst(ExecutorService threads, User user, EmulatorAdmin admin) throws Exception {
        admin.resetCounters();
        CountDownLatch ready = new CountDownLatch(CALLS);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(threads.submit(() -> {
                ready.countDown();
                release.await();
                if (user.functions().call("sum", Long.class, 1, 2) != 3L) {
                    throw new IllegalStateException("wrong sum");
                }
                return System.nanoTime();
            }));
        }
        ready.await();
        long start = System.nanoTime();
        release.countDown();
        long first = Long.MAX_VALUE;
        long last = 0;
        int failures = 0;
        for (Future<Long> call : calls) {
            try {
                long done = call.get(5, TimeUnit.MINUTES) - start;
                first = Math.min(first, done);
                last = Math.max(last, done);
            } catch (ExecutionException e) {
                if (failures++ == 0) {
                    System.err.println("refresh storm: a call failed: " + e.getCause());
                }
            }
        }
        return new Burst(first, last, failures, admin.requestCount("POST", REFRESH_ROUTE));
    }
}
