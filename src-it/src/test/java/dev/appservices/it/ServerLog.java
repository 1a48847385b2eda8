package dev.appservices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log file of the server the tests run on, read from the test JVM (the server runs on the same machine). A
 * deployment failure is logged there in full, while an adapter may pass on less: Open Liberty's rebuilds the
 * exception chain from class names and first lines, which drops the list of CDI problems with their messages.
 *
 * <p>The server is the one {@code arquillian.launch} selects; the build passes its home directory as system
 * properties. Only the test JVM uses this class.
 */
final class ServerLog {

    private final Path file;

    private ServerLog(Path file) {
        this.file = file;
    }

    /** The log of the server of this test run: Open Liberty's {@code messages.log} or WildFly's {@code server.log}. */
    static ServerLog ofThisRun() {
        String container = System.getProperty("arquillian.launch", "");
        if (container.startsWith("liberty")) {
            return new ServerLog(Path.of(
                    System.getProperty("it.liberty.home"),
                    "usr",
                    "servers",
                    System.getProperty("it.liberty.server"),
                    "logs",
                    "messages.log"));
        }
        if (container.startsWith("wildfly")) {
            return new ServerLog(Path.of(System.getProperty("it.wildfly.home"), "standalone", "log", "server.log"));
        }
        throw new IllegalStateException(
                "unknown container '" + container + "' in the system property " + "arquillian.launch");
    }

    /** The current end of the log, where the text of what happens next begins. */
    long end() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text written since {@code start}; all of it if the log is now shorter (the server started a new file).
     *
     * @param start a value of {@link #end()}
     */
    String textSince(long start) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long from = channel.size() < start ? 0 : start;
            ByteBuffer text = ByteBuffer.allocate(Math.toIntExact(channel.size() - from));
            channel.position(from);
            while (text.hasRemaining() && channel.read(text) >= 0) {
                // reads until the buffer is full
            }
            return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
