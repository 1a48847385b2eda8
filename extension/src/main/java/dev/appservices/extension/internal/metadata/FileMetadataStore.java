package dev.appservices.extension.internal.metadata;

import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The persisted metadata store of the {@code NO_ENCRYPTION} and {@code ENCRYPTION} modes: one file in the App's
 * {@link StoreDirectory}, in the format of its {@link StoreCodec}.
 * <p>
 * Lifecycle: {@link #open} locks the directory, folds a journal an earlier run left into the file and reads the
 * file once; from then on the content lives in memory, and every {@link #update} makes the whole new content durable
 * before it returns, as a record of the {@link StoreJournal} (or, now and then, by rewriting the file);
 * {@link #close} folds the journal into the file and releases the lock. A file that cannot be trusted fails the open,
 * or with {@link InvalidMetadataPolicy#RESET} is moved aside and reported; it is never overwritten or deleted.
 * <p>
 * Group commit: updates are applied one after the other to the newest content, and every update that arrives while
 * a write is in progress joins the next write. That write is made by one of the waiting writers (the first to find
 * the device free) and covers all of them with one file and one {@code force}; each writer returns when the write
 * that includes its change is durable. If that write fails, every change it carried, and every change made on top of
 * them since, fails with it and the content goes back to what is on disk. Readers see only durable content.
 * Thread-safe.
 */
final class FileMetadataStore implements MetadataStore {

    private static final Logger LOGGER = System.getLogger(FileMetadataStore.class.getName());

    /** The file {@link #checkAccess()} writes and deletes to show that the directory takes writes. */
    private static final String ACCESS_PROBE = "access-probe";

    private final StoreDirectory directory;
    private final StoreCodec codec;
    private final StoreJournal journal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** What is on disk: what readers see. */
    private MetadataSnapshot durable;
    /** The newest content, with the changes of {@link #next} (and of {@link #writing}) applied. */
    private MetadataSnapshot newest;
    /** The changes that wait for the next write; null while there are none. */
    private Commit next;
    /** The write in progress, made outside the lock; null while there is none. */
    private Commit writing;

    private long writes;
    private boolean closed;

    /** One write and the changes it carries. */
    private static final class Commit {
        private boolean done;
        private Throwable failure;
    }

    private FileMetadataStore(StoreDirectory directory, StoreCodec codec, MetadataSnapshot content) {
        this.directory = directory;
        this.codec = codec;
        this.journal = new StoreJournal(directory, codec.fileName());
        this.durable = content;
        this.newest = content;
    }

    /**
     * Opens the store in {@code directory}.
     *
     * @throws dev.appservices.MetadataIntegrityException if the file cannot be trusted and the policy is
     *                                                     {@link InvalidMetadataPolicy#FAIL}
     * @throws dev.appservices.MetadataStoreException     if the directory or file cannot be used
     */
    static FileMetadataStore open(
            String appId,
            Path directory,
            StoreCodec codec,
            InvalidMetadataPolicy onInvalid,
            Consumer<MetadataResetEvent> onReset) {
        StoreDirectory storeDirectory = StoreDirectory.open(directory);
        try {
            // every format's journal, so that the loader's checks (a store of the other mode, a take-over) see
            // the newest content of each file
            StoreJournal.fold(storeDirectory, PlainCodec.FILE_NAME);
            StoreJournal.fold(storeDirectory, SealedCodec.FILE_NAME);
            Loader loader = new Loader(appId, storeDirectory, codec, onInvalid, onReset);
            return new FileMetadataStore(storeDirectory, codec, loader.load());
        } catch (RuntimeException e) {
            storeDirectory.close();
            throw e;
        }
    }

    @Override
    public MetadataSnapshot read() {
        lock.lock();
        try {
            requireOpen();
            return durable;
        } finally {
            lock.unlock();
        }
    }

    /** Reads the store's file and writes (then deletes) a probe file beside it; the content stays as it is. */
    @Override
    public synchronized void checkAccess() {
        requireOpen();
        directory.read(codec.fileName());
        directory.write(ACCESS_PROBE, new byte[0]);
        directory.delete(ACCESS_PROBE);
    }

    @Override
    public MetadataSnapshot update(UnaryOperator<MetadataSnapshot> change) {
        lock.lock();
        try {
            requireOpen();
            MetadataSnapshot changed = Objects.requireNonNull(change.apply(newest), "changed snapshot");
            if (!changed.equals(newest)) {
                newest = changed;
                if (next == null) {
                    next = new Commit();
                }
            }
            // an unchanged content still waits for the writes of the changes it saw
            Commit awaited = next != null ? next : writing;
            if (awaited != null) {
                awaitCommit(awaited);
            }
            return changed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code commit} is durable, making the write itself when the device is free; under the lock. */
    private void awaitCommit(Commit commit) {
        while (!commit.done) {
            if (writing == null) {
                write();
            } else {
                committed.awaitUninterruptibly();
            }
        }
        if (commit.failure instanceof MetadataStoreException) {
            throw MetadataMessages.commitFailed((MetadataStoreException) commit.failure);
        }
        if (commit.failure instanceof RuntimeException) {
            throw (RuntimeException) commit.failure;
        }
        if (commit.failure instanceof Error) {
            throw (Error) commit.failure;
        }
    }

    /** Writes {@link #next} with the newest content, outside the lock, then wakes its writers. */
    private void write() {
        Commit commit = next;
        MetadataSnapshot content = newest;
        next = null;
        writing = commit;
        lock.unlock();
        Throwable failure = null;
        try {
            journal.commit(encode(content));
        } catch (RuntimeException | Error e) {
            // whatever it is, every writer of the commit must learn it, or they would wait for ever
            failure = e;
        } finally {
            lock.lock();
        }
        writing = null;
        writes++;
        if (failure == null) {
            durable = content;
        } else {
            // the changes made since were made on top of the failed ones: they fail too
            newest = durable;
            if (next != null) {
                next.failure = failure;
                next.done = true;
                next = null;
            }
        }
        commit.failure = failure;
        commit.done = true;
        committed.signalAll();
    }

    /** How many writes the store made since it was opened (each one force of the file). */
    long writes() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // the writers already waiting still get their write
            while (next != null || writing != null) {
                if (writing == null) {
                    write();
                } else {
                    committed.awaitUninterruptibly();
                }
            }
            foldJournal();
            durable = MetadataSnapshot.EMPTY;
            newest = MetadataSnapshot.EMPTY;
            directory.close();
        } finally {
            lock.unlock();
        }
    }

    /** At close, so that a cleanly closed store is its file alone; if that fails, the next open folds it. */
    private void foldJournal() {
        try {
            if (journal.hasRecords()) {
                journal.compact(encode(durable));
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, e.getMessage());
        } finally {
            journal.close();
        }
    }

    private byte[] encode(MetadataSnapshot content) {
        return codec.encode(content, directory.item(codec.fileName()));
    }

    private void requireOpen() {
        if (closed) {
            throw MetadataMessages.closed(directory.path());
        }
    }

    /** Reads the store's file at open, taking care of resets, key rotation and a change of mode. */
    private static final class Loader {

        private final String appId;
        private final StoreDirectory directory;
        private final StoreCodec codec;
        private final InvalidMetadataPolicy onInvalid;
        private final Consumer<MetadataResetEvent> onReset;

        Loader(
                String appId,
                StoreDirectory directory,
                StoreCodec codec,
                InvalidMetadataPolicy onInvalid,
                Consumer<MetadataResetEvent> onReset) {
            this.appId = appId;
            this.directory = directory;
            this.codec = codec;
            this.onInvalid = onInvalid;
            this.onReset = onReset;
        }

        MetadataSnapshot load() {
            // an encrypted file is never ignored, or its users would silently be gone
            if (!codec.fileName().equals(SealedCodec.FILE_NAME) && directory.exists(SealedCodec.FILE_NAME)) {
                throw MetadataMessages.storeOfOtherMode(directory.file(SealedCodec.FILE_NAME));
            }
            Optional<byte[]> file = directory.read(codec.fileName());
            Optional<StoreCodec> predecessor = codec.predecessor();
            Optional<byte[]> predecessorFile = predecessor.flatMap(old -> directory.read(old.fileName()));
            if (file.isEmpty()) {
                return predecessorFile.isPresent()
                        ? takeOver(predecessor.get(), predecessorFile.get())
                        : MetadataSnapshot.EMPTY;
            }
            MetadataSnapshot snapshot = decodeOrReset(codec, file.get());
            if (predecessorFile.isPresent()) {
                removeTakenOver(predecessor.get(), predecessorFile.get(), snapshot);
            }
            Optional<String> rewrite = codec.rewriteReason(directory.item(codec.fileName()));
            if (rewrite.isPresent()) {
                write(snapshot);
                LOGGER.log(Level.INFO, rewrite.get());
            }
            return snapshot;
        }

        /** Moves the content of the predecessor's file (the unencrypted one) into this format's file. */
        private MetadataSnapshot takeOver(StoreCodec predecessor, byte[] old) {
            MetadataSnapshot snapshot = decodeOrReset(predecessor, old);
            write(snapshot);
            directory.delete(predecessor.fileName());
            LOGGER.log(
                    Level.INFO,
                    MetadataMessages.migratedToEncryption(
                            directory.file(predecessor.fileName()), directory.file(codec.fileName())));
            return snapshot;
        }

        /**
         * Both files exist after a take-over that was interrupted between writing the new file and deleting the
         * old one; the old one is deleted only if it holds the same users, never on a guess.
         */
        private void removeTakenOver(StoreCodec predecessor, byte[] old, MetadataSnapshot snapshot) {
            Path oldFile = directory.file(predecessor.fileName());
            if (!predecessor.decode(old, directory.item(predecessor.fileName())).equals(snapshot)) {
                throw MetadataMessages.twoStores(directory.file(codec.fileName()), oldFile);
            }
            directory.delete(predecessor.fileName());
        }

        private MetadataSnapshot decodeOrReset(StoreCodec format, byte[] bytes) {
            try {
                return format.decode(bytes, directory.item(format.fileName()));
            } catch (MetadataIntegrityException e) {
                if (onInvalid != InvalidMetadataPolicy.RESET) {
                    throw e;
                }
                Instant now = Instant.now();
                Path backup = directory.moveAside(format.fileName(), now);
                LOGGER.log(Level.WARNING, MetadataMessages.storeReset(appId, backup, e.getMessage()));
                onReset.accept(new MetadataResetEvent(appId, backup, now));
                return MetadataSnapshot.EMPTY;
            }
        }

        private void write(MetadataSnapshot snapshot) {
            directory.write(codec.fileName(), codec.encode(snapshot, directory.item(codec.fileName())));
        }
    }
}
