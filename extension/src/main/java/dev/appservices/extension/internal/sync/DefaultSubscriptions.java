package dev.appservices.extension.internal.sync;

import dev.appservices.sync.MutableSubscriptions;
import dev.appservices.sync.Subscription;
import dev.appservices.sync.Subscriptions;
import dev.appservices.sync.SyncConfiguration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.bson.conversions.Bson;

/**
 * The subscriptions of an open synced database: changes are stored at once, then the session reads them again
 * (a resubscription with a catch-up pass). Waiting for synchronization is waiting for that pass. Thread-safe.
 */
final class DefaultSubscriptions implements Subscriptions {

    private final SyncedData data;
    private final DefaultSyncSession session;

    DefaultSubscriptions(SyncedData data, DefaultSyncSession session) {
        this.data = data;
        this.session = session;
    }

    @Override
    public List<Subscription> all() {
        return data.subscriptions();
    }

    @Override
    public Optional<Subscription> find(String name) {
        Objects.requireNonNull(name, "name");
        return data.subscriptions().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public synchronized void update(Consumer<MutableSubscriptions> changes) {
        Objects.requireNonNull(changes, "changes");
        Map<String, Subscription> edited = new LinkedHashMap<>();
        data.subscriptions().forEach(s -> edited.put(s.name(), s));
        changes.accept(new MutableSubscriptions() {
            @Override
            public MutableSubscriptions add(String name, String database, String collection, Bson filter) {
                // the builder validates and renders the filter as SyncConfiguration does
                Subscription added = SyncConfiguration.builder(session.user())
                        .subscription(name, database, collection, filter)
                        .build()
                        .initialSubscriptions()
                        .get(0);
                if (edited.putIfAbsent(name, added) != null) {
                    throw SyncMessages.duplicateSubscription(data.name(), name);
                }
                return this;
            }

            @Override
            public MutableSubscriptions remove(String name) {
                if (edited.remove(Objects.requireNonNull(name, "name")) == null) {
                    throw SyncMessages.unknownSubscription(data.name(), name);
                }
                return this;
            }

            @Override
            public MutableSubscriptions removeAll() {
                edited.clear();
                return this;
            }
        });
        data.replaceSubscriptions(List.copyOf(edited.values()));
        session.subscriptionsChanged();
    }

    @Override
    public void waitForSynchronization() {
        session.downloadAllServerChanges();
    }

    @Override
    public boolean waitForSynchronization(Duration timeout) {
        return session.downloadAllServerChanges(timeout);
    }

    @Override
    public CompletionStage<Void> waitForSynchronizationAsync() {
        return session.downloadAllServerChangesAsync();
    }
}
