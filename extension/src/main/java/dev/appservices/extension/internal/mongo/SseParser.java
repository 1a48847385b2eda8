package dev.appservices.extension.internal.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the server-sent events of a {@code watch} stream exactly as the Realm SDKs' {@code WatchStream} does
 * (data-and-sync.md §2, protocol.md §8): lines end with LF (a CR before it is dropped; a lone CR is no line end), a
 * line starting with {@code :} is a comment (the server's heartbeat), {@code event:} sets the type, each
 * {@code data:} line is appended (joined with LF), one optional space after the colon is skipped, {@code id} and
 * {@code retry} are ignored, and a blank line dispatches the event. In the data only {@code %25}, {@code %0A} and
 * {@code %0D} are decoded. An event cut off by the end of the stream is dropped.
 *
 * <p>Written here rather than taken from JAX-RS' {@code SseEventSource}: that client reconnects on its own, which
 * hides the end of a stream the service cannot resume, decodes nothing of the percent encoding, and does not go
 * through the App's Rest Client and session handling. Reads only as far as the next event; one reader thread at a
 * time.
 */
final class SseParser {

    private static final int LF = '\n';
    private static final int CR = '\r';

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    SseParser(InputStream in) {
        this.in = in;
    }

    /**
     * Reads up to the next dispatched event.
     *
     * @return the event; empty at the end of the stream
     * @throws IOException if reading fails
     */
    Optional<SseEvent> next() throws IOException {
        String type = "";
        StringBuilder data = null;
        while (true) {
            String text = readLine();
            if (text == null) {
                return Optional.empty();
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return Optional.of(new SseEvent(type, percentDecoded(data)));
                }
                type = "";
                continue;
            }
            if (text.charAt(0) == ':') {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(value(text, colon));
            if (field.equals("event")) {
                type = value;
            } else if (field.equals("data")) {
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            }
        }
    }

    /** Where a field's value starts: after the colon and one optional space. */
    private static int value(String text, int colon) {
        return colon + 1 < text.length() && text.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
    }

    /** Decodes {@code %25}, {@code %0A} and {@code %0D} in one pass, so that {@code %250A} stays {@code %0A}. */
    static String percentDecoded(CharSequence data) {
        StringBuilder decoded = new StringBuilder(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '%' && i + 2 < data.length()) {
                String code = data.subSequence(i + 1, i + 3).toString();
                char replacement = switch (code) {
                    case "25" -> '%';
                    case "0A" -> '\n';
                    case "0D" -> '\r';
                    default -> 0;
                };
                if (replacement != 0) {
                    decoded.append(replacement);
                    i += 2;
                    continue;
                }
            }
            decoded.append(c);
        }
        return decoded.toString();
    }

    /** The next line without its LF (and a CR before it); null at the end of the stream. */
    private String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != LF) {
                position++;
            }
            line.write(buffer, start, position - start);
            if (position < limit) {
                position++;
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == CR ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
        }
    }
}
