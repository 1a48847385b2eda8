package dev.appservices.extension.internal.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stream format of data-and-sync.md §2, as the SDKs' WatchStream reads it. */
class SseParserTest {

    @Test
    void dispatchesAtBlankLines() throws IOException {
        assertEquals(
                List.of(new SseEvent("", "{\"a\": 1}"), new SseEvent("", "{\"b\": 2}")),
                events("data: {\"a\": 1}\n\ndata: {\"b\": 2}\n\n"));
    }

    @Test
    void acceptsCrlfAndTheSpaceAfterTheColonIsOptional() throws IOException {
        assertEquals(
                List.of(new SseEvent("message", "x"), new SseEvent("", " y")),
                events("event:message\r\ndata:x\r\n\r\ndata:  y\r\n\r\n"));
    }

    @Test
    void aLoneCarriageReturnIsNoLineEnd() throws IOException {
        assertEquals(List.of(new SseEvent("", "a\rb")), events("data: a\rb\n\n"));
    }

    @Test
    void skipsCommentsAsHeartbeats() throws IOException {
        assertEquals(List.of(new SseEvent("", "x")), events(":\n: keep-alive\n\ndata: x\n: inside\n\n:\n"));
    }

    @Test
    void joinsDataLinesWithLineFeeds() throws IOException {
        assertEquals(List.of(new SseEvent("", "{\"a\":\n1}\n")), events("data: {\"a\":\ndata: 1}\ndata:\n\n"));
    }

    @Test
    void decodesOnlyThePercentEncodingsOfTheProtocol() throws IOException {
        assertEquals(
                List.of(new SseEvent("", "100% a\nb\rc %41 %0a %250A %2")),
                events("data: 100%25 a%0Ab%0Dc %41 %0a %25250A %2\n\n"));
    }

    @Test
    void ignoresIdRetryAndUnknownFields() throws IOException {
        assertEquals(List.of(new SseEvent("", "x")), events("id: 7\nretry: 10\nfoo: bar\ndata: x\n\n"));
    }

    @Test
    void typesTheErrorEvent() throws IOException {
        SseEvent error = events("event: error\ndata: {\"error\":\"e\",\"error_code\":\"InvalidSession\"}\n\n")
                .get(0);
        assertTrue(error.isError());
        assertFalse(error.isMessage());
        assertTrue(new SseEvent("message", "{}").isMessage());
        assertFalse(new SseEvent("other", "{}").isMessage());
    }

    @Test
    void theTypeAppliesToOneEventOnly() throws IOException {
        assertEquals(
                List.of(new SseEvent("error", "e"), new SseEvent("", "m")),
                events("event: error\ndata: e\n\ndata: m\n\n"));
    }

    @Test
    void anEventCutOffByTheEndIsDropped() throws IOException {
        assertEquals(List.of(new SseEvent("", "a")), events("data: a\n\ndata: b\n"));
        assertEquals(List.of(), events(""));
    }

    @Test
    void readsEventsSplitAcrossReadsAndMultiByteCharacters() throws IOException {
        String text = "data: {\"name\": \"Zoë ✓\"}\n\n";
        SseParser parser = new SseParser(new OneByteAtATime(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(new SseEvent("", "{\"name\": \"Zoë ✓\"}")), parser.next());
        assertEquals(Optional.empty(), parser.next());
    }

    private static List<SseEvent> events(String stream) throws IOException {
        SseParser parser = new SseParser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
        List<SseEvent> events = new ArrayList<>();
        for (Optional<SseEvent> event = parser.next(); event.isPresent(); event = parser.next()) {
            events.add(event.get());
        }
        return events;
    }

    /** A stream that hands out one byte per read, as a slow connection may. */
    private static final class OneByteAtATime extends InputStream {

        private final byte[] bytes;
        private int position;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            buffer[offset] = bytes[position++];
            return 1;
        }
    }
}
