package dev.appservices.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Retained heap per App and per logged-in user, from {@link MemoryProbe} runs in fresh JVMs. */
final class MemoryBench {

    private MemoryBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        List<Double> idle = new ArrayList<>();
        List<Double> inUse = new ArrayList<>();
        List<Double> user = new ArrayList<>();
        int rounds = Math.max(3, options.rounds() - 2);
        for (int round = 0; round < rounds; round++) {
            Map<String, String> result = ChildJvm.run(
                    MemoryProbe.class,
                    entry -> false,
                    List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"),
                    emulator.baseUrl().toString());
            idle.add(kib(result, "idleApp"));
            inUse.add(kib(result, "appInUse"));
            user.add(kib(result, "user"));
        }
        report.section("Memory");
        report.paragraph("Used heap after full collections (`MemoryMXBean`, serial collector), growth divided by "
                + "the number of instances, all of them still referenced; " + rounds + " fresh JVMs; in-memory "
                + "metadata; KiB, mean ± standard deviation.");
        report.table(
                "4,2",
                List.of("retained heap", "KiB each"),
                List.of(
                        List.of(
                                "per App, no request made yet (" + MemoryProbe.IDLE_APPS + " Apps)",
                                Spread.of(idle).format(1)),
                        List.of(
                                "per App in use: its HTTP client, a pooled connection and one logged-in user ("
                                        + BenchApps.MEMORY_APPS + " Apps)",
                                Spread.of(inUse).format(1)),
                        List.of(
                                "per logged-in user of one App (" + MemoryProbe.USERS + " anonymous users)",
                                Spread.of(user).format(2))));
    }

    private static double kib(Map<String, String> result, String key) {
        return Long.parseLong(result.get(key)) / 1024.0;
    }
}
