package dev.appservices.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a probe (a main class of this module) in a fresh JVM, for figures that a warm, shared JVM would falsify:
 * start-up cost and retained heap. The probe prints one line {@code RESULT key=value key=value ...}, which is
 * returned as a map; anything else it prints is shown on standard error.
 */
final class ChildJvm {

    private static final String RESULT = "RESULT ";
    private static final long LIMIT_SECONDS = 300;

    private ChildJvm() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code mainClass} with this JVM's class path, less the entries {@code excluded} matches.
     *
     * @param jvmOptions options such as {@code -Xmx512m} or {@code -Dkey=value}
     * @return the probe's result line as a map
     */
    static Map<String, String> run(
            Class<?> mainClass, Predicate<String> excluded, List<String> jvmOptions, String... args)
            throws InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(excluded.negate())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass.getSimpleName() + " failed:\n" + output);
            }
            Map<String, String> result = null;
            for (String line : output.split("\n")) {
                if (line.startsWith(RESULT)) {
                    result = parse(line.substring(RESULT.length()));
                } else if (!line.isBlank()) {
                    System.err.println(mainClass.getSimpleName() + ": " + line);
                }
            }
            if (result == null) {
                throw new IllegalStateException(mainClass.getSimpleName() + " printed no result:\n" + output);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the result line of a probe. */
    static void printResult(Map<String, ?> values) {
        System.out.println(RESULT
                + values.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(" ")));
        System.out.flush();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.trim().split(" ")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return values;
    }
}
