package dev.appservices.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the benchmarks and writes their results (see {@link BenchOptions} for the arguments): starts the emulator in
 * a JVM of its own, runs each benchmark against it, and stops it. Started by {@code mvn -pl bench exec:exec}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Report report = new Report();
        report.paragraph("Machine: " + Machine.describe() + ". Load at the start: " + Machine.load() + "."
                + (options.quick() ? " QUICK RUN: not for reporting." : ""));
        Path work = Files.createTempDirectory("appservices-bench");
        try (EmulatorProcess emulator = EmulatorProcess.start(BenchApps.writeEmulatorConfig(work), "512m")) {
            if (options.runs("functions")) {
                FunctionCallBench.run(emulator, options, report);
            }
            if (options.runs("telemetry")) {
                TelemetryBench.run(emulator, options, report);
            }
            if (options.runs("data")) {
                DataBench.run(emulator, options, report);
            }
            if (options.runs("mongo")) {
                RemoteMongoBench.run(emulator, options, report);
            }
            if (options.runs("sync")) {
                SyncBench.run(emulator, options, report, work);
            }
            if (options.runs("login")) {
                LoginBench.run(emulator, options, report, work);
            }
            if (options.runs("refresh")) {
                RefreshStormBench.run(emulator, options, report);
            }
            if (options.runs("startup")) {
                StartupBench.run(emulator, options, report);
            }
            if (options.runs("memory")) {
                MemoryBench.run(emulator, options, report);
            }
            if (options.runs("javascript")) {
                JavaScriptFunctionBench.run(options, report, work);
            }
            if (options.runs("state")) {
                EmulatorStateBench.run(options, report, work);
            }
        } finally {
            deleteRecursively(work);
        }
        report.paragraph("\nLoad at the end: " + Machine.load() + ".");
        report.write(options.report());
        System.out.println("\nResults written to " + options.report().toAbsolutePath());
        // the App's and the JDK client's threads are daemons; nothing else keeps the JVM alive
        System.exit(0);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
