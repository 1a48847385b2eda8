package dev.appservices.emulator.internal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code APPSVCnnnn} code of the emulator's sources: one code, one text, all within the emulator's range
 * {@code APPSVC0500}–{@code APPSVC0599}.
 */
class MessageCodesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyCodeHasOneTextWithinTheEmulatorsRange() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                sources.put(SOURCES.relativize(file).toString(), Files.readString(file));
            }
        }
        Map<String, Set<String>> codes = MessageCodeCheck.collect(sources);
        assertTrue(codes.size() > 30, "codes found: " + codes.keySet());
        assertEquals(List.of(), MessageCodeCheck.problems(codes, 500, 599));
    }

    @Test
    void theCheckFindsAPlantedDuplicateAndACodeOutOfRange() {
        Map<String, String> planted = Map.of(
                "A.java", "class A { String a() { return \"APPSVC0501: one text \" + x; } }",
                "B.java", "class B { String b() {\n return \"APPSVC0501: another text\";\n } }",
                "C.java", "class C { String c() { return \"APPSVC0100: not ours\"; } }",
                "D.java",
                        "class D { String d() { return \"APPSVC0502: same\"; } String e() { return \"APPSVC0502: same\"; } }");
        Map<String, Set<String>> codes = MessageCodeCheck.collect(planted);
        assertEquals(Set.of("\"APPSVC0501: one text \" + x", "\"APPSVC0501: another text\""), codes.get("APPSVC0501"));
        assertEquals(
                List.of(
                        "APPSVC0100 is outside APPSVC0500-APPSVC0599: [\"APPSVC0100: not ours\"]",
                        "APPSVC0501 has 2 texts: [\"APPSVC0501: another text\", \"APPSVC0501: one text \" + x]"),
                MessageCodeCheck.problems(codes, 500, 599));
    }
}
