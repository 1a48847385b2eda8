package dev.appservices.extension.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged through java.util.logging while open ({@code System.Logger} is backed by it here): the
 * project's loggers at every level, everything else (the HTTP client, the emulator) at the levels it is configured
 * with, INFO by default. Third-party debug output is left out on purpose: the HTTP client's wire logging
 * ({@code org.apache.http.wire} at DEBUG) prints whole requests, tokens included, like any HTTP client's.
 *
 * <p>Records read as a log file shows them ({@link #lines()}: level, formatted message, stack trace of the
 * exception), or one by one as they come ({@link #next(long)}).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PROJECT = Logger.getLogger("dev.appservices");
    private static final Formatter FORMATTER = new SimpleFormatter();

    private final String loggerName;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final BlockingQueue<LogRecord> unread = new LinkedBlockingQueue<>();
    private final Level previous;

    /** Captures every logger. */
    public LogCapture() {
        this(null);
    }

    private LogCapture(String loggerName) {
        this.loggerName = loggerName;
        setLevel(Level.ALL);
        previous = PROJECT.getLevel();
        PROJECT.setLevel(Level.ALL);
        ROOT.addHandler(this);
    }

    /**
     * Captures one logger.
     *
     * @param loggerName the logger, usually a class name
     * @return the capture
     */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** Every record so far: level, formatted message and, on the next lines, the stack trace of its exception. */
    public List<String> lines() {
        return records.stream().map(LogCapture::line).toList();
    }

    /** Every record so far, one after the other. */
    public String all() {
        return String.join("\n", lines());
    }

    /**
     * Waits for the next record not yet returned by this method.
     *
     * @param seconds how long to wait at most
     * @return the record, or null if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public LogRecord next(long seconds) throws InterruptedException {
        return unread.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void publish(LogRecord record) {
        if (loggerName == null || loggerName.equals(record.getLoggerName())) {
            records.add(record);
            unread.add(record);
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        PROJECT.setLevel(previous);
    }

    private static String line(LogRecord record) {
        String line = record.getLevel() + " " + FORMATTER.formatMessage(record);
        if (record.getThrown() == null) {
            return line;
        }
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        return line + "\n" + trace;
    }
}
