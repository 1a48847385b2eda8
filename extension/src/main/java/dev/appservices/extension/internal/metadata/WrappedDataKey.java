package dev.appservices.extension.internal.metadata;

import dev.appservices.MetadataConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The random data key of a store kept beside the metadata store (a synced database's file), saved in a small file
 * in the metadata store's {@link Envelope} format: the key configured for the metadata store wraps it, and AES-GCM
 * authenticates the header, so a wrong key or a tampered file fails loudly as the metadata store does.
 */
public final class WrappedDataKey {

    private static final int DATA_KEY_BITS = 256;

    private WrappedDataKey() {}

    /**
     * Reads the data key of a key file, or creates it (and the file) when the file does not exist.
     *
     * @param configuration the App's metadata configuration, in {@code ENCRYPTION} mode
     * @param file          the key file
     * @return the raw data key; the caller clears it after use
     * @throws dev.appservices.MetadataIntegrityException if the file was sealed with another key or was changed
     * @throws dev.appservices.MetadataStoreException     if the file cannot be read or written
     */
    public static byte[] loadOrCreate(MetadataConfiguration configuration, Path file) {
        WrappingKey key = MetadataStores.wrappingKey(configuration);
        try {
            if (Files.exists(file)) {
                return load(key, file);
            }
            return create(key, file);
        } catch (GeneralSecurityException e) {
            throw MetadataMessages.authenticationFailed(StoredItem.file(file), e);
        }
    }

    private static byte[] load(WrappingKey key, Path file) throws GeneralSecurityException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw MetadataMessages.cannotRead(file, e);
        }
        Envelope envelope = Envelope.parse(content, StoredItem.file(file));
        if (envelope.wrapAlgorithm() != key.algorithm() || !envelope.keyId().equals(key.id())) {
            throw MetadataMessages.unknownKey(
                    StoredItem.file(file),
                    WrappingKey.describe(envelope.wrapAlgorithm(), envelope.keyId()),
                    key.describe());
        }
        SecretKey dataKey = key.unwrap(envelope.wrappedKey());
        Cipher cipher = Cipher.getInstance(SealedCodec.CONTENT_CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(Envelope.TAG_BITS, envelope.iv()));
        cipher.updateAAD(envelope.header());
        cipher.doFinal(envelope.ciphertext());
        return dataKey.getEncoded();
    }

    private static byte[] create(WrappingKey key, Path file) throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(DATA_KEY_BITS, random);
        SecretKey dataKey = generator.generateKey();
        byte[] iv = new byte[Envelope.IV_LENGTH];
        random.nextBytes(iv);
        byte[] header = Envelope.header(key.algorithm(), key.id(), key.wrap(dataKey), iv);
        Cipher cipher = Cipher.getInstance(SealedCodec.CONTENT_CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(Envelope.TAG_BITS, iv));
        cipher.updateAAD(header);
        // no content: the tag alone authenticates the header and proves the key on reading
        byte[] tag = cipher.doFinal();
        byte[] sealed = Arrays.copyOf(header, header.length + tag.length);
        System.arraycopy(tag, 0, sealed, header.length, tag.length);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temp, sealed);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw MetadataMessages.cannotWrite(file, e);
        }
        return dataKey.getEncoded();
    }
}
