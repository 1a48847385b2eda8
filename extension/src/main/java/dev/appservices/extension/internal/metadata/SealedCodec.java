package dev.appservices.extension.internal.metadata;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The {@code ENCRYPTION} format: the JSON of {@link MetadataJson} sealed in an {@link Envelope} with AES-256-GCM.
 * <p>
 * Envelope encryption: a random data key encrypts the content, with a fresh random IV on every write; the
 * configured {@link WrappingKey} wraps the data key, and the wrapped key travels in the authenticated header. Key
 * rotation therefore only wraps the same data key again. The data key is created with the first write of a new
 * store and read back from the file otherwise. (Random 96-bit IVs keep a key safe for 2^32 writes, far more than
 * a metadata store makes.)
 * <p>
 * The previous key is loaded only when a file names a key other than the configured one, so its password is not
 * read otherwise. Not thread-safe: its {@link FileMetadataStore} serialises the calls.
 */
final class SealedCodec implements StoreCodec {

    static final String FILE_NAME = "metadata.sealed";

    static final String CONTENT_CIPHER = "AES/GCM/NoPadding";
    private static final int DATA_KEY_BITS = 256;

    private final WrappingKey key;
    private final Optional<Supplier<WrappingKey>> previousKey;
    private final SecureRandom random = new SecureRandom();
    private final MetadataJson.Encoder encoder = new MetadataJson.Encoder();

    /** The data key of the store, once read from its file or created for its first write. */
    private SecretKey dataKey;

    private byte[] wrappedDataKey;
    /** The previous key, if the last decoded file was sealed with it. */
    private WrappingKey rotatedFrom;

    SealedCodec(WrappingKey key, Optional<Supplier<WrappingKey>> previousKey) {
        this.key = key;
        this.previousKey = previousKey;
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public Optional<StoreCodec> predecessor() {
        return Optional.of(new PlainCodec());
    }

    @Override
    public MetadataSnapshot decode(byte[] content, StoredItem file) {
        Envelope envelope = Envelope.parse(content, file);
        WrappingKey sealedWith = keyOf(envelope, file);
        SecretKey fileKey;
        byte[] plaintext;
        try {
            fileKey = sealedWith.unwrap(envelope.wrappedKey());
            Cipher cipher = Cipher.getInstance(CONTENT_CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, fileKey, new GCMParameterSpec(Envelope.TAG_BITS, envelope.iv()));
            cipher.updateAAD(envelope.header());
            plaintext = cipher.doFinal(envelope.ciphertext());
        } catch (GeneralSecurityException e) {
            throw MetadataMessages.authenticationFailed(file, e);
        }
        try {
            MetadataSnapshot snapshot = MetadataJson.decode(plaintext, file);
            dataKey = fileKey;
            wrappedDataKey = sealedWith == key ? envelope.wrappedKey() : null;
            rotatedFrom = sealedWith == key ? null : sealedWith;
            return snapshot;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The configured or previous key, whichever the header names (the header is authenticated only later). */
    private WrappingKey keyOf(Envelope envelope, StoredItem file) {
        if (names(envelope, key)) {
            return key;
        }
        Optional<WrappingKey> previous = previousKey.map(Supplier::get).filter(candidate -> names(envelope, candidate));
        return previous.orElseThrow(() -> MetadataMessages.unknownKey(
                file, WrappingKey.describe(envelope.wrapAlgorithm(), envelope.keyId()), key.describe()));
    }

    private static boolean names(Envelope envelope, WrappingKey candidate) {
        return envelope.wrapAlgorithm() == candidate.algorithm()
                && envelope.keyId().equals(candidate.id());
    }

    @Override
    public Optional<String> rewriteReason(StoredItem file) {
        return Optional.ofNullable(rotatedFrom)
                .map(previous -> MetadataMessages.rewrapped(file, previous.describe(), key.describe()));
    }

    @Override
    public byte[] encode(MetadataSnapshot snapshot, StoredItem file) {
        byte[] plaintext = encoder.encode(snapshot);
        try {
            if (dataKey == null) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(DATA_KEY_BITS, random);
                dataKey = generator.generateKey();
            }
            if (wrappedDataKey == null) {
                wrappedDataKey = key.wrap(dataKey);
            }
            byte[] iv = new byte[Envelope.IV_LENGTH];
            random.nextBytes(iv);
            byte[] header = Envelope.header(key.algorithm(), key.id(), wrappedDataKey, iv);
            Cipher cipher = Cipher.getInstance(CONTENT_CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(Envelope.TAG_BITS, iv));
            cipher.updateAAD(header);
            byte[] sealed = Arrays.copyOf(header, header.length + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, header.length);
            rotatedFrom = null;
            return sealed;
        } catch (GeneralSecurityException e) {
            throw MetadataMessages.cannotSeal(file, e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
