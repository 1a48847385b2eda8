package dev.appservices.extension.internal.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what the project logs (System.Logger goes to java.util.logging when nothing else is configured): each
 * record as level, formatted message and the stack trace of its exception. Closing it stops the collection.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.appservices");
    private final Level previousLevel = logger.getLevel();
    private final Formatter formatter = new SimpleFormatter();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    LogCapture() {
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String thrown = record.getThrown() == null ? "" : "\n" + MetadataFixtures.describe(record.getThrown());
        lines.add(record.getLevel() + " " + formatter.formatMessage(record) + thrown);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String all() {
        return String.join("\n", lines());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
