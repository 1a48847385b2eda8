package dev.appservices.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.testing.MessageCodes;
import dev.appservices.testing.MessageCodes.Message;
import dev.appservices.testing.MessageCodes.Range;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The extension's message codes: one text per code, all within its ranges (0001–0099 definition, 0120–0199
 * configuration, 0200–0289 client, 0300–0399 metadata, 0400–0499 CDI at run time, 0700–0739 remote MongoDB access,
 * 1010–1099 sync management).
 */
class ExtensionMessageCodesTest {

    @Test
    void everyCodeHasOneTextWithinTheModulesRanges() {
        List<Message> messages = MessageCodes.scan(Path.of("src/main/java"));

        // the scan reaches every messages class
        Set<String> codes = messages.stream().map(Message::code).collect(Collectors.toSet());
        assertTrue(
                codes.containsAll(
                        Set.of("APPSVC0001", "APPSVC0130", "APPSVC0200", "APPSVC0250", "APPSVC0300", "APPSVC0400")),
                codes::toString);
        assertEquals(
                List.of(),
                MessageCodes.problems(
                        messages,
                        List.of(
                                new Range(1, 99),
                                new Range(120, 199),
                                new Range(200, 289),
                                new Range(300, 399),
                                new Range(400, 499),
                                new Range(700, 739),
                                new Range(1010, 1099))));
    }
}
