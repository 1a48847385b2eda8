package dev.appservices.extension.internal.client;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer without locks, for the BSON library's JSON writer, which writes every string one character at a
 * time: {@link java.io.BufferedWriter} (like {@link java.io.StringWriter}) takes a lock for each call, which made
 * writing a request of 1,000 documents four times slower. The JDK has no unsynchronized buffered writer. The
 * characters go to the underlying writer 8 KiB at a time. Not thread-safe: one per body.
 */
final class UnsynchronizedBufferedWriter extends Writer {

    private static final int BUFFER = 8192;

    private final Writer out;
    private final char[] buffer = new char[BUFFER];
    private int length;

    UnsynchronizedBufferedWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (length == BUFFER) {
            flushBuffer();
        }
        buffer[length++] = (char) c;
    }

    @Override
    public void write(String string, int offset, int count) throws IOException {
        int from = offset;
        int end = offset + count;
        while (from < end) {
            if (length == BUFFER) {
                flushBuffer();
            }
            int chunk = Math.min(end - from, BUFFER - length);
            string.getChars(from, from + chunk, buffer, length);
            length += chunk;
            from += chunk;
        }
    }

    @Override
    public void write(char[] chars, int offset, int count) throws IOException {
        write(String.valueOf(chars, offset, count));
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }
}
