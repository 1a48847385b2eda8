package dev.appservices.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long and how often the benchmarks measure. {@code full} (the default) is the documented run: warm-up, then
 * several alternating rounds per figure. {@code quick} checks the harness in a minute or two; its figures are not
 * meant to be reported. {@code only=functions,login,…} runs some benchmarks; {@code report=FILE} sets where the
 * AsciiDoc results go (default {@code target/benchmark-results.adoc}); {@code baseline=JAR} names the runnable jar of an
 * earlier emulator, which {@code state} compares with this one; {@code rounds=N} measures N rounds instead of 5 (2 in
 * {@code quick}), to see where figures settle once the JIT has compiled both sides.
 *
 * @param quick    whether this is a short run
 * @param only     the benchmarks to run; empty for all
 * @param report   the results file
 * @param baseline the runnable jar of the emulator to compare with, if given
 * @param roundsGiven the measured rounds per figure, if given
 */
record BenchOptions(boolean quick, Set<String> only, Path report, Optional<Path> baseline, OptionalInt roundsGiven) {

    static final Set<String> BENCHMARKS = Set.of(
            "functions",
            "telemetry",
            "data",
            "mongo",
            "sync",
            "login",
            "refresh",
            "startup",
            "memory",
            "javascript",
            "state");

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        Set<String> only = Set.of();
        Path report = Path.of("target", "benchmark-results.adoc");
        Optional<Path> baseline = Optional.empty();
        OptionalInt rounds = OptionalInt.empty();
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.equals("quick")) {
                quick = true;
            } else if (arg.startsWith("only=")) {
                only = Arrays.stream(arg.substring(5).split(",")).collect(Collectors.toSet());
                if (!BENCHMARKS.containsAll(only)) {
                    throw new IllegalArgumentException("only= takes some of " + BENCHMARKS + ": " + arg);
                }
            } else if (arg.startsWith("report=")) {
                report = Path.of(arg.substring(7));
            } else if (arg.startsWith("baseline=")) {
                baseline = Optional.of(Path.of(arg.substring(9)));
            } else if (arg.startsWith("rounds=")) {
                rounds = OptionalInt.of(positive(arg));
            } else if (!arg.isEmpty() && !arg.equals("full")) {
                throw new IllegalArgumentException("unknown argument '" + arg
                        + "' (expected full, quick, only=a,b, report=FILE, baseline=JAR or rounds=N)");
            }
        }
        return new BenchOptions(quick, only, report, baseline, rounds);
    }

    boolean runs(String benchmark) {
        return only.isEmpty() || only.contains(benchmark);
    }

    private static int positive(String arg) {
        String value = arg.substring(arg.indexOf('=') + 1);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("rounds= takes a positive number: " + arg);
    }

    /** Measured rounds per figure. */
    int rounds() {
        return roundsGiven.orElse(quick ? 2 : 5);
    }

    /** Warm-up of each client before its first measured round at a concurrency. */
    Duration warmUp() {
        return quick ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
    }

    /** The window of one measured round. */
    Duration window() {
        return quick ? Duration.ofSeconds(1) : Duration.ofSeconds(3);
    }
}
