package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.APP_ID;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.readBytes;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sampleAfterRestart;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.InvalidMetadataPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store's journal: commits append to it, close and open fold it into the file, a torn end is dropped. */
class StoreJournalTest {

    @TempDir
    Path root;

    private Path directory;
    private Path file;
    private Path journal;

    @BeforeEach
    void paths() {
        directory = root.resolve(APP_ID);
        file = directory.resolve(PlainCodec.FILE_NAME);
        journal = directory.resolve(PlainCodec.FILE_NAME + StoreJournal.SUFFIX);
    }

    @Test
    void commitsAppendToTheJournalAndCloseFoldsItIntoTheFile() throws IOException {
        try (FileMetadataStore store = open()) {
            store.update(current -> MetadataFixtures.sample());
            store.update(current -> current.withCurrentUser("bob"));

            assertFalse(Files.exists(file), "the file is written at close, not at each commit");
            assertTrue(Files.size(journal) > 0);
        }
        assertFalse(Files.exists(journal));
        assertEquals(sampleAfterRestart().withCurrentUser("bob"), decode(readBytes(file)));
    }

    @Test
    void theNewestCompleteRecordOfAJournalLeftByACrashIsTheStore() throws IOException {
        byte[] older = MetadataJson.encode(sampleAfterRestart());
        byte[] newer = MetadataJson.encode(sampleAfterRestart().withCurrentUser("bob"));
        byte[] unacknowledged = MetadataJson.encode(sampleAfterRestart().withUser(loggedIn("dan")));
        Files.createDirectories(directory);
        Files.write(file, older);
        byte[] torn = record(unacknowledged);
        Files.write(journal, concat(record(older), record(newer), Arrays.copyOf(torn, torn.length - 3)));

        try (FileMetadataStore store = open()) {
            assertEquals(sampleAfterRestart().withCurrentUser("bob"), store.read());
            assertFalse(Files.exists(journal), "folded into the file at open");
            assertArrayEquals(newer, readBytes(file));
        }
    }

    @Test
    void aRecordWithAWrongChecksumOrSpaceNeverWrittenEndsTheJournal() throws IOException {
        byte[] kept = MetadataJson.encode(sampleAfterRestart());
        byte[] damaged = record(MetadataJson.encode(sampleAfterRestart().withCurrentUser("bob")));
        damaged[damaged.length - 1] ^= 1;
        Files.createDirectories(directory);
        Files.write(journal, concat(record(kept), damaged, new byte[4096]));

        try (FileMetadataStore store = open()) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        Files.write(journal, new byte[4096]);
        try (FileMetadataStore store = open()) {
            assertEquals(sampleAfterRestart(), store.read(), "a journal without a record leaves the file as it is");
        }
    }

    @Test
    void aJournalThatWouldGrowPastTheLimitIsFoldedIntoTheFile() throws IOException {
        // a profile of ~100 KB: eleven commits would pass the limit of 1 MiB
        StoredUser big = loggedIn("ana");
        big = big.withProfile(big.profile().append("notes", "x".repeat(100_000)), big.identities());
        try (FileMetadataStore store = open()) {
            for (int i = 0; i < 25; i++) {
                int generation = i;
                StoredUser user = big.withProfile(big.profile().append("generation", generation), big.identities());
                store.update(current -> current.withUser(user));
                assertTrue(!Files.exists(journal) || Files.size(journal) <= StoreJournal.COMPACT_AFTER);
            }
            assertTrue(Files.exists(file), "the file was rewritten on the way");
            assertEquals(25, store.writes());
        }
        try (FileMetadataStore store = open()) {
            assertEquals(24, store.read().user("ana").orElseThrow().profile().getInteger("generation"));
        }
    }

    private FileMetadataStore open() {
        return FileMetadataStore.open(APP_ID, directory, new PlainCodec(), InvalidMetadataPolicy.FAIL, event -> {});
    }

    private MetadataSnapshot decode(byte[] content) {
        return MetadataJson.decode(content, StoredItem.file(file));
    }

    /** A record as the journal frames it: length, content, CRC-32C of the content. */
    private static byte[] record(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return ByteBuffer.allocate(content.length + 8)
                .putInt(content.length)
                .put(content)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
