package dev.appservices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator's internal packages form layers: no package depends on itself through another, so {@code state}
 * knows nothing of HTTP, and {@code http} and {@code admin} do not import each other. Dependencies are read from
 * the sources' imports (the public package {@code dev.appservices.emulator} is the API boundary and not checked).
 */
class PackageCycleTest {

    private static final String INTERNAL = "dev.appservices.emulator.internal";
    private static final Path SOURCES = Path.of("src/main/java/dev/appservices/emulator/internal");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?" + Pattern.quote(INTERNAL) + "((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void internalPackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> dependencies = dependencies();
        assertTrue(dependencies.size() > 5, "packages found: " + dependencies.keySet());
        List<String> cycle = findCycle(dependencies);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle));
    }

    @Test
    void stateKnowsNoHttpAndHttpKnowsNoAdmin() throws IOException {
        Map<String, Set<String>> dependencies = dependencies();
        assertFalse(dependencies.get("state").contains("http"), "state imports " + dependencies.get("state"));
        assertFalse(dependencies.get("http").contains("admin"), "http imports " + dependencies.get("http"));
    }

    @Test
    void theCheckFindsAPlantedCycle() {
        Map<String, Set<String>> planted = Map.of(
                "state", Set.of("json"), "json", Set.of("http"), "http", Set.of("state"), "admin", Set.of("http"));
        assertEquals(List.of("http", "state", "json", "http"), findCycle(new TreeMap<>(planted)));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> imports = result.computeIfAbsent(pkg.isEmpty() ? "(root)" : pkg, key -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    String imported = matcher.group(1).isEmpty()
                            ? "(root)"
                            : matcher.group(1).substring(1);
                    if (!imported.equals(pkg.isEmpty() ? "(root)" : pkg)) {
                        imports.add(imported);
                    }
                }
            }
        }
        return result;
    }

    /** A cycle as a path that starts and ends at the same package, or empty. Depth-first search. */
    static List<String> findCycle(Map<String, Set<String>> dependencies) {
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(dependencies.keySet())) {
            List<String> cycle = visit(start, dependencies, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String pkg, Map<String, Set<String>> dependencies, List<String> path, Set<String> done) {
        int seen = path.indexOf(pkg);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(pkg);
            return cycle;
        }
        if (done.contains(pkg)) {
            return List.of();
        }
        path.add(pkg);
        for (String next : new TreeSet<>(dependencies.getOrDefault(pkg, Set.of()))) {
            List<String> cycle = visit(next, dependencies, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return List.of();
    }
}
