package dev.appservices.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * A closed-loop load: a fixed number of callers, each sending its next request as soon as the previous one answered,
 * for a time window. Only operations that complete inside the window count (with their latency), so throughput is
 * operations over the window. Any failure makes the round invalid: it is thrown after every caller stopped.
 *
 * <p>Hand-written rather than JMH: JMH measures one benchmark per forked JVM, one after the other, while each figure
 * here is a ratio between two clients of one server process, which is only fair on this shared machine when their
 * rounds alternate in the same process against the same server; and a load generator is needed anyway for the
 * refresh storm and the login mix.
 *
 * <p>The caller threads live as long as the loop ({@link #close()}).
 */
final class ClosedLoop implements AutoCloseable {

    /** One operation of a caller. */
    @FunctionalInterface
    interface Operation {
        /** @param caller the caller's index, from 0 */
        void run(int caller) throws Exception;
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What one caller measured: the latency of each counted operation, and what its thread allocated for them. */
    private record CallerResult(long[] latencies, long allocatedBytes) {}

    private final int callers;
    private final LongSupplier serverCpuNanos;
    private final ExecutorService threads;

    /**
     * @param callers        the number of concurrent callers
     * @param serverCpuNanos the CPU time used so far by the server process
     */
    ClosedLoop(int callers, LongSupplier serverCpuNanos) {
        this.callers = callers;
        this.serverCpuNanos = serverCpuNanos;
        this.threads = Executors.newFixedThreadPool(callers, runnable -> {
            Thread thread = new Thread(runnable, "bench-caller");
            thread.setDaemon(true);
            return thread;
        });
    }

    int callers() {
        return callers;
    }

    /** Runs the load for {@code window} and returns what it measured. */
    Round run(Duration window, Operation operation) throws Exception {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<CallerResult>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            results.add(threads.submit(() -> {
                ready.countDown();
                start.await();
                return callUntil(deadline[0], caller, operation);
            }));
        }
        ready.await();
        long clientCpu = OS.getProcessCpuTime();
        long serverCpu = serverCpuNanos.getAsLong();
        long started = System.nanoTime();
        deadline[0] = started + window.toNanos(); // published to the callers by start.countDown()
        start.countDown();
        long[][] latencies = new long[callers][];
        long allocated = 0;
        Exception failure = null;
        for (int i = 0; i < callers; i++) {
            try {
                CallerResult result = results.get(i).get();
                latencies[i] = result.latencies();
                allocated += result.allocatedBytes();
            } catch (ExecutionException e) {
                failure = failure == null && e.getCause() instanceof Exception ? (Exception) e.getCause() : failure;
                latencies[i] = new long[0];
            }
        }
        if (failure != null) {
            throw failure;
        }
        long clientCpuUsed = OS.getProcessCpuTime() - clientCpu;
        long serverCpuUsed = serverCpuNanos.getAsLong() - serverCpu;
        return new Round(
                window.toNanos(),
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray(),
                clientCpuUsed,
                serverCpuUsed,
                allocated);
    }

    private static CallerResult callUntil(long deadline, int caller, Operation operation) throws Exception {
        long[] latencies = new long[1024];
        int count = 0;
        long allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
        long allocatedByCounted = 0;
        while (true) {
            long begin = System.nanoTime();
            if (begin >= deadline) {
                return new CallerResult(Arrays.copyOf(latencies, count), allocatedByCounted);
            }
            operation.run(caller);
            long end = System.nanoTime();
            if (end <= deadline) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = end - begin;
                // the latency array's growth is counted too: a few bytes per operation, the same for every client
                allocatedByCounted = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
