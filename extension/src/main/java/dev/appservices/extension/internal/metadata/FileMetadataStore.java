package dev.appservices.extension.internal.metadata;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataResetEvent;

/**
 * The persisted metadata store of the {@code NO_ENCRYPTION} and {@code ENCRYPTION} modes: one file in the App's
 * {@link StoreDirectory}, in the format of its {@link StoreCodec}.
 * <p>
 * Lifecycle: {@link #open} locks the directory and reads the file once; from then on the content lives in memory,
 * and every {@link #update} writes the whole new content (atomically) before it becomes visible; {@link #close}
 * releases the lock. A file that cannot be trusted fails the open, or with {@link InvalidMetadataPolicy#RESET} is
 * moved aside and reported; it is never overwritten or deleted. Thread-safe: every method is synchronized.
 */
final class FileMetadataStore implements MetadataStore {

    private static final Logger LOGGER = System.getLogger(FileMetadataStore.class.getName());

    /** The file {@link #checkAccess()} writes and deletes to show that the directory takes writes. */
    private static final String ACCESS_PROBE = "access-probe";

    private final StoreDirectory directory;
    private final StoreCodec codec;
    private MetadataSnapshot content;
    private boolean closed;

    private FileMetadataStore(StoreDirectory directory, StoreCodec codec, MetadataSnapshot content) {
        this.directory = directory;
        this.codec = codec;
        this.content = content;
    }

    /**
     * Opens the store in {@code directory}.
     *
     * @throws dev.appservices.MetadataIntegrityException if the file cannot be trusted and the policy is
     *                                                     {@link InvalidMetadataPolicy#FAIL}
     * @throws dev.appservices.MetadataStoreException     if the directory or file cannot be used
     */
    static FileMetadataStore open(String appId, Path directory, StoreCodec codec, InvalidMetadataPolicy onInvalid,
            Consumer<MetadataResetEvent> onReset) {
        StoreDirectory storeDirectory = StoreDirectory.open(directory);
        try {
            Loader loader = new Loader(appId, storeDirectory, codec, onInvalid, onReset);
            return new FileMetadataStore(storeDirectory, codec, loader.load());
        } catch (RuntimeException e) {
            storeDirectory.close();
            throw e;
        }
    }

    @Override
    public synchronized MetadataSnapshot read() {
        requireOpen();
        return content;
    }

    @Override
    public synchronized MetadataSnapshot update(UnaryOperator<MetadataSnapshot> change) {
        requireOpen();
        MetadataSnapshot changed = Objects.requireNonNull(change.apply(content), "changed snapshot");
        if (!changed.equals(content)) {
            directory.write(codec.fileName(), codec.encode(changed, directory.file(codec.fileName())));
        }
        content = changed;
        return changed;
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
    public synchronized void close() {
        if (!closed) {
            closed = true;
            content = MetadataSnapshot.EMPTY;
            directory.close();
        }
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

        Loader(String appId, StoreDirectory directory, StoreCodec codec, InvalidMetadataPolicy onInvalid,
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
                return predecessorFile.isPresent() ? takeOver(predecessor.get(), predecessorFile.get())
                        : MetadataSnapshot.EMPTY;
            }
            MetadataSnapshot snapshot = decodeOrReset(codec, file.get());
            if (predecessorFile.isPresent()) {
                removeTakenOver(predecessor.get(), predecessorFile.get(), snapshot);
            }
            Optional<String> rewrite = codec.rewriteReason(directory.file(codec.fileName()));
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
            LOGGER.log(Level.INFO, MetadataMessages.migratedToEncryption(directory.file(predecessor.fileName()),
                    directory.file(codec.fileName())));
            return snapshot;
        }

        /**
         * Both files exist after a take-over that was interrupted between writing the new file and deleting the
         * old one; the old one is deleted only if it holds the same users, never on a guess.
         */
        private void removeTakenOver(StoreCodec predecessor, byte[] old, MetadataSnapshot snapshot) {
            Path oldFile = directory.file(predecessor.fileName());
            if (!predecessor.decode(old, oldFile).equals(snapshot)) {
                throw MetadataMessages.twoStores(directory.file(codec.fileName()), oldFile);
            }
            directory.delete(predecessor.fileName());
        }

        private MetadataSnapshot decodeOrReset(StoreCodec format, byte[] bytes) {
            Path file = directory.file(format.fileName());
            try {
                return format.decode(bytes, file);
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
            directory.write(codec.fileName(), codec.encode(snapshot, directory.file(codec.fileName())));
        }
    }
}
