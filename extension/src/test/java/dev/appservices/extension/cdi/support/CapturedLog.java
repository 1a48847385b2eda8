package dev.appservices.extension.cdi.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one logger writes while a test runs ({@code System.Logger} goes to {@code java.util.logging} here).
 * Close it to detach.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final BlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();

    private CapturedLog(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    /**
     * Starts capturing.
     *
     * @param loggerName the logger, usually a class name
     * @return the capture
     */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /**
     * Waits for the next record.
     *
     * @param seconds how long to wait at most
     * @return the record, or null if none came in time
     * @throws InterruptedException if interrupted while waiting
     */
    public LogRecord next(long seconds) throws InterruptedException {
        return records.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
