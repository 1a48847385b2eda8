package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.testing.MessageCodes;
import dev.appservices.testing.MessageCodes.Message;
import dev.appservices.testing.MessageCodes.Range;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API module's message codes: one text per code, all within 0100–0119, 0290–0299 and 1000–1009 (sync). */
class ApiMessageCodesTest {

    @Test
    void everyCodeHasOneTextWithinTheModulesRanges() {
        List<Message> messages = MessageCodes.scan(Path.of("src/main/java"));

        assertTrue(messages.stream().anyMatch(message -> message.code().equals("APPSVC0102")), messages::toString);
        assertEquals(
                List.of(),
                MessageCodes.problems(
                        messages, List.of(new Range(100, 119), new Range(290, 299), new Range(1000, 1009))));
    }
}
