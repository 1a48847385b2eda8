package dev.appservices.bench;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.EncryptionKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;

/**
 * Logins with each metadata mode, as a ratio to {@link MetadataMode#IN_MEMORY}: email/password logins (each caller
 * logs its own user in again and again, so the store keeps the same users) and anonymous lives (login, then logout,
 * which removes the anonymous user, so the store does not grow), at 1 and 8 concurrent callers. A login is a login
 * request, a profile request and three store updates; in the file modes each update is written to a temporary file,
 * forced to the device and renamed. In each round every mode runs once with a new App over its own directory, the
 * modes in a rotating order.
 */
final class LoginBench {

    private static final int[] CONCURRENCY = {1, 8};
    private static final List<MetadataMode> MODES = List.of(MetadataMode.IN_MEMORY, MetadataMode.NO_ENCRYPTION,
            MetadataMode.ENCRYPTION);

    /** One kind of login, as one operation of a caller. */
    private interface Login {
        void run(App app, int caller);
    }

    private LoginBench() {
    }

    static void run(EmulatorProcess emulator, BenchOptions options, Report report, Path work) throws Exception {
        URI base = emulator.baseUrl();
        for (int caller = 0; caller < 8; caller++) {
            BenchApps.registerUser(base, email(caller));
        }
        byte[] key = new byte[EncryptionKey.LENGTH];
        new SecureRandom().nextBytes(key);
        Map<MetadataMode, MetadataConfiguration> metadata = new EnumMap<>(MetadataMode.class);
        metadata.put(MetadataMode.IN_MEMORY, MetadataConfiguration.inMemory());
        metadata.put(MetadataMode.NO_ENCRYPTION, MetadataConfiguration.builder().mode(MetadataMode.NO_ENCRYPTION)
                .directory(work.resolve("plain")).build());
        metadata.put(MetadataMode.ENCRYPTION, MetadataConfiguration.builder().mode(MetadataMode.ENCRYPTION)
                .directory(work.resolve("sealed")).encryptionKey(EncryptionKey.of(key)).build());

        report.section("Logins with each metadata mode");
        report.paragraph("Email/password: each caller logs its own user in, again and again. Anonymous: each "
                + "operation is a login and a logout (which removes the anonymous user). " + options.rounds()
                + " rounds of " + options.window().toSeconds() + " s per mode, the modes in a rotating order, after "
                + options.warmUp().toSeconds() + " s of warm-up per mode; `ENCRYPTION` with a raw 64-byte key. "
                + "Client CPU: all threads of the benchmark JVM, JIT compilation included; caller allocation: the heap "
                + "the calling threads allocated. Ratio: each round's throughput over the same round's `IN_MEMORY` "
                + "throughput. Load before: " + Machine.load() + ".");
        List<List<String>> rows = new ArrayList<>();
        measure(emulator, options, metadata, "email/password",
                (app, caller) -> app.logIn(Credentials.emailPassword(email(caller), BenchApps.PASSWORD)), rows);
        measure(emulator, options, metadata, "anonymous (login + logout)", (app, caller) -> {
            User user = app.logIn(Credentials.anonymous(false));
            user.logOut();
        }, rows);
        report.table("3,1,2,3,2,2,2,2,3", List.of("login", "callers", "metadata mode", "operations/s", "p50 (µs)",
                "p99 (µs)", "client CPU/op (µs)", "caller allocation/op (KiB)", "ratio to IN_MEMORY"), rows);
        report.paragraph("Load after: " + Machine.load() + ".");
    }

    private static void measure(EmulatorProcess emulator, BenchOptions options,
            Map<MetadataMode, MetadataConfiguration> metadata, String name, Login login, List<List<String>> rows)
            throws Exception {
        for (int callers : CONCURRENCY) {
            Map<MetadataMode, List<Round>> rounds = new EnumMap<>(MetadataMode.class);
            try (ClosedLoop loop = new ClosedLoop(callers, emulator::cpuNanos)) {
                for (MetadataMode mode : MODES) {
                    runOnce(emulator, loop, metadata.get(mode), options.warmUp(), login);
                    rounds.put(mode, new ArrayList<>());
                }
                for (int round = 0; round < options.rounds(); round++) {
                    for (int i = 0; i < MODES.size(); i++) {
                        MetadataMode mode = MODES.get((round + i) % MODES.size());
                        rounds.get(mode).add(runOnce(emulator, loop, metadata.get(mode), options.window(), login));
                    }
                }
            }
            List<Round> inMemory = rounds.get(MetadataMode.IN_MEMORY);
            for (MetadataMode mode : MODES) {
                List<Round> measured = rounds.get(mode);
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < measured.size(); i++) {
                    ratios.add(measured.get(i).throughput() / inMemory.get(i).throughput());
                }
                rows.add(List.of(name, String.valueOf(callers), "`" + mode + "`",
                        FunctionCallBench.spread(measured, Round::throughput).format(1),
                        FunctionCallBench.spread(measured, round -> round.percentileMicros(50)).format(0),
                        FunctionCallBench.spread(measured, round -> round.percentileMicros(99)).format(0),
                        FunctionCallBench.spread(measured, Round::clientCpuMicrosPerOperation).format(0),
                        FunctionCallBench.spread(measured, Round::callerAllocatedKibPerOperation).format(0),
                        mode == MetadataMode.IN_MEMORY ? "1" : Spread.of(ratios).format(3)));
            }
        }
    }

    private static Round runOnce(EmulatorProcess emulator, ClosedLoop loop, MetadataConfiguration metadata,
            Duration window, Login login) throws Exception {
        try (App app = App.create(BenchApps.configuration(BenchApps.APP, emulator.baseUrl()).metadata(metadata)
                .build())) {
            return loop.run(window, caller -> login.run(app, caller));
        }
    }

    private static String email(int caller) {
        return "login-" + caller + "@bench.example";
    }
}
