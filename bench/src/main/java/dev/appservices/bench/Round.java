package dev.appservices.bench;

import java.util.Arrays;

/**
 * What one measured round of a closed-loop load produced: the operations completed within its window, the window,
 * each completed operation's latency, the CPU time the benchmark JVM and the emulator JVM used meanwhile, and the heap
 * the calling threads allocated for the completed operations.
 * Immutable (the latencies are sorted once, at construction, and not exposed).
 */
final class Round {

    private final long operations;
    private final long windowNanos;
    private final long[] sortedLatencies;
    private final long clientCpuNanos;
    private final long serverCpuNanos;
    private final long callerAllocatedBytes;

    Round(long windowNanos, long[] latencies, long clientCpuNanos, long serverCpuNanos, long callerAllocatedBytes) {
        this.operations = latencies.length;
        this.windowNanos = windowNanos;
        this.sortedLatencies = latencies.clone();
        Arrays.sort(sortedLatencies);
        this.clientCpuNanos = clientCpuNanos;
        this.serverCpuNanos = serverCpuNanos;
        this.callerAllocatedBytes = callerAllocatedBytes;
    }

    long operations() {
        return operations;
    }

    /** Operations per second. */
    double throughput() {
        return operations * 1e9 / windowNanos;
    }

    /** A latency percentile in microseconds (nearest rank). */
    double percentileMicros(double percentile) {
        if (sortedLatencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sortedLatencies.length);
        return sortedLatencies[Math.max(0, rank - 1)] / 1e3;
    }

    /** CPU time of the benchmark JVM per operation, in microseconds (every thread: callers, GC, JIT). */
    double clientCpuMicrosPerOperation() {
        return operations == 0 ? Double.NaN : clientCpuNanos / 1e3 / operations;
    }

    /**
     * Heap allocated per operation by the calling threads, in KiB. Work a client does on other threads (the JDK
     * client's selector thread) is not in it.
     */
    double callerAllocatedKibPerOperation() {
        return operations == 0 ? Double.NaN : callerAllocatedBytes / 1024.0 / operations;
    }

    /** CPU time of the emulator JVM per operation, in microseconds. */
    double serverCpuMicrosPerOperation() {
        return operations == 0 ? Double.NaN : serverCpuNanos / 1e3 / operations;
    }
}
