package dev.appservices.extension.internal.metadata;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The append-only journal of a {@link FileMetadataStore}, {@code <store file>.journal}: what the store's commits
 * wrote since the store file was last written. Each record is the store's whole content in the store file's own
 * format (what the store file would hold after that commit), framed as a 4-byte big-endian length, the content, and
 * the content's CRC-32C.
 * <p>
 * Why a journal: a commit appends one record and syncs the file's data once ({@code force(false)}), where replacing
 * the store file costs a new file, a data sync, a rename and a directory sync, about three times as long on ext4.
 * Whole contents instead of changes keep recovery simple: the last complete record is the store. The journal is
 * folded into the store file (an atomic replace, then the journal deleted) when it would grow past
 * {@value #COMPACT_AFTER} bytes, at close, and at the next open after a crash, so the store file stays the one
 * place the store's loader and people look at.
 * <p>
 * A crash during an append leaves a record that was never acknowledged; at the next open the first record whose
 * length or checksum is wrong ends the journal, and the bytes from there on are dropped with a warning. Not
 * thread-safe: its store serialises the calls.
 */
final class StoreJournal implements AutoCloseable {

    static final String SUFFIX = ".journal";

    /** The size past which a commit rewrites the store file instead of appending. */
    static final int COMPACT_AFTER = 1 << 20;

    private static final Logger LOGGER = System.getLogger(StoreJournal.class.getName());
    private static final int FRAME = 2 * Integer.BYTES;

    private final StoreDirectory directory;
    private final String storeFile;
    private final String journalFile;
    private FileChannel channel;
    private long size;
    /** After a failed append the journal's end is uncertain: the next commit rewrites the store file instead. */
    private boolean broken;

    StoreJournal(StoreDirectory directory, String storeFile) {
        this.directory = directory;
        this.storeFile = storeFile;
        this.journalFile = storeFile + SUFFIX;
    }

    /**
     * Writes the newest content a journal left by an earlier run holds into its store file, then deletes the
     * journal. Nothing is decoded here: a record holds exactly what the store file would, so the loader then
     * checks it as any store file.
     */
    static void fold(StoreDirectory directory, String storeFile) {
        String name = storeFile + SUFFIX;
        Optional<byte[]> journal = directory.read(name);
        if (journal.isEmpty()) {
            return;
        }
        Optional<byte[]> newest = newestRecord(journal.get(), directory.file(name));
        if (newest.isPresent()) {
            directory.write(storeFile, newest.get());
        }
        directory.delete(name);
    }

    /**
     * The content of the last complete record of a journal's bytes; empty if it has none.
     *
     * @param file the journal, as the warning about a dropped end names it
     */
    static Optional<byte[]> newestRecord(byte[] journal, Path file) {
        ByteBuffer records = ByteBuffer.wrap(journal);
        byte[] newest = null;
        while (records.remaining() >= FRAME) {
            int length = records.getInt(records.position());
            // a zero length is what a crash leaves in space the file system allocated but never got written
            if (length <= 0 || length > records.remaining() - FRAME) {
                break;
            }
            byte[] content = new byte[length];
            records.position(records.position() + Integer.BYTES);
            records.get(content);
            if (records.getInt() != checksum(content)) {
                records.position(records.position() - length - FRAME);
                break;
            }
            newest = content;
        }
        if (records.hasRemaining()) {
            LOGGER.log(Level.WARNING, MetadataMessages.journalEndDropped(file, records.remaining()));
        }
        return Optional.ofNullable(newest);
    }

    /**
     * Makes {@code content} the store's durable content: appended as a record, or written as the store file when
     * the journal would grow too big or is broken.
     *
     * @throws dev.appservices.MetadataStoreException if it cannot be written (0304); the previous content is then
     *                                                still the durable one
     */
    void commit(byte[] content) {
        if (broken || size + FRAME + content.length > COMPACT_AFTER) {
            compact(content);
        } else {
            append(content);
        }
    }

    /** Whether records were appended since the store file was last written. */
    boolean hasRecords() {
        return size > 0 || broken;
    }

    /** Writes {@code content} as the store file and deletes the journal. */
    void compact(byte[] content) {
        directory.write(storeFile, content);
        closeChannel();
        directory.delete(journalFile);
        size = 0;
        broken = false;
    }

    private void append(byte[] content) {
        ByteBuffer record = ByteBuffer.allocate(FRAME + content.length)
                .putInt(content.length)
                .put(content)
                .putInt(checksum(content))
                .flip();
        try {
            if (channel == null) {
                channel = directory.openForAppend(journalFile);
            }
            long position = size;
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            // the data and the file's new length; the journal's directory entry was synced when it was created
            channel.force(false);
            size = position;
        } catch (IOException e) {
            broken = true;
            throw MetadataMessages.cannotWrite(directory.file(journalFile), e);
        }
    }

    private static int checksum(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return (int) crc.getValue();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // its records are durable (forced) or were reported as failed; nothing else to undo
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        closeChannel();
    }
}
