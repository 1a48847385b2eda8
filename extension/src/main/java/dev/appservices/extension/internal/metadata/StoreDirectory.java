package dev.appservices.extension.internal.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory of one App's store ({@code <metadata.directory>/<id>/}), held exclusively from {@link #open} to
 * {@link #close}, with durable file operations.
 * <ul>
 * <li>Exclusive: a {@link FileLock} on {@value #LOCK_FILE} keeps other processes out, and a JVM-wide registry
 * keeps other stores of this JVM out (see {@link #register}).</li>
 * <li>Private: on POSIX file systems the directory is {@code rwx------} and every file {@code rw-------}.</li>
 * <li>Durable and atomic: {@link #write} writes a temporary file in the same directory, forces it to the device,
 * renames it over the old file with {@link StandardCopyOption#ATOMIC_MOVE} and syncs the directory, so a crash at
 * any moment leaves either the old or the new file, never a mix.</li>
 * </ul>
 * Not thread-safe: its {@link FileMetadataStore} serialises the calls.
 */
final class StoreDirectory implements AutoCloseable {

    static final String LOCK_FILE = "metadata.lock";

    private static final String TEMP_SUFFIX = ".tmp";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** File-name friendly on every OS (no colons), in UTC. */
    private static final DateTimeFormatter BACKUP_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final String REGISTRY_PREFIX = "dev.appservices.metadata.open:";

    private final Path path;
    private final boolean posix;
    private final String registration;
    private final FileChannel lockChannel;

    private StoreDirectory(Path path, boolean posix, String registration, FileChannel lockChannel) {
        this.path = path;
        this.posix = posix;
        this.registration = registration;
        this.lockChannel = lockChannel;
    }

    /**
     * Creates the directory if needed, makes it private, locks it and deletes temporary files a crashed writer
     * left behind.
     *
     * @throws dev.appservices.MetadataStoreException if the directory cannot be prepared (0300) or is in use by
     *                                                another process (0301) or store of this JVM (0302)
     */
    static StoreDirectory open(Path directory) {
        Path path = directory.toAbsolutePath().normalize();
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                // also an existing directory: the store holds tokens
                Files.setPosixFilePermissions(path, OWNER_DIRECTORY);
            } else {
                // elsewhere (Windows) the directory inherits the ACL of its parent, private to the user's profile
                Files.createDirectories(path);
            }
            path = path.toRealPath();
        } catch (IOException e) {
            throw MetadataMessages.directoryUnusable(path, e);
        }
        String registration = register(path);
        try {
            StoreDirectory opened = new StoreDirectory(path, posix, registration, lock(path, posix));
            opened.deleteTemporaryFiles();
            return opened;
        } catch (RuntimeException e) {
            unregister(path, registration);
            throw e;
        }
    }

    /**
     * Claims the directory for this JVM. The registry must be JVM-wide, not per class loader: two applications in
     * one server each load their own copy of this class, and if the second one opened the lock file and closed it
     * again on finding it locked, the first one's lock would be gone (POSIX record locks belong to the process,
     * and closing any descriptor of the file releases them). System properties are the one map every class loader
     * of the JVM shares; the entry holds a random token, so only its owner removes it.
     */
    private static String register(Path path) {
        String token = UUID.randomUUID().toString();
        if (System.getProperties().putIfAbsent(REGISTRY_PREFIX + path, token) != null) {
            throw MetadataMessages.alreadyOpenInThisJvm(path);
        }
        return token;
    }

    private static void unregister(Path path, String token) {
        System.getProperties().remove(REGISTRY_PREFIX + path, token);
    }

    private static FileChannel lock(Path path, boolean posix) {
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), fileAttributes(posix));
        } catch (IOException e) {
            throw MetadataMessages.directoryUnusable(path, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // the registry lets no store of this JVM get here: code outside this package locked the file
            closeQuietly(channel);
            throw MetadataMessages.alreadyOpenInThisJvm(path);
        } catch (IOException e) {
            closeQuietly(channel);
            throw MetadataMessages.directoryUnusable(path, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw MetadataMessages.lockedByAnotherProcess(path, lockFile);
        }
        return channel;
    }

    private static FileAttribute<?>[] fileAttributes(boolean posix) {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** The directory, absolute and with symbolic links resolved. */
    Path path() {
        return path;
    }

    Path file(String name) {
        return path.resolve(name);
    }

    /** A file of the directory as codecs and their messages name it. */
    StoredItem item(String name) {
        return StoredItem.file(file(name));
    }

    /**
     * Reads a whole file.
     *
     * @return the content, or empty if the file does not exist
     * @throws dev.appservices.MetadataStoreException if the file exists but cannot be read (0303)
     */
    Optional<byte[]> read(String name) {
        Path file = file(name);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw MetadataMessages.cannotRead(file, e);
        }
    }

    /**
     * Replaces a file atomically and durably.
     *
     * @throws dev.appservices.MetadataStoreException if it cannot be written (0304); the old file is then unchanged
     */
    void write(String name, byte[] content) {
        Path target = file(name);
        Path temp = file(name + TEMP_SUFFIX);
        try {
            Files.deleteIfExists(temp);
            // CREATE_NEW, so that the owner-only permissions are set by the creation itself
            try (FileChannel channel = FileChannel.open(
                    temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes(posix))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // rename(2) on POSIX and MoveFileEx(MOVEFILE_REPLACE_EXISTING) on Windows replace the target atomically
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw MetadataMessages.cannotWrite(target, e);
        }
        syncDirectory();
    }

    /**
     * Opens a file to write at any position, creating it (owner-only) if needed; a created file's directory entry
     * is synced at once, so that syncing the file's data later is enough to make what it holds durable.
     *
     * @throws IOException if it cannot be opened
     */
    FileChannel openForAppend(String name) throws IOException {
        Path file = file(name);
        try {
            FileChannel channel = FileChannel.open(
                    file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes(posix));
            syncDirectory();
            return channel;
        } catch (FileAlreadyExistsException e) {
            return FileChannel.open(file, StandardOpenOption.WRITE);
        }
    }

    /**
     * Renames a file to {@code <name>.invalid-<UTC time>} (never over an existing backup).
     *
     * @return the backup
     * @throws dev.appservices.MetadataStoreException if it cannot be renamed (0316); it is then unchanged
     */
    Path moveAside(String name, Instant when) {
        Path source = file(name);
        String base = name + ".invalid-" + BACKUP_TIME.format(when);
        Path backup = file(base);
        for (int i = 1; Files.exists(backup); i++) {
            backup = file(base + "-" + i);
        }
        try {
            Files.move(source, backup, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw MetadataMessages.cannotMoveAside(source, e);
        }
        syncDirectory();
        return backup;
    }

    /**
     * Deletes a file if it exists.
     *
     * @throws dev.appservices.MetadataStoreException if it exists and cannot be deleted (0321)
     */
    void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw MetadataMessages.cannotDelete(file(name), e);
        }
        syncDirectory();
    }

    boolean exists(String name) {
        return Files.exists(file(name));
    }

    /** Releases the lock and the directory; idempotent. */
    @Override
    public void close() {
        // closing the channel releases its lock
        closeQuietly(lockChannel);
        unregister(path, registration);
    }

    /** A temporary file only exists if a writer died before its rename; under the lock nobody else writes. */
    private void deleteTemporaryFiles() {
        try (DirectoryStream<Path> temporary = Files.newDirectoryStream(path, "*" + TEMP_SUFFIX)) {
            for (Path file : temporary) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw MetadataMessages.directoryUnusable(path, e);
        }
    }

    /**
     * Makes a rename durable. Windows and some file systems cannot open or sync a directory; there the rename is
     * still atomic and its durability is left to the OS, so a failure here is not an error of the write.
     */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // see the method comment
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next write or open deletes it; the failure being reported is the write's
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock even when it reports an error; nothing else to undo
        }
    }
}
