package dev.appservices.extension.internal.sync;

import dev.appservices.ListenerRegistration;
import dev.appservices.SessionExpiredException;
import dev.appservices.User;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.mongo.DefaultRemoteMongoCollection;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.ChangeStreamEndedException;
import dev.appservices.mongo.DuplicateKeyException;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.OperationNotPermittedException;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.mongo.UpdateResult;
import dev.appservices.sync.ConnectionState;
import dev.appservices.sync.ConnectionStateListener;
import dev.appservices.sync.Progress;
import dev.appservices.sync.ProgressDirection;
import dev.appservices.sync.ProgressMode;
import dev.appservices.sync.Subscription;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncException;
import dev.appservices.sync.SyncSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The session of one synced database, run by one thread of its own: connect (open a change stream per subscribed
 * collection, then a catch-up pass that reads every subscription, paged), upload the outbox in order, run the catch-up
 * passes that waits ask for, and after any failure back off and start again. Every request goes through the user's
 * data service client, so the App's timeout bounds it (for streams: until the response headers).
 *
 * <p>Errors: a 401 after a failed refresh ({@link SessionExpiredException}) and a stream ended by a logout are fatal;
 * everything else the backend or the network does is non-fatal and retried. Waits fail at fatal errors, at
 * {@link #pause()}, and at non-fatal errors when {@code cancelWaitsOnNonFatalError} is set.
 */
final class DefaultSyncSession implements SyncSession {

    static final String SERVICE = "mongodb-atlas";
    private static final Logger LOG = Logger.getLogger(DefaultSyncSession.class.getName());
    /**
     * The most documents one bootstrap or catch-up request reads: tens of MB for documents of a kB, which a server JVM
     * holds easily. A subscription that fits is read with one unsorted {@code find}, as an application would; a larger
     * one is read again in pages in {@code _id} order, which the backend must sort.
     */
    static final int PAGE = 50_000;
    /** The most watch events applied in one local transaction. */
    private static final int EVENT_BATCH = 1000;
    /** The most documents of a page applied in one local transaction, while the rest of the page is parsed. */
    private static final int CHUNK = 1000;

    private static final int INSERT_BATCH = 1000;

    private record UploadState(long acknowledged, NavigableMap<Long, BsonDocument> pending) {}

    private record DownloadState(long done, long total) {}

    private final DefaultApp app;
    private final User user;
    private final SyncConfiguration configuration;
    private final SyncedData data;
    private final boolean cancelWaitsOnNonFatalError;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Waits uploadWaits;
    private final Waits downloadWaits;
    private final AtomicLong downloadRequested = new AtomicLong();
    private final AtomicLong downloadApplied = new AtomicLong();
    /**
     * Counts the user's logouts. What a connection made before a logout fails with (its stream ended by that logout,
     * a request sent with that login's tokens) belongs to that login: it must not stop the session after the next.
     */
    private final AtomicLong logouts = new AtomicLong();
    /** Orders the logins and logouts the client reports with the session's own stop at a fatal error. */
    private final Object loginLock = new Object();

    private final ProgressListeners<UploadState> uploadProgress = new ProgressListeners<>();
    private final ProgressListeners<DownloadState> downloadProgress = new ProgressListeners<>();
    private final List<ConnectionStateListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<ChangeStream<BsonDocument>> streams = new CopyOnWriteArrayList<>();
    /** The ids events changed while a catch-up pass runs: the pass must not remove what it did not see. */
    private final Set<BsonValue> touchedDuringPass = ConcurrentHashMap.newKeySet();

    private volatile boolean passRunning;
    private final Thread thread;
    private volatile ConnectionState connectionState = ConnectionState.DISCONNECTED;
    private volatile boolean paused;
    private volatile boolean loggedOut;
    private volatile boolean closed;
    private volatile boolean wakeUp;
    private volatile boolean resubscribe;
    private volatile RuntimeException streamFailure;
    private volatile DownloadState lastDownload = new DownloadState(0, 0);
    private long acknowledged;

    DefaultSyncSession(
            DefaultApp app,
            User user,
            SyncConfiguration configuration,
            SyncedData data,
            boolean cancelDefault,
            String threadName) {
        this.app = app;
        this.user = user;
        this.configuration = configuration;
        this.data = data;
        this.cancelWaitsOnNonFatalError =
                configuration.cancelWaitsOnNonFatalError().orElse(cancelDefault);
        this.uploadWaits = new Waits(data.name());
        this.downloadWaits = new Waits(data.name());
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public SyncConfiguration configuration() {
        return configuration;
    }

    @Override
    public State state() {
        return active() ? State.ACTIVE : State.INACTIVE;
    }

    @Override
    public ConnectionState connectionState() {
        return connectionState;
    }

    private boolean active() {
        return !paused && !loggedOut && !closed;
    }

    // --- waits ----------------------------------------------------------------------------------------------------

    private CompletableFuture<Void> uploadWait() {
        requireNotClosed();
        long target = data.store().lastSequence();
        // while paused nothing counts as reached: the wait completes after resume()
        return uploadWaits.register(target, active() ? uploadedUpTo(data.store().pending()) : -1);
    }

    CompletableFuture<Void> downloadWait() {
        requireNotClosed();
        long generation = downloadRequested.incrementAndGet();
        CompletableFuture<Void> done = downloadWaits.register(generation, downloadApplied.get());
        wake();
        return done;
    }

    private void requireNotClosed() {
        if (closed) {
            throw SyncMessages.sessionClosed(data.name());
        }
    }

    @Override
    public void uploadAllLocalChanges() {
        uploadWaits.await(uploadWait());
    }

    @Override
    public boolean uploadAllLocalChanges(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return uploadWaits.await(uploadWait(), timeout);
    }

    @Override
    public CompletionStage<Void> uploadAllLocalChangesAsync() {
        return Waits.stage(uploadWait());
    }

    @Override
    public void downloadAllServerChanges() {
        downloadWaits.await(downloadWait());
    }

    @Override
    public boolean downloadAllServerChanges(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return downloadWaits.await(downloadWait(), timeout);
    }

    @Override
    public CompletionStage<Void> downloadAllServerChangesAsync() {
        return Waits.stage(downloadWait());
    }

    Waits downloadWaits() {
        return downloadWaits;
    }

    private void failWaits(SyncException error) {
        uploadWaits.failAll(error);
        downloadWaits.failAll(error);
    }

    // --- control --------------------------------------------------------------------------------------------------

    @Override
    public void pause() {
        requireNotClosed();
        paused = true;
        failWaits(SyncMessages.inactive(data.name()));
        closeStreams();
        wake();
    }

    @Override
    public void resume() {
        requireNotClosed();
        paused = false;
        wake();
    }

    @Override
    public void reconnect() {
        wake();
    }

    void loggedOut() {
        synchronized (loginLock) {
            logouts.incrementAndGet();
            loggedOut = true;
        }
        failWaits(SyncMessages.userLoggedOut(data.name(), user.id()));
        closeStreams();
        wake();
    }

    void loggedIn() {
        synchronized (loginLock) {
            loggedOut = false;
        }
        wake();
    }

    void localChanged() {
        wake();
    }

    void subscriptionsChanged() {
        resubscribe = true;
        closeStreams();
        wake();
    }

    /** Stops the thread and its streams; pending waits fail with {@code error}. */
    void stop(SyncException error) {
        closed = true;
        failWaits(error);
        closeStreams();
        wake();
        if (Thread.currentThread() != thread) {
            // a request in flight ends within the App timeout at the latest
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setConnectionState(ConnectionState.DISCONNECTED);
    }

    private void wake() {
        lock.lock();
        try {
            wakeUp = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a wake-up or the time to pass; {@code false} if interrupted. */
    private void sleep(Duration time) {
        lock.lock();
        try {
            long nanos = time.toNanos();
            while (!wakeUp && nanos > 0 && !closed) {
                nanos = signal.awaitNanos(nanos);
            }
            wakeUp = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    // --- listeners ------------------------------------------------------------------------------------------------

    @Override
    public ListenerRegistration addProgressListener(
            ProgressDirection direction, ProgressMode mode, Consumer<Progress> listener) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(listener, "listener");
        boolean current = mode == ProgressMode.CURRENT_CHANGES;
        if (direction == ProgressDirection.UPLOAD) {
            UploadState now = uploadState();
            long target = data.store().lastSequence();
            long initial = now.pending().headMap(target, true).size();
            return uploadProgress.add(
                    current
                            ? state -> new Progress(
                                    initial
                                            - state.pending()
                                                    .headMap(target, true)
                                                    .size(),
                                    initial)
                            : state -> new Progress(
                                    state.acknowledged(),
                                    state.acknowledged() + state.pending().size()),
                    listener,
                    current,
                    now);
        }
        return downloadProgress.add(
                state -> new Progress(state.done(), state.total()), listener, current, lastDownload);
    }

    @Override
    public ListenerRegistration addConnectionStateListener(ConnectionStateListener listener) {
        Objects.requireNonNull(listener, "listener");
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }

    private void setConnectionState(ConnectionState state) {
        ConnectionState old = connectionState;
        if (old == state) {
            return;
        }
        connectionState = state;
        for (ConnectionStateListener listener : connectionListeners) {
            try {
                listener.onChange(state, old);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a connection state listener of '" + data.name() + "' failed", e);
            }
        }
    }

    private synchronized UploadState uploadState() {
        return new UploadState(acknowledged, data.store().pending());
    }

    // --- the session's thread -------------------------------------------------------------------------------------

    private void run() {
        BackOff backOff = new BackOff();
        while (!closed) {
            if (!active()) {
                setConnectionState(ConnectionState.DISCONNECTED);
                sleep(Duration.ofSeconds(1));
                continue;
            }
            long login = logouts.get();
            try {
                connectAndSync(backOff, login);
            } catch (RuntimeException e) {
                closeStreams();
                setConnectionState(ConnectionState.DISCONNECTED);
                if (closed || !active() || logouts.get() != login) {
                    continue;
                }
                if (isFatal(e)) {
                    if (stopUntilLogin(login)) {
                        SyncException error = SyncMessages.fatal(data.name(), e);
                        report(error);
                        failWaits(error);
                    }
                    continue;
                }
                SyncException error = SyncMessages.nonFatal(data.name(), e);
                report(error);
                if (cancelWaitsOnNonFatalError) {
                    failWaits(error);
                }
                sleep(backOff.next());
            }
        }
        closeStreams();
    }

    private void connectAndSync(BackOff backOff, long login) {
        releaseUploadWaits(data.store().pending());
        setConnectionState(ConnectionState.CONNECTING);
        resubscribe = false;
        streamFailure = null;
        openStreams();
        catchUp();
        setConnectionState(ConnectionState.CONNECTED);
        backOff.reset();
        while (active() && !resubscribe && logouts.get() == login) {
            if (streamFailure != null) {
                throw streamFailure;
            }
            upload();
            if (downloadRequested.get() > downloadApplied.get()) {
                catchUp();
            }
            if (data.store().pending().isEmpty() && downloadRequested.get() <= downloadApplied.get()) {
                sleep(Duration.ofSeconds(1));
            }
        }
        closeStreams();
    }

    /**
     * Stops the session until the user logs in again, unless the client has reported a logout since the connection
     * began: then the failure belongs to that login, and a login after it must not find the session stopped.
     */
    private boolean stopUntilLogin(long login) {
        synchronized (loginLock) {
            if (logouts.get() != login) {
                return false;
            }
            loggedOut = true;
            return true;
        }
    }

    private static boolean isFatal(RuntimeException e) {
        return e instanceof SessionExpiredException
                || e instanceof ChangeStreamEndedException ended
                        && ended.reason() == ChangeStreamEndedException.Reason.USER_LOGGED_OUT;
    }

    private void report(SyncException error) {
        Consumer<SyncException> handler = configuration
                .errorHandler()
                .<Consumer<SyncException>>map(h -> e -> h.onError(this, e))
                .orElse(e -> LOG.log(Level.WARNING, e.getMessage()));
        try {
            handler.accept(error);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the sync error handler of '" + data.name() + "' failed", e);
        }
    }

    private RemoteMongoCollection<BsonDocument> remote(Namespace namespace) {
        return user.mongoClient(SERVICE)
                .database(namespace.database())
                .collection(namespace.collection(), BsonDocument.class);
    }

    // --- download -------------------------------------------------------------------------------------------------

    private void openStreams() {
        for (Namespace namespace : data.subscribedNamespaces()) {
            ChangeStream<BsonDocument> stream = remote(namespace).watch();
            streams.add(stream);
            Thread reader = new Thread(() -> read(namespace, stream), thread.getName() + "-watch");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Applies the stream's events, those that arrived together in one local transaction. */
    private void read(Namespace namespace, ChangeStream<BsonDocument> stream) {
        try {
            while (!closed) {
                Map<BsonValue, BsonDocument> states = new LinkedHashMap<>();
                ChangeEvent<BsonDocument> event = stream.next();
                try {
                    while (event != null) {
                        collect(event, states);
                        event = states.size() < EVENT_BATCH
                                ? stream.tryNext(Duration.ZERO).orElse(null)
                                : null;
                    }
                } finally {
                    data.applyServer(namespace, states);
                }
            }
        } catch (RuntimeException e) {
            if (streams.remove(stream)) {
                // the stream ended on its own (the server, the network, a logout): reconnect with a catch-up pass
                streamFailure = e;
                wake();
            }
        }
    }

    /** Adds the state an event gives its document, or asks for a catch-up pass where it gives none. */
    private void collect(ChangeEvent<BsonDocument> event, Map<BsonValue, BsonDocument> states) {
        BsonValue id = event.documentKey().get("_id");
        if (passRunning) {
            touchedDuringPass.add(id);
        }
        switch (event.operationType()) {
            case INSERT, UPDATE, REPLACE -> {
                if (event.fullDocument().isPresent()) {
                    states.put(id, event.fullDocument().get());
                } else {
                    states.remove(id);
                    requestCatchUp();
                }
            }
            case DELETE -> states.put(id, null);
            default -> requestCatchUp();
        }
    }

    private void requestCatchUp() {
        downloadRequested.incrementAndGet();
        wake();
    }

    private void closeStreams() {
        List<ChangeStream<BsonDocument>> open = new ArrayList<>(streams);
        streams.clear();
        open.forEach(ChangeStream::close);
    }

    /** Reads every subscription again, applies it, and removes local documents no subscription holds any more. */
    private void catchUp() {
        long generation = downloadRequested.get();
        touchedDuringPass.clear();
        passRunning = true;
        try {
            readSubscriptions(generation);
        } finally {
            passRunning = false;
            touchedDuringPass.clear();
        }
    }

    private void readSubscriptions(long generation) {
        List<Subscription> subscriptions = data.subscriptions();
        long total = subscriptions.size();
        long done = 0;
        publishDownload(new DownloadState(done, total));
        // a collection empty when the pass begins ends it with what the pass read, what events wrote meanwhile and
        // local writes (which the outbox keeps): nothing of it is to be removed, so it is not read again for that
        Set<Namespace> emptyAtStart = new HashSet<>();
        for (Namespace namespace : data.store().namespaces()) {
            if (!data.hasLocalDocuments(namespace)) {
                emptyAtStart.add(namespace);
            }
        }
        Map<Namespace, Set<BsonValue>> seen = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            Namespace namespace = new Namespace(subscription.database(), subscription.collection());
            // which ids the server has matters only where local documents may be gone
            Set<BsonValue> ids =
                    emptyAtStart.contains(namespace) ? null : seen.computeIfAbsent(namespace, n -> new HashSet<>());
            if (readPage(namespace, subscription.filter(), null, ids) != null) {
                // more than a page: read again in _id order, page by page
                BsonDocument byId = new BsonDocument("_id", new BsonInt32(1));
                BsonValue after = readPage(namespace, subscription.filter(), byId, ids);
                while (after != null) {
                    BsonDocument rest = new BsonDocument(
                            "$and",
                            new BsonArray(List.of(
                                    subscription.filter(), new BsonDocument("_id", new BsonDocument("$gt", after)))));
                    after = readPage(namespace, rest, byId, ids);
                }
            }
            publishDownload(new DownloadState(++done, total));
        }
        for (Namespace namespace : data.store().namespaces()) {
            if (emptyAtStart.contains(namespace)) {
                continue;
            }
            Set<BsonValue> ids = seen.getOrDefault(namespace, Set.of());
            Map<BsonValue, BsonDocument> gone = new HashMap<>();
            for (BsonValue id : data.localIds(namespace)) {
                if (!ids.contains(id) && !touchedDuringPass.contains(id)) {
                    gone.put(id, null);
                }
            }
            data.applyServer(namespace, gone);
        }
        downloadApplied.accumulateAndGet(generation, Math::max);
        downloadWaits.reached(downloadApplied.get());
    }

    /**
     * Reads a page of a subscription as BSON bytes, which the local store keeps as they are, and applies it in chunks
     * while it is read.
     *
     * @param sort the order, {@code null} for the server's
     * @param seen where the ids read go, or {@code null} when they do not matter
     * @return the id of its last document if the page was full, {@code null} if it was the last
     */
    private BsonValue readPage(Namespace namespace, BsonDocument filter, BsonDocument sort, Set<BsonValue> seen) {
        PageApply apply = new PageApply(data, namespace, seen, app::async);
        int read;
        try {
            // the user's data service clients are this module's
            read = ((DefaultRemoteMongoCollection<?>) remote(namespace)).findRaw(filter, sort, PAGE, CHUNK, apply);
        } catch (RuntimeException e) {
            try {
                apply.finish();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        BsonValue last = apply.finish();
        return read == PAGE ? last : null;
    }

    private void publishDownload(DownloadState state) {
        lastDownload = state;
        downloadProgress.changed(state);
    }

    // --- upload ---------------------------------------------------------------------------------------------------

    private void upload() {
        List<Map.Entry<Long, BsonDocument>> entries =
                new ArrayList<>(data.store().pending().entrySet());
        int next = 0;
        while (next < entries.size() && active() && streamFailure == null) {
            int end = next + 1;
            Namespace namespace = SyncedData.namespaceOf(entries.get(next).getValue());
            while (end < entries.size()
                    && end - next < INSERT_BATCH
                    && isInsert(entries.get(end - 1).getValue())
                    && isInsert(entries.get(end).getValue())
                    && SyncedData.namespaceOf(entries.get(end).getValue()).equals(namespace)) {
                end++;
            }
            if (end - next > 1 && insertBatch(namespace, entries.subList(next, end))) {
                next = end;
            } else {
                uploadOne(entries.get(next));
                next++;
            }
        }
    }

    private static boolean isInsert(BsonDocument entry) {
        return SyncedData.INSERT.equals(entry.getString("op").getValue());
    }

    /**
     * Uploads consecutive inserts of one collection with one {@code insertMany}; {@code false} when the server
     * refused one of them (a replay's duplicate key, the rules), so that they go one by one and each gets its own
     * outcome (the call is not atomic: those that went in are duplicates then, which counts as done).
     */
    private boolean insertBatch(Namespace namespace, List<Map.Entry<Long, BsonDocument>> batch) {
        try {
            remote(namespace)
                    .insertMany(batch.stream()
                            .map(entry -> entry.getValue().getDocument("doc"))
                            .toList());
        } catch (DuplicateKeyException | OperationNotPermittedException e) {
            return false;
        }
        acknowledge(batch.stream().map(Map.Entry::getKey).toList(), () -> {});
        return true;
    }

    private void uploadOne(Map.Entry<Long, BsonDocument> pending) {
        long sequence = pending.getKey();
        BsonDocument entry = pending.getValue();
        Namespace namespace = SyncedData.namespaceOf(entry);
        BsonValue id = entry.get("id");
        String refused;
        OperationNotPermittedException notPermitted = null;
        try {
            refused = send(namespace, entry);
        } catch (OperationNotPermittedException e) {
            refused = "not permitted by the server's rules";
            notPermitted = e;
        }
        if (refused == null) {
            acknowledge(List.of(sequence), () -> {});
        } else {
            String reason = refused;
            Throwable cause = notPermitted;
            acknowledge(List.of(sequence), () -> compensate(namespace, id, reason, cause));
        }
    }

    /** Sends one outbox entry; returns why the server dropped it, or {@code null} when it applied it. */
    private String send(Namespace namespace, BsonDocument entry) {
        RemoteMongoCollection<BsonDocument> remote = remote(namespace);
        BsonDocument byId = new BsonDocument("_id", entry.get("id"));
        switch (entry.getString("op").getValue()) {
            case SyncedData.INSERT -> {
                try {
                    remote.insertOne(entry.getDocument("doc"));
                } catch (DuplicateKeyException e) {
                    // a replay after a crash: the insert reached the server before
                }
                return null;
            }
            case SyncedData.UPDATE -> {
                BsonDocument update = new BsonDocument();
                if (!entry.getDocument("set").isEmpty()) {
                    update.append("$set", entry.getDocument("set"));
                }
                if (!entry.getArray("unset").isEmpty()) {
                    BsonDocument unset = new BsonDocument();
                    entry.getArray("unset")
                            .forEach(key -> unset.append(key.asString().getValue(), new BsonString("")));
                    update.append("$unset", unset);
                }
                UpdateResult result = remote.updateOne(byId, update);
                return result.matchedCount() == 0 ? "the document does not exist on the server (deletes win)" : null;
            }
            default -> {
                remote.deleteOne(byId);
                return null;
            }
        }
    }

    /**
     * Removes answered entries from the outbox, runs {@code beforeSignal} (the undo of a refused write, which must see
     * the entry gone so as not to re-apply it), and only then tells the waits and listeners: a wait that completes
     * finds the refused write undone locally and the error handler told, as in realm-core, where the compensating
     * write arrives with the upload's acknowledgement.
     */
    private void acknowledge(List<Long> sequences, Runnable beforeSignal) {
        data.store().write(() -> {
            data.store().acknowledge(sequences);
            return null;
        });
        try {
            beforeSignal.run();
        } finally {
            signalAcknowledged(sequences);
        }
    }

    private void signalAcknowledged(List<Long> sequences) {
        UploadState state;
        synchronized (this) {
            acknowledged += sequences.size();
            state = new UploadState(acknowledged, data.store().pending());
        }
        uploadProgress.changed(state);
        if (active()) {
            releaseUploadWaits(state.pending());
        }
    }

    /**
     * Completes the upload waits that the outbox no longer holds anything for. Not while paused: an answer to a
     * request sent before {@link #pause()} may still come, but waits started while paused wait for {@link #resume()}.
     */
    private void releaseUploadWaits(NavigableMap<Long, BsonDocument> pending) {
        uploadWaits.reached(uploadedUpTo(pending));
    }

    /** The sequence number up to which every outbox entry is acknowledged: all of them when none is pending. */
    private static long uploadedUpTo(NavigableMap<Long, BsonDocument> pending) {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey() - 1;
    }

    /** Undoes a refused write: the server's state of the document becomes the local one, and the handler hears. */
    private void compensate(Namespace namespace, BsonValue id, String reason, Throwable cause) {
        BsonDocument server;
        try {
            server = remote(namespace).find(new BsonDocument("_id", id)).first().orElse(null);
        } catch (OperationNotPermittedException e) {
            server = null;
        }
        data.applyServer(namespace, id, server);
        SyncException error = SyncMessages.compensatingWrite(namespace, id, reason, cause);
        report(error);
        if (cancelWaitsOnNonFatalError) {
            failWaits(error);
        }
    }

    /** Names the store and the user. */
    @Override
    public String toString() {
        return "SyncSession[" + data.name() + ", user=" + user.id() + ", " + state() + ", " + connectionState + "]";
    }
}
