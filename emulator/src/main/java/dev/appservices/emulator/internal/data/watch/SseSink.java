package dev.appservices.emulator.internal.data.watch;

import java.io.IOException;

/** Where a watch stream's text goes: the body of a streaming HTTP response. */
public interface SseSink {

    /** Writes and flushes text; blocks only as long as the connection's buffers are full. */
    void write(String text) throws IOException;

    /** Ends the response and releases the connection. */
    void close();
}
