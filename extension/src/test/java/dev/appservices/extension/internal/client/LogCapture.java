package dev.appservices.extension.internal.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the project logs (through {@code System.Logger}, which is backed by java.util.logging here) while
 * open: each record's formatted message plus the stack trace of its exception, as a log file would show them.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger PROJECT = Logger.getLogger("dev.appservices");

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Level previous;

    public LogCapture() {
        setLevel(Level.ALL);
        previous = PROJECT.getLevel();
        PROJECT.setLevel(Level.ALL);
        PROJECT.addHandler(this);
    }

    /** Every record so far, message and stack trace. */
    public List<String> records() {
        return List.copyOf(records);
    }

    /** Every record so far, one after the other. */
    public String all() {
        return String.join("\n", records);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getLevel() + " " + record.getMessage();
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            message += "\n" + trace;
        }
        records.add(message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        PROJECT.removeHandler(this);
        PROJECT.setLevel(previous);
    }
}
