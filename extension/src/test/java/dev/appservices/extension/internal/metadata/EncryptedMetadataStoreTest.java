package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.APP_ID;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.TOKEN_MARK;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.assertNoSecrets;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.assertUnchanged;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.describe;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.durableContent;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.rawKey;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.readBytes;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sample;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sampleAfterRestart;
import static dev.appservices.extension.internal.metadata.TestKeyStores.aesKey;
import static dev.appservices.extension.internal.metadata.TestKeyStores.aesKeyBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.EncryptionKey;
import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.KeyStoreKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;
import dev.appservices.extension.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ENCRYPTION} store: each key source, rotation, and every way the file or the key can be wrong. No test
 * may log or report a token, a password or a key.
 */
class EncryptedMetadataStoreTest {

    private static final String PASSWORD = "ks-SECRET-PASSWORD-1";
    private static final String OTHER_PASSWORD = "ks-SECRET-PASSWORD-2";
    private static final String LIBERTY_PASSWORD = "liberty-SECRET-PASSWORD";

    @TempDir
    static Path keys;

    private static Path libertyKeyStore;
    private static Path otherRsaKeyStore;

    @TempDir
    Path root;

    private Path storeDirectory;
    private Path sealed;
    private final List<MetadataResetEvent> resets = new ArrayList<>();
    private LogCapture log;

    @BeforeAll
    static void makeRsaKeyStores() throws Exception {
        libertyKeyStore = keys.resolve("key.p12");
        otherRsaKeyStore = keys.resolve("other.p12");
        TestKeyStores.rsaKeyStores("default", LIBERTY_PASSWORD, libertyKeyStore, otherRsaKeyStore);
    }

    @BeforeEach
    void captureLog() {
        storeDirectory = root.resolve(APP_ID);
        sealed = storeDirectory.resolve("metadata.sealed");
        log = new LogCapture();
    }

    @AfterEach
    void nothingSecretLogged() {
        log.close();
        assertNoSecrets(log.all(), List.of(PASSWORD, OTHER_PASSWORD, LIBERTY_PASSWORD), secretKeys());
    }

    private static List<byte[]> secretKeys() {
        return List.of(rawKey(1).bytes(), rawKey(2).bytes(), aesKeyBytes(1), aesKeyBytes(2));
    }

    private void assertNoSecretsIn(Throwable failure) {
        assertNoSecrets(describe(failure), List.of(PASSWORD, OTHER_PASSWORD, LIBERTY_PASSWORD), secretKeys());
    }

    private MetadataStore open(Consumer<MetadataConfiguration.Builder> key) {
        MetadataConfiguration.Builder builder =
                MetadataConfiguration.builder().mode(MetadataMode.ENCRYPTION).directory(root);
        key.accept(builder);
        return MetadataStores.open(APP_ID, builder.build(), resets::add);
    }

    private MetadataStore open(EncryptionKey rawKey) {
        return open(builder -> builder.encryptionKey(rawKey));
    }

    private MetadataStore open(KeyStoreKey keyStore) {
        return open(builder -> builder.keyStore(keyStore));
    }

    private void seal(MetadataStore store, MetadataSnapshot snapshot) {
        try (store) {
            store.update(current -> snapshot);
        }
    }

    private Path aesKeyStore(String name, int seed, String password) throws Exception {
        return TestKeyStores.secretKeyStore(keys.resolve(name), KeyStoreKey.DEFAULT_ALIAS, password, aesKey(seed));
    }

    private static KeyStoreKey liberty(String password) {
        return KeyStoreKey.of(libertyKeyStore, "PKCS12", "default", password::toCharArray);
    }

    private Envelope envelope() {
        return Envelope.parse(durableContent(sealed), StoredItem.file(sealed));
    }

    @Test
    void rawKeySealsTheStoreAndARestartOpensIt() {
        seal(open(rawKey(1)), sample());
        byte[] content = readBytes(sealed);
        assertArrayEquals(
                new byte[] {'A', 'S', 'M', 'D', 1, 1, WrappingKey.WRAP_AES_DERIVED}, Arrays.copyOf(content, 7));
        String text = new String(content, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(TOKEN_MARK) || text.contains("ana") || text.contains("LOGGED"), "plaintext on disk");
        assertFalse(Files.exists(storeDirectory.resolve("metadata.json")));
        try (MetadataStore store = open(rawKey(1))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
    }

    @Test
    void keyStoreSecretKeyEntryReadsThePasswordOnlyToOpenAndClearsIt() throws Exception {
        Path keyStore = aesKeyStore("aes.p12", 1, PASSWORD);
        List<char[]> handedOut = new ArrayList<>();
        KeyStoreKey key = KeyStoreKey.of(keyStore, () -> {
            char[] password = PASSWORD.toCharArray();
            handedOut.add(password);
            return password;
        });
        seal(open(key), sample());
        assertEquals(1, handedOut.size());
        assertEquals(WrappingKey.WRAP_AES_KEY_STORE, envelope().wrapAlgorithm());
        try (MetadataStore store = open(key)) {
            assertEquals(sampleAfterRestart(), store.read());
            store.update(current -> current.withUser(loggedIn("dan")));
        }
        assertEquals(2, handedOut.size(), "read once per open, not per write");
        for (char[] password : handedOut) {
            assertArrayEquals(new char[PASSWORD.length()], password, "password not cleared");
        }
    }

    @Test
    void rsaPrivateKeyEntryOfALibertyKeyStoreWorksAsItIs() {
        seal(open(liberty(LIBERTY_PASSWORD)), sample());
        assertEquals(WrappingKey.WRAP_RSA_OAEP, envelope().wrapAlgorithm());
        assertEquals(256, envelope().wrappedKey().length);
        try (MetadataStore store = open(liberty(LIBERTY_PASSWORD))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
    }

    @Test
    void theJournalHoldsSealedRecordsOnly() throws IOException {
        try (MetadataStore store = open(rawKey(1))) {
            store.update(current -> sample());
            Path journal = storeDirectory.resolve("metadata.sealed.journal");
            String text = new String(Files.readAllBytes(journal), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(TOKEN_MARK) || text.contains("ana") || text.contains("LOGGED"), "plaintext");
            assertTrue(text.contains("ASMD"), "the records are envelopes");
        }
    }

    @Test
    void everyWriteHasAFreshIvAndTheSameWrappedDataKey() {
        List<Envelope> envelopes = new ArrayList<>();
        try (MetadataStore store = open(rawKey(1))) {
            for (MetadataSnapshot snapshot : List.of(sample(), sampleAfterRestart(), sample())) {
                store.update(current -> snapshot);
                envelopes.add(envelope());
            }
        }
        assertNotEquals(
                Arrays.toString(envelopes.get(0).iv()),
                Arrays.toString(envelopes.get(2).iv()));
        assertNotEquals(
                Arrays.toString(envelopes.get(0).ciphertext()),
                Arrays.toString(envelopes.get(2).ciphertext()),
                "same content, same ciphertext");
        assertArrayEquals(envelopes.get(0).wrappedKey(), envelopes.get(2).wrappedKey());
    }

    @Test
    void rotationWrapsTheDataKeyAgainWithoutLosingUsers() throws Exception {
        seal(open(rawKey(1)), sample());
        byte[] sealedWithRawKey = readBytes(sealed);
        KeyStoreKey aes = KeyStoreKey.of(aesKeyStore("aes.p12", 1, PASSWORD), PASSWORD::toCharArray);

        try (MetadataStore store = open(builder -> builder.keyStore(aes).previousEncryptionKey(rawKey(1)))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        assertEquals(WrappingKey.WRAP_AES_KEY_STORE, envelope().wrapAlgorithm());
        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith("INFO APPSVC0317: metadata file " + sealed
                                + " was sealed with the previous key (a raw encryption key with fingerprint ")),
                log.all());

        try (MetadataStore store = open(aes)) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        byte[] sealedWithKeyStore = readBytes(sealed);
        MetadataIntegrityException failure = assertThrows(MetadataIntegrityException.class, () -> open(rawKey(1)));
        assertTrue(
                failure.getMessage()
                        .startsWith("APPSVC0308: metadata file " + sealed
                                + " was sealed with an AES key-store key with fingerprint "),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains(", but the configured key is a raw encryption key with fingerprint "),
                failure.getMessage());
        assertUnchanged(sealedWithKeyStore, sealed);
        assertNotEquals(Arrays.toString(sealedWithRawKey), Arrays.toString(sealedWithKeyStore));

        // and on to the RSA entry, with the AES key store as the previous key
        try (MetadataStore store =
                open(builder -> builder.keyStore(liberty(LIBERTY_PASSWORD)).previousKeyStore(aes))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        assertEquals(WrappingKey.WRAP_RSA_OAEP, envelope().wrapAlgorithm());
    }

    @Test
    void previousKeyIsLoadedOnlyWhenTheFileNeedsIt() {
        seal(open(rawKey(1)), sample());
        Supplier<char[]> mustNotBeRead = () -> {
            throw new AssertionError("previous key-store password read");
        };
        KeyStoreKey previous = KeyStoreKey.of(keys.resolve("gone.p12"), mustNotBeRead);
        try (MetadataStore store =
                open(builder -> builder.encryptionKey(rawKey(1)).previousKeyStore(previous))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
    }

    @Test
    void flippingAnyByteFailsWithTheIntegrityErrorAndLeavesTheFileUnchanged() throws Exception {
        seal(open(rawKey(1)), sampleAfterRestart());
        byte[] good = readBytes(sealed);
        int headerLength = envelope().header().length;
        Map<String, List<Integer>> positionsByCode = new TreeMap<>();
        // every header and tag byte, and a sample of the ciphertext (each one is checked by the same tag)
        int tag = good.length - 16;
        List<Integer> positions = new ArrayList<>();
        IntStream.range(0, headerLength).forEach(positions::add);
        IntStream.iterate(headerLength, i -> i < tag - 1, i -> i + 11).forEach(positions::add);
        IntStream.range(tag - 1, good.length).forEach(positions::add);
        for (int i : positions) {
            byte[] flipped = good.clone();
            flipped[i] ^= 0x10;
            Files.write(sealed, flipped);
            MetadataIntegrityException failure =
                    assertThrows(MetadataIntegrityException.class, () -> open(rawKey(1)), "byte " + i);
            positionsByCode
                    .computeIfAbsent(failure.getMessage().substring(0, 10), code -> new ArrayList<>())
                    .add(i);
            assertTrue(failure.getMessage().contains("metadata file " + sealed), failure.getMessage());
            assertUnchanged(flipped, sealed);
            assertNoSecretsIn(failure);
        }
        assertEquals(
                List.of("APPSVC0305", "APPSVC0306", "APPSVC0307", "APPSVC0308"),
                new ArrayList<>(positionsByCode.keySet()));
        assertEquals(List.of(4), positionsByCode.get("APPSVC0306"), "the envelope version byte");
        assertTrue(positionsByCode.get("APPSVC0305").containsAll(List.of(0, 1, 2, 3, 5)), "magic and algorithm");
        assertTrue(positionsByCode.get("APPSVC0308").containsAll(List.of(6, 8, 23)), "wrap algorithm and key id");
        // the wrapped key, the IV, the ciphertext and the tag are all authenticated
        assertTrue(
                positionsByCode
                        .get("APPSVC0307")
                        .containsAll(List.of(26, 60, headerLength - 1, headerLength, tag - 1, tag, good.length - 1)),
                positionsByCode.toString());
        assertEquals(List.of(), resets);
    }

    @Test
    void truncatedFileFailsWithTheIntegrityError() throws Exception {
        seal(open(rawKey(1)), sample());
        byte[] good = readBytes(sealed);
        int headerLength = envelope().header().length;
        for (int length : new int[] {
            0, 3, 7, 30, headerLength - 1, headerLength, headerLength + 15, good.length / 2, good.length - 1
        }) {
            byte[] truncated = Arrays.copyOf(good, length);
            Files.write(sealed, truncated);
            MetadataIntegrityException failure =
                    assertThrows(MetadataIntegrityException.class, () -> open(rawKey(1)), "length " + length);
            String expected = length <= headerLength + 15
                    ? "APPSVC0305: metadata file " + sealed + " is damaged: it is truncated"
                    : "APPSVC0307: metadata file " + sealed + " failed authentication";
            assertTrue(failure.getMessage().startsWith(expected), length + ": " + failure.getMessage());
            assertUnchanged(truncated, sealed);
        }
    }

    @Test
    void wrongKeyStorePasswordFailsWithTheIntegrityErrorEvenWhenResetIsChosen() throws Exception {
        Path keyStore = aesKeyStore("aes.p12", 1, PASSWORD);
        seal(open(KeyStoreKey.of(keyStore, PASSWORD::toCharArray)), sample());
        byte[] before = readBytes(sealed);
        byte[] keyStoreBefore = readBytes(keyStore);
        for (KeyStoreKey wrong :
                List.of(KeyStoreKey.of(keyStore, OTHER_PASSWORD::toCharArray), liberty(OTHER_PASSWORD))) {
            MetadataIntegrityException failure = assertThrows(
                    MetadataIntegrityException.class,
                    () -> open(builder -> builder.keyStore(wrong).onInvalid(InvalidMetadataPolicy.RESET)));
            assertEquals(
                    "APPSVC0310: the password of metadata key store " + wrong.path() + " (or of its entry '"
                            + wrong.alias() + "') is wrong; check metadata.key-store.password",
                    failure.getMessage());
            assertEquals(Optional.of(wrong.path()), failure.path());
            assertNoSecretsIn(failure);
        }
        assertUnchanged(before, sealed);
        assertUnchanged(keyStoreBefore, keyStore);
        assertEquals(List.of(), resets);
        try (var files = Files.list(storeDirectory)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().contains("invalid")));
        }
    }

    @Test
    void wrongKeyFailsWithTheIntegrityError() throws Exception {
        seal(open(rawKey(1)), sample());
        byte[] before = readBytes(sealed);
        MetadataIntegrityException failure = assertThrows(MetadataIntegrityException.class, () -> open(rawKey(2)));
        assertTrue(failure.getMessage().startsWith("APPSVC0308: "), failure.getMessage());
        assertNoSecretsIn(failure);
        assertUnchanged(before, sealed);

        // the same alias in a key store holding another AES key
        Files.delete(sealed);
        seal(open(KeyStoreKey.of(aesKeyStore("first.p12", 1, PASSWORD), PASSWORD::toCharArray)), sample());
        before = readBytes(sealed);
        KeyStoreKey otherAes = KeyStoreKey.of(aesKeyStore("second.p12", 2, PASSWORD), PASSWORD::toCharArray);
        failure = assertThrows(MetadataIntegrityException.class, () -> open(otherAes));
        assertTrue(failure.getMessage().startsWith("APPSVC0308: "), failure.getMessage());
        assertUnchanged(before, sealed);

        // another RSA key store
        Files.delete(sealed);
        seal(open(liberty(LIBERTY_PASSWORD)), sample());
        before = readBytes(sealed);
        KeyStoreKey otherRsa = KeyStoreKey.of(otherRsaKeyStore, "PKCS12", "default", LIBERTY_PASSWORD::toCharArray);
        failure = assertThrows(MetadataIntegrityException.class, () -> open(otherRsa));
        assertTrue(failure.getMessage().startsWith("APPSVC0308: "), failure.getMessage());
        assertUnchanged(before, sealed);

        // a private key that does not belong to the certificate: the fingerprint matches, the unwrap fails
        KeyStoreKey mismatched =
                KeyStoreKey.of(mismatchedRsaKeyStore(), "PKCS12", "default", LIBERTY_PASSWORD::toCharArray);
        failure = assertThrows(MetadataIntegrityException.class, () -> open(mismatched));
        assertTrue(
                failure.getMessage().startsWith("APPSVC0307: metadata file " + sealed + " failed authentication"),
                failure.getMessage());
        assertNoSecretsIn(failure);
        assertUnchanged(before, sealed);
        assertEquals(List.of(), resets);
    }

    /** The certificate of the Liberty key store with a new private key. */
    private static Path mismatchedRsaKeyStore() throws Exception {
        KeyStore liberty = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(libertyKeyStore)) {
            liberty.load(in, LIBERTY_PASSWORD.toCharArray());
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyStore mismatched = KeyStore.getInstance("PKCS12");
        mismatched.load(null, null);
        mismatched.setKeyEntry(
                "default", generator.generateKeyPair().getPrivate(), LIBERTY_PASSWORD.toCharArray(), new Certificate[] {
                    liberty.getCertificate("default")
                });
        Path file = keys.resolve("mismatched.p12");
        try (var out = Files.newOutputStream(file)) {
            mismatched.store(out, LIBERTY_PASSWORD.toCharArray());
        }
        return file;
    }

    @Test
    void resetPolicyMovesAStoreSealedWithAnotherKeyAsideAndReportsIt() throws Exception {
        seal(open(rawKey(1)), sample());
        byte[] before = readBytes(sealed);
        try (MetadataStore store =
                open(builder -> builder.encryptionKey(rawKey(2)).onInvalid(InvalidMetadataPolicy.RESET))) {
            assertEquals(MetadataSnapshot.EMPTY, store.read());
            store.update(current -> current.withUser(loggedIn("dan")));
        }
        assertEquals(1, resets.size());
        assertEquals(APP_ID, resets.get(0).appId());
        assertArrayEquals(before, readBytes(resets.get(0).backupFile()));
        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith("WARNING APPSVC0315: ")
                                && line.contains(resets.get(0).backupFile().toString())
                                && line.contains("APPSVC0308")),
                log.all());
        try (MetadataStore store = open(rawKey(2))) {
            assertEquals(
                    List.of("dan"),
                    store.read().users().stream().map(StoredUser::id).toList());
        }
        // nothing is lost: put back, the backup opens with its own key
        Files.move(resets.get(0).backupFile(), sealed, StandardCopyOption.REPLACE_EXISTING);
        try (MetadataStore store = open(rawKey(1))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
    }

    @Test
    void keyStoreProblemsNameTheKeyStoreAndTouchNoStore() throws Exception {
        Path missing = keys.resolve("missing.p12");
        MetadataStoreException failure =
                assertThrows(MetadataStoreException.class, () -> open(KeyStoreKey.of(missing, PASSWORD::toCharArray)));
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "APPSVC0309: metadata key store " + missing + " cannot be read: NoSuchFileException"),
                failure.getMessage());
        assertFalse(failure instanceof MetadataIntegrityException);

        Path aes = aesKeyStore("aes.p12", 1, PASSWORD);
        failure = assertThrows(
                MetadataStoreException.class,
                () -> open(KeyStoreKey.of(aes, "PKCS12", "other", PASSWORD::toCharArray)));
        assertEquals(
                "APPSVC0311: metadata key store " + aes + " has no entry 'other'; check metadata.key-store.alias",
                failure.getMessage());

        Path hmac = TestKeyStores.secretKeyStore(
                keys.resolve("hmac.p12"), "hmac", PASSWORD, new SecretKeySpec(aesKeyBytes(1), "HmacSHA256"));
        failure = assertThrows(
                MetadataStoreException.class,
                () -> open(KeyStoreKey.of(hmac, "PKCS12", "hmac", PASSWORD::toCharArray)));
        assertEquals(
                "APPSVC0312: entry 'hmac' of metadata key store " + hmac + " is a HmacSHA256 key; it must be an "
                        + "AES secret key or an RSA private key with its certificate",
                failure.getMessage());

        failure = assertThrows(
                MetadataStoreException.class,
                () -> open(KeyStoreKey.of(aes, "NO-SUCH-TYPE", "x", PASSWORD::toCharArray)));
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "APPSVC0309: metadata key store " + aes + " cannot be read: " + "KeyStoreException"),
                failure.getMessage());
        assertFalse(Files.exists(storeDirectory), "a key problem must fail before the store is touched");
    }

    @Test
    void anUnencryptedStoreIsEncryptedWhenTheModeChanges() throws Exception {
        try (MetadataStore store = MetadataStores.open(
                APP_ID, MetadataConfiguration.builder().directory(root).build(), resets::add)) {
            store.update(current -> sample());
        }
        Path plain = storeDirectory.resolve("metadata.json");
        byte[] plainContent = readBytes(plain);
        try (MetadataStore store = open(rawKey(1))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        assertFalse(Files.exists(plain));
        assertTrue(
                log.lines().stream()
                        .anyMatch(line -> line.startsWith("INFO APPSVC0318: unencrypted metadata file " + plain
                                + " was encrypted into " + sealed)),
                log.all());
        try (MetadataStore store = open(rawKey(1))) {
            assertEquals(sampleAfterRestart(), store.read());
        }

        // a take-over interrupted before the old file was deleted: the same users, so the old file goes
        Files.write(plain, plainContent);
        try (MetadataStore store = open(rawKey(1))) {
            assertEquals(sampleAfterRestart(), store.read());
        }
        assertFalse(Files.exists(plain));

        // an old file with other users is never deleted on a guess
        byte[] otherUsers = new String(plainContent, StandardCharsets.UTF_8)
                .replace("\"bob\"", "\"bo\"")
                .replace("identity-bob", "x")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(plain, otherUsers);
        byte[] sealedBefore = readBytes(sealed);
        MetadataStoreException failure = assertThrows(MetadataStoreException.class, () -> open(rawKey(1)));
        assertTrue(
                failure.getMessage().startsWith("APPSVC0322: metadata directory holds both " + sealed),
                failure.getMessage());
        assertUnchanged(otherUsers, plain);
        assertUnchanged(sealedBefore, sealed);
    }
}
