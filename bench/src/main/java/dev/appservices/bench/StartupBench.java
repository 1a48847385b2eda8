package dev.appservices.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Start-up cost: Weld SE booting in a fresh JVM with the extension and {@value #APPS} App ids configured (through
 * system properties, which MicroProfile Config reads), against the same boot of the same application without the
 * extension on the class path. Each round starts one JVM of each kind, in alternating order; see
 * {@link StartupProbe} for what is timed.
 */
final class StartupBench {

    static final int APPS = 10;

    /** The extension's class-path entry: its jar in the local repository, or its classes in the reactor. */
    private static final Predicate<String> EXTENSION = entry ->
            entry.contains("appservices-extension") || entry.replace('\\', '/').endsWith("extension/target/classes");

    private StartupBench() {}

    static void run(EmulatorProcess emulator, BenchOptions options, Report report) throws Exception {
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));
        String[] ids = new String[APPS];
        for (int i = 0; i < APPS; i++) {
            ids[i] = "boot" + i;
            jvmOptions.add("-Dappservices." + ids[i] + ".base-url=" + emulator.baseUrl());
            jvmOptions.add("-Dappservices." + ids[i] + ".metadata.mode=in-memory");
        }
        jvmOptions.add("-Dappservices.ids=" + String.join(",", ids));
        List<Double> withBoot = new ArrayList<>();
        List<Double> withoutBoot = new ArrayList<>();
        List<Double> withCpu = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        List<Double> firstUse = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        int rounds = options.rounds() * 2;
        for (int round = 0; round < rounds; round++) {
            Map<String, String> with;
            Map<String, String> without;
            if (round % 2 == 0) {
                with = probe(entry -> false, jvmOptions, ids, true);
                without = probe(EXTENSION, jvmOptions, new String[0], false);
            } else {
                without = probe(EXTENSION, jvmOptions, new String[0], false);
                with = probe(entry -> false, jvmOptions, ids, true);
            }
            withBoot.add(millis(with, "boot"));
            withoutBoot.add(millis(without, "boot"));
            withCpu.add(millis(with, "bootCpu"));
            withoutCpu.add(millis(without, "bootCpu"));
            firstUse.add(millis(with, "firstUse"));
            ratios.add(millis(with, "boot") / millis(without, "boot"));
            cpuRatios.add(millis(with, "bootCpu") / millis(without, "bootCpu"));
        }
        Spread with = Spread.of(withBoot);
        Spread without = Spread.of(withoutBoot);
        Spread cpuWith = Spread.of(withCpu);
        Spread cpuWithout = Spread.of(withoutCpu);
        report.section("Start-up cost");
        report.paragraph("Weld SE " + "boot (`SeContainerInitializer.newInstance()…initialize()`, discovery off, one "
                + "application bean) in a fresh JVM, " + rounds + " JVMs of each kind in alternating order; with "
                + "the extension, `appservices.ids` lists " + APPS + " ids, each with a base URL and in-memory "
                + "metadata. Elapsed time, and the CPU time of all the JVM's threads meanwhile, in ms. Load before: "
                + Machine.load() + ".");
        report.table(
                "4,2,2,2,2",
                List.of("boot", "elapsed (ms)", "ratio", "CPU (ms)", "ratio"),
                List.of(
                        List.of("without the extension", without.format(1), "1", cpuWithout.format(1), "1"),
                        List.of(
                                "with the extension and " + APPS + " App ids",
                                with.format(1),
                                Spread.of(ratios).format(3),
                                cpuWith.format(1),
                                Spread.of(cpuRatios).format(3)),
                        List.of(
                                "then the first use of the " + APPS + " App beans (each App created)",
                                Spread.of(firstUse).format(1),
                                "",
                                "",
                                "")));
        report.paragraph(String.format(
                Locale.ROOT,
                "The extension adds %.1f ms to the boot (%.1f ms of CPU). Load " + "after: %s.",
                with.mean() - without.mean(),
                cpuWith.mean() - cpuWithout.mean(),
                Machine.load()));
    }

    private static Map<String, String> probe(
            Predicate<String> excluded, List<String> jvmOptions, String[] ids, boolean extension)
            throws InterruptedException {
        Map<String, String> result = ChildJvm.run(StartupProbe.class, excluded, jvmOptions, ids);
        if (Boolean.parseBoolean(result.get("extension")) != extension) {
            throw new IllegalStateException(
                    "the probe's class path " + (extension ? "lacks" : "has") + " the extension");
        }
        return result;
    }

    private static double millis(Map<String, String> result, String key) {
        return Long.parseLong(result.get(key)) / 1e6;
    }
}
