package dev.appservices.extension.internal.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged through java.util.logging while open, as a log file would show it (each record's formatted
 * message plus the stack trace of its exception): the project's loggers ({@code System.Logger} is backed by JUL
 * here) at every level, everything else (the HTTP client, the emulator) at the levels it is configured with, INFO by
 * default. Third-party debug output is left out on purpose: the HTTP client's wire logging
 * ({@code org.apache.http.wire} at DEBUG) prints whole requests, tokens included, like any HTTP client's.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PROJECT = Logger.getLogger("dev.appservices");
    private static final Formatter FORMATTER = new SimpleFormatter();

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Level previous;

    public LogCapture() {
        setLevel(Level.ALL);
        previous = PROJECT.getLevel();
        PROJECT.setLevel(Level.ALL);
        ROOT.addHandler(this);
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
        String message = record.getLevel() + " " + record.getLoggerName() + " " + FORMATTER.formatMessage(record);
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
        ROOT.removeHandler(this);
        PROJECT.setLevel(previous);
    }
}
