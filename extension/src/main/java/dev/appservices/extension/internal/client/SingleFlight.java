package dev.appservices.extension.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * At most one computation per key at a time: a caller that arrives while one runs waits for it and shares its
 * outcome, value or exception, instead of starting another. Used for the session refresh of a user and the location
 * request of a base URL, so that N concurrent requests make one request to the server, and so that N requests
 * waiting for a server that does not answer fail together after one timeout instead of one after another.
 * Thread-safe.
 *
 * @param <K> the key, such as a user id
 * @param <V> the result
 */
final class SingleFlight<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} for {@code key}, or waits for the run in progress. The work should check first whether its
     * result is still needed: a caller may claim the key just after another run completed.
     *
     * @return the result of the run, this caller's or the one it joined
     * @throws RuntimeException what the run threw
     */
    V run(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            V result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static <V> V join(CompletableFuture<V> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }
}
