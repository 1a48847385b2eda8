package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.APP_ID;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.TOKEN_MARK;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.assertNoSecrets;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.assertUnchanged;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.describe;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.readBytes;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sample;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sampleAfterRestart;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;
import dev.appservices.UserState;
import dev.appservices.extension.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code NO_ENCRYPTION} store: format, restart, durability, permissions, locking and damaged files. */
class FileMetadataStoreTest {

    @TempDir
    Path root;

    private Path storeDirectory;
    private Path file;
    private final List<MetadataResetEvent> resets = new ArrayList<>();
    private LogCapture log;

    @BeforeEach
    void captureLog() {
        storeDirectory = root.resolve(APP_ID);
        file = storeDirectory.resolve("metadata.json");
        log = new LogCapture();
    }

    @AfterEach
    void nothingSecretLogged() {
        log.close();
        assertNoSecrets(log.all(), List.of(), List.of());
    }

    private MetadataStore open() {
        return open(InvalidMetadataPolicy.FAIL);
    }

    private MetadataStore open(InvalidMetadataPolicy onInvalid) {
        MetadataConfiguration configuration = MetadataConfiguration.builder()
                .mode(MetadataMode.NO_ENCRYPTION)
                .directory(root)
                .onInvalid(onInvalid)
                .build();
        return MetadataStores.open(APP_ID, configuration, resets::add);
    }

    private void write(MetadataSnapshot snapshot) {
        try (MetadataStore store = open()) {
            store.update(current -> snapshot);
        }
    }

    @Test
    void restartBringsBackUsersAndCurrentUser() {
        try (MetadataStore store = open()) {
            assertEquals(MetadataSnapshot.EMPTY, store.read());
            MetadataSnapshot updated = store.update(current -> sample());
            assertEquals(sample(), updated);
            assertEquals(sample(), store.read());
        }
        try (MetadataStore store = open()) {
            MetadataSnapshot restored = store.read();
            assertEquals(sampleAfterRestart(), restored);
            assertEquals(Optional.of("ana"), restored.currentUserId());
            StoredUser bob = restored.user("bob").orElseThrow();
            assertEquals(UserState.LOGGED_OUT, bob.state());
            assertEquals(Optional.empty(), bob.accessToken());
            assertEquals(Optional.of("device-bob"), bob.deviceId());
            assertEquals(Optional.empty(), restored.user("cid"));
            // the profile keeps its BSON types (int, long, double, date, nested documents)
            assertEquals(
                    MetadataFixtures.profile("ana"),
                    restored.user("ana").orElseThrow().profile());
        }
    }

    @Test
    void removingTheCurrentUserLeavesNoCurrentUser() {
        write(sample());
        try (MetadataStore store = open()) {
            store.update(current -> current.withUser(loggedIn("ana").withoutTokens(UserState.REMOVED)));
        }
        try (MetadataStore store = open()) {
            assertEquals(Optional.empty(), store.read().currentUserId());
            assertEquals(
                    List.of("bob"),
                    store.read().users().stream().map(StoredUser::id).toList());
        }
    }

    @Test
    void fileIsVersionedReadableJson() throws IOException {
        write(sample());
        Document json = Document.parse(Files.readString(file));
        assertEquals("appservices-metadata", json.getString("format"));
        assertEquals(1, json.getInteger("version"));
        assertEquals("ana", json.getString("currentUser"));
        List<Document> users = json.getList("users", Document.class);
        assertEquals(2, users.size());
        Document ana = users.get(0);
        assertEquals("LOGGED_IN", ana.getString("state"));
        assertEquals("eyJ." + TOKEN_MARK + "-access-ana", ana.getString("accessToken"));
        assertEquals(
                "local-userpass",
                ana.getList("identities", Document.class).get(0).getString("providerType"));
        Document bob = users.get(1);
        assertEquals("LOGGED_OUT", bob.getString("state"));
        assertFalse(bob.containsKey("accessToken") || bob.containsKey("refreshToken"), bob::toJson);
    }

    @Test
    void directoryAndFilesAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Files.createDirectories(storeDirectory);
        Files.setPosixFilePermissions(storeDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        write(sample());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storeDirectory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(storeDirectory.resolve("metadata.lock"))));
    }

    @Test
    void createsMissingParentsPrivately() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path nested = root.resolve("home/.appservices");
        MetadataConfiguration configuration =
                MetadataConfiguration.builder().directory(nested).build();
        MetadataStores.open(APP_ID, configuration, resets::add).close();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)));
    }

    @Test
    void failedWriteThrowsAndKeepsThePreviousContent() throws IOException {
        write(sample());
        byte[] before = readBytes(file);
        try (MetadataStore store = open()) {
            // a non-empty directory where the journal must go makes the write fail, even for root
            Path obstacle = storeDirectory.resolve("metadata.json.journal");
            Files.createDirectories(obstacle.resolve("blocker"));
            MetadataStoreException failure = assertThrows(
                    MetadataStoreException.class, () -> store.update(current -> current.withCurrentUser("bob")));
            assertTrue(
                    failure.getMessage().startsWith("APPSVC0304: metadata file " + file.toRealPath() + ".journal "),
                    failure.getMessage());
            assertFalse(failure instanceof MetadataIntegrityException);
            assertEquals(sampleAfterRestart(), store.read());
            assertUnchanged(before, file);

            Files.delete(obstacle.resolve("blocker"));
            Files.delete(obstacle);
            store.update(current -> current.withCurrentUser("bob"));
        }
        try (MetadataStore store = open()) {
            assertEquals(Optional.of("bob"), store.read().currentUserId());
        }
    }

    @Test
    void failingChangeLeavesContentAndFileAsTheyWere() {
        write(sample());
        byte[] before = readBytes(file);
        try (MetadataStore store = open()) {
            MetadataSnapshot content = store.read();
            UnaryOperator<MetadataSnapshot> failing = current -> {
                throw new IllegalStateException("change failed");
            };
            assertThrows(IllegalStateException.class, () -> store.update(failing));
            assertSame(content, store.read());
        }
        assertUnchanged(before, file);
    }

    @Test
    void anUnchangedSnapshotIsNotWrittenAgain() throws IOException {
        write(sample());
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        try (MetadataStore store = open()) {
            store.update(current -> current.withCurrentUser("ana"));
        }
        assertEquals(0, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void oneStorePerDirectoryInThisJvm() throws IOException {
        try (MetadataStore first = open()) {
            MetadataStoreException failure = assertThrows(MetadataStoreException.class, this::open);
            assertEquals(
                    "APPSVC0302: metadata store " + storeDirectory.toRealPath() + " is already open in this "
                            + "JVM (another App with the same id and metadata.directory); close it first or give this App "
                            + "its own metadata.directory",
                    failure.getMessage());
            assertEquals(Optional.of(storeDirectory.toRealPath()), failure.path());
            first.update(current -> sample());
        }
        try (MetadataStore again = open()) {
            assertEquals(sampleAfterRestart(), again.read());
        }
    }

    @Test
    void closedStoreCannotBeUsed() {
        MetadataStore store = open();
        store.close();
        store.close();
        IllegalStateException failure = assertThrows(IllegalStateException.class, store::read);
        assertTrue(failure.getMessage().startsWith("APPSVC0319: "), failure.getMessage());
        assertThrows(IllegalStateException.class, () -> store.update(current -> sample()));
    }

    @Test
    void leftoverTemporaryFileOfACrashedWriterIsDeleted() throws IOException {
        write(sample());
        Path temporary = storeDirectory.resolve("metadata.json.tmp");
        Files.writeString(temporary, "{\"half");
        try (MetadataStore store = open()) {
            assertEquals(sampleAfterRestart(), store.read());
            assertFalse(Files.exists(temporary));
        }
    }

    @Test
    void damagedFilesFailWithTheIntegrityErrorAndStayUnchanged() throws IOException {
        write(sample());
        byte[] good = readBytes(file);
        String json = new String(good, StandardCharsets.UTF_8);
        assertDamaged(new byte[0], "APPSVC0305", "it is not a complete JSON document");
        assertDamaged(Arrays.copyOf(good, good.length / 2), "APPSVC0305", "it is not a complete JSON document");
        byte[] flipped = good.clone();
        flipped[0] ^= 0x01;
        assertDamaged(flipped, "APPSVC0305", "it is not a complete JSON document");
        assertDamaged(new byte[] {'{', (byte) 0xC3, '}'}, "APPSVC0305", "it is not UTF-8 text");
        assertDamaged(utf8("{\"name\": \"something else\"}"), "APPSVC0305", "it is not a metadata file");
        assertDamaged(
                utf8(json.replace("\"version\": 1", "\"version\": 2")),
                "APPSVC0306",
                "has format version 2, this library reads version 1");
        assertDamaged(
                utf8(json.replace("\"LOGGED_OUT\"", "\"ASLEEP\"")),
                "APPSVC0305",
                "field 'users[1].state' is missing or not LOGGED_IN or LOGGED_OUT");
        assertDamaged(
                utf8(json.replace("\"providerType\"", "\"provider\"")),
                "APPSVC0305",
                "field 'users[0].identities[0].providerType' is missing or not a string");
        assertDamaged(
                utf8(json.replace("\"currentUser\": \"ana\"", "\"currentUser\": \"zoe\"")),
                "APPSVC0305",
                "field 'currentUser' names no stored user");
        assertDamaged(
                utf8(json.replace("\"profile\": {", "\"profile\": [1], \"x\": {")),
                "APPSVC0305",
                "field 'users[0].profile' is missing or not an object");
        assertEquals(List.of(), resets);
    }

    private void assertDamaged(byte[] content, String code, String reason) throws IOException {
        Files.write(file, content);
        MetadataIntegrityException failure = assertThrows(MetadataIntegrityException.class, this::open);
        assertTrue(
                failure.getMessage().startsWith(code + ": metadata file " + file.toRealPath()), failure.getMessage());
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
        assertEquals(Optional.of(file.toRealPath()), failure.path());
        assertNoSecrets(describe(failure), List.of(), List.of());
        assertUnchanged(content, file);
        try (var files = Files.list(storeDirectory)) {
            assertTrue(files.noneMatch(path -> path.getFileName().toString().contains("invalid")), "a backup made");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resetPolicyKeepsTheDamagedFileAsBackupAndReportsIt() throws IOException {
        write(sample());
        byte[] damaged = Arrays.copyOf(readBytes(file), 40);
        Files.write(file, damaged);
        try (MetadataStore store = open(InvalidMetadataPolicy.RESET)) {
            assertEquals(MetadataSnapshot.EMPTY, store.read());
            assertEquals(1, resets.size());
            MetadataResetEvent event = resets.get(0);
            assertEquals(APP_ID, event.appId());
            assertArrayEquals(damaged, readBytes(event.backupFile()));
            assertEquals(storeDirectory.toRealPath(), event.backupFile().getParent());
            assertTrue(
                    event.backupFile()
                            .getFileName()
                            .toString()
                            .matches("metadata\\.json\\.invalid-\\d{8}T\\d{6}\\.\\d{3}Z"),
                    event.backupFile().toString());
            assertFalse(Files.exists(file));
            store.update(current -> current.withUser(loggedIn("dan")));
        }
        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith(
                                        "WARNING APPSVC0315: the metadata store of " + "App 'orders' could not be read")
                                && line.contains("APPSVC0305")),
                log.all());
        try (MetadataStore store = open(InvalidMetadataPolicy.RESET)) {
            assertEquals(
                    List.of("dan"),
                    store.read().users().stream().map(StoredUser::id).toList());
            assertEquals(1, resets.size());
        }
    }

    @Test
    void encryptedStoreIsNeverIgnoredByTheUnencryptedMode() throws IOException {
        Files.createDirectories(storeDirectory);
        Path sealed = storeDirectory.resolve("metadata.sealed");
        Files.write(sealed, new byte[] {'A', 'S', 'M', 'D', 1});
        MetadataStoreException failure =
                assertThrows(MetadataStoreException.class, () -> open(InvalidMetadataPolicy.RESET));
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "APPSVC0314: metadata file " + sealed.toRealPath() + " was written in mode ENCRYPTION"),
                failure.getMessage());
        assertUnchanged(new byte[] {'A', 'S', 'M', 'D', 1}, sealed);
        assertEquals(List.of(), resets);
    }

    @Test
    void inMemoryModeTouchesNoFile() {
        try (MetadataStore store = MetadataStores.open(
                APP_ID,
                MetadataConfiguration.builder()
                        .mode(MetadataMode.IN_MEMORY)
                        .directory(root)
                        .build(),
                resets::add)) {
            store.update(current -> sample());
            assertEquals(sample(), store.read());
        }
        assertFalse(Files.exists(storeDirectory));
    }
}
