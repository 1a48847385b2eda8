package dev.appservices.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.testing.MessageCodes.Message;
import dev.appservices.testing.MessageCodes.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker of message codes, on planted sources. */
class MessageCodesTest {

    private static final List<Range> RANGES = List.of(new Range(100, 119));

    @Test
    void readsTheTextOfAConcatenationWithItsValuesAsPlaceholders() {
        String source = """
                class M {
                    // "APPSVC0999: in a comment"
                    /** {@code APPSVC0998} in Javadoc */
                    static RuntimeException a(String id, int n) {
                        return new IllegalArgumentException("APPSVC0100: app '" + id + "' has " + (n + 1)
                                + " \\"things\\"", null);
                    }
                }
                """;

        assertEquals(
                List.of(new Message("APPSVC0100", "APPSVC0100: app '{}' has {} \"things\"", "M.java:5")),
                MessageCodes.scan(source, "M.java"));
    }

    @Test
    void findsNothingWrongInOneCodeWithOneTextBuiltTwice() {
        String source = """
                class M {
                    static String a(String id) { return "APPSVC0100: app " + id; }
                    static String b(String other) { return "APPSVC0100: app " + other.strip(); }
                    static String c() { return "APPSVC0101: other"; }
                }
                """;

        assertEquals(List.of(), MessageCodes.problems(MessageCodes.scan(source, "M.java"), RANGES));
    }

    @Test
    void failsOnAPlantedDuplicate() {
        String source = """
                class M {
                    static String a(String id) { return "APPSVC0100: app id '" + id + "' is malformed"; }
                    static String b() { return "APPSVC0100: app id must not be blank"; }
                }
                """;

        List<String> problems = MessageCodes.problems(MessageCodes.scan(source, "M.java"), RANGES);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("APPSVC0100 has two texts"), problems.get(0));
        assertTrue(problems.get(0).contains("M.java:2") && problems.get(0).contains("M.java:3"), problems.get(0));
    }

    @Test
    void failsOnACodeOutsideTheModulesRanges() {
        List<String> problems = MessageCodes.problems(
                MessageCodes.scan("class M { String a = \"APPSVC0200: client\"; }", "M.java"), RANGES);

        assertEquals(List.of("APPSVC0200 at M.java:1 is outside [Range[first=100, last=119]]"), problems);
    }
}
