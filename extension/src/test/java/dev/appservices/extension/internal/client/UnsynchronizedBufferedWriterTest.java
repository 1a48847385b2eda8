package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsynchronizedBufferedWriterTest {

    /** Longer than two buffers, with two- and three-byte characters and a surrogate pair across the first flush. */
    private static String text() {
        StringBuilder text = new StringBuilder();
        text.append("a".repeat(8191)).append("😀");
        while (text.length() < 20_000) {
            text.append("é€x\"");
        }
        return text.toString();
    }

    private static byte[] written(WriteAll how) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer writer = new UnsynchronizedBufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        how.write(writer, text());
        writer.flush();
        return bytes.toByteArray();
    }

    private interface WriteAll {
        void write(Writer writer, String text) throws IOException;
    }

    @Test
    void writesStringsAsUtf8AcrossBuffers() throws IOException {
        byte[] expected = text().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, written((writer, text) -> {
            writer.write(text.substring(0, 100));
            writer.write(text, 100, text.length() - 100);
        }));
    }

    @Test
    void writesCharactersOneByOneAsUtf8() throws IOException {
        byte[] expected = text().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
                expected,
                written((writer, text) -> text.chars().forEach(c -> {
                    try {
                        writer.write(c);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })));
    }

    @Test
    void keepsTextUntilItsBufferIsFullOrFlushed() throws IOException {
        StringWriter out = new StringWriter();
        Writer writer = new UnsynchronizedBufferedWriter(out);
        writer.write("é".repeat(8192));
        assertEquals(0, out.getBuffer().length());
        writer.write('x');
        assertEquals(8192, out.getBuffer().length());
        writer.close();
        assertEquals("é".repeat(8192) + "x", out.toString());
    }

    @Test
    void writesCharacterArrays() throws IOException {
        byte[] expected = text().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, written((writer, text) -> writer.write(text.toCharArray(), 0, text.length())));
    }
}
