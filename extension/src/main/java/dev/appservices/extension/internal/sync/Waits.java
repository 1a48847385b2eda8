package dev.appservices.extension.internal.sync;

import dev.appservices.sync.SyncException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pending waits of one kind (uploads or downloads): each waits for a mark (an outbox sequence number, a catch-up
 * generation) to be reached. A wait that times out stays registered, so the work it waits for goes on and a later
 * caller sees the same outcome. Thread-safe.
 */
final class Waits {

    private record Wait(long mark, CompletableFuture<Void> done) {}

    private final String storeName;
    private final List<Wait> pending = new ArrayList<>();

    Waits(String storeName) {
        this.storeName = storeName;
    }

    /** Registers a wait for {@code mark}; completes it at once if {@code reached} is already at or beyond it. */
    synchronized CompletableFuture<Void> register(long mark, long reached) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (mark <= reached) {
            done.complete(null);
        } else {
            pending.add(new Wait(mark, done));
        }
        return done;
    }

    /** Completes every wait whose mark is at or below {@code reached}. */
    void reached(long reached) {
        List<Wait> completed = new ArrayList<>();
        synchronized (this) {
            pending.removeIf(wait -> wait.mark() <= reached && completed.add(wait));
        }
        completed.forEach(wait -> wait.done().complete(null));
    }

    /** Fails every pending wait with {@code error}. */
    void failAll(SyncException error) {
        List<Wait> failed;
        synchronized (this) {
            failed = new ArrayList<>(pending);
            pending.clear();
        }
        failed.forEach(wait -> wait.done().completeExceptionally(error));
    }

    /** Blocks until the wait is done. */
    void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SyncMessages.interrupted(storeName);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** Blocks until the wait is done or the limit passes: {@code false} then. */
    boolean await(CompletableFuture<Void> done, Duration timeout) {
        try {
            done.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SyncMessages.interrupted(storeName);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** A stage for callers: completing or cancelling it does not touch the wait. */
    static CompletionStage<Void> stage(CompletableFuture<Void> done) {
        return done.minimalCompletionStage();
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
