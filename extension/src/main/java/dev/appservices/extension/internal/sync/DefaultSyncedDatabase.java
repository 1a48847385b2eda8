package dev.appservices.extension.internal.sync;

import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.mongo.Namespace;
import dev.appservices.sync.Subscriptions;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bson.Document;

/** An open synced database: its data, session and subscriptions, until {@link #close()}. Thread-safe. */
final class DefaultSyncedDatabase implements SyncedDatabase {

    private final SyncConfiguration configuration;
    private final SyncedData data;
    private final DefaultSyncSession session;
    private final DefaultSubscriptions subscriptions;
    private final DefaultApp app;
    private final Consumer<DefaultSyncedDatabase> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultSyncedDatabase(
            SyncConfiguration configuration,
            SyncedData data,
            DefaultSyncSession session,
            DefaultApp app,
            Consumer<DefaultSyncedDatabase> onClose) {
        this.configuration = configuration;
        this.data = data;
        this.session = session;
        this.subscriptions = new DefaultSubscriptions(data, session);
        this.app = app;
        this.onClose = onClose;
    }

    @Override
    public SyncConfiguration configuration() {
        return configuration;
    }

    @Override
    public SyncedCollection<Document> collection(String database, String collection) {
        return collection(database, collection, Document.class);
    }

    @Override
    public <T> SyncedCollection<T> collection(String database, String collection, Class<T> documentClass) {
        requireOpen();
        return new DefaultSyncedCollection<>(
                data,
                new Namespace(database, collection),
                documentClass,
                ServiceCalls.defaultCodecRegistry(),
                app,
                this::requireOpen);
    }

    @Override
    public Subscriptions subscriptions() {
        requireOpen();
        return subscriptions;
    }

    @Override
    public SyncSession session() {
        requireOpen();
        return session;
    }

    DefaultSyncSession defaultSession() {
        return session;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        close(SyncMessages.sessionClosed(data.name()));
    }

    /** Closes with the error pending waits fail with. */
    void close(SyncException error) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.stop(error);
            data.store().close();
        } finally {
            onClose.accept(this);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw SyncMessages.closed(data.name());
        }
    }

    @Override
    public String toString() {
        return "SyncedDatabase[" + data.name() + ", user="
                + configuration.user().id() + (isClosed() ? ", closed" : "") + "]";
    }
}
