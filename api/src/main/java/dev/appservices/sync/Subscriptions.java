package dev.appservices.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The subscriptions of a {@link SyncedDatabase}: what it keeps locally. Changes are stored locally at once; the
 * session then reads the new subscriptions, adds the documents they match and removes the documents no subscription
 * matches any more. Thread-safe.
 *
 * @since 0.1
 */
public interface Subscriptions {

    /** The current subscriptions, in the order they were added. */
    List<Subscription> all();

    /**
     * The subscription of a name.
     *
     * @param name its name
     * @return it, if present
     */
    Optional<Subscription> find(String name);

    /**
     * Changes the subscriptions in one step.
     *
     * <pre>{@code
     * local.subscriptions().update(s -> s.add("done", "shop", "orders", eq("status", "done")).remove("open"));
     * }</pre>
     *
     * @param changes the changes; if it throws, nothing changes
     */
    void update(Consumer<MutableSubscriptions> changes);

    /**
     * Waits until the data of the current subscriptions has been read and applied locally.
     *
     * @throws SyncException as {@link SyncSession#downloadAllServerChanges()}
     */
    void waitForSynchronization();

    /**
     * {@link #waitForSynchronization()} with a limit.
     *
     * @param timeout how long to wait at most
     * @return {@code false} if the limit passed first
     * @throws SyncException as {@link SyncSession#downloadAllServerChanges()}
     */
    boolean waitForSynchronization(Duration timeout);

    /**
     * {@link #waitForSynchronization()} without blocking.
     *
     * @return completed when the data has been applied, or exceptionally with the {@link SyncException}
     */
    CompletionStage<Void> waitForSynchronizationAsync();
}
