package dev.appservices.extension.internal.metadata;

import dev.appservices.EncryptionKey;
import dev.appservices.KeyStoreKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the configured key sources into {@link WrappingKey}s. The key-store password is read from its supplier
 * only here, used to open the store and its entry, and cleared at once; it is never kept. Stateless.
 */
final class WrappingKeys {

    /** The HKDF context of the wrapping key derived from a raw key; changing it would orphan every file. */
    private static final byte[] RAW_KEY_INFO =
            "appservices-metadata v1 key wrapping".getBytes(StandardCharsets.US_ASCII);

    private WrappingKeys() {}

    /**
     * Opens the key store and reads the entry.
     *
     * @throws dev.appservices.MetadataIntegrityException if the password of the store or entry is wrong
     * @throws dev.appservices.MetadataStoreException     if the store cannot be read or the entry is missing or of
     *                                                    an unsupported kind
     */
    static WrappingKey load(KeyStoreKey reference) {
        Path path = reference.path();
        String alias = reference.alias();
        char[] password = reference.readPassword();
        try {
            KeyStore store = KeyStore.getInstance(reference.type());
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password);
            }
            if (!store.containsAlias(alias)) {
                throw MetadataMessages.noSuchEntry(path, alias);
            }
            return fromEntry(reference, store.getKey(alias, password), store.getCertificate(alias));
        } catch (UnrecoverableKeyException e) {
            throw MetadataMessages.wrongKeyStorePassword(path, alias);
        } catch (NoSuchFileException e) {
            throw MetadataMessages.keyStoreUnreadable(path, e);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw MetadataMessages.wrongKeyStorePassword(path, alias);
            }
            throw MetadataMessages.keyStoreUnreadable(path, e);
        } catch (GeneralSecurityException e) {
            throw MetadataMessages.keyStoreUnreadable(path, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static WrappingKey fromEntry(KeyStoreKey reference, Key key, Certificate certificate)
            throws GeneralSecurityException {
        if (key instanceof SecretKey && "AES".equalsIgnoreCase(key.getAlgorithm())) {
            return new AesWrappingKey(WrappingKey.WRAP_AES_KEY_STORE, (SecretKey) key);
        }
        if (key instanceof PrivateKey && "RSA".equalsIgnoreCase(key.getAlgorithm())) {
            if (certificate == null) {
                throw MetadataMessages.unsupportedEntry(
                        reference.path(), reference.alias(), "an RSA private key without a certificate");
            }
            return new RsaWrappingKey((PrivateKey) key, certificate.getPublicKey());
        }
        String kind = key == null ? "a certificate without a key" : "a " + key.getAlgorithm() + " key";
        throw MetadataMessages.unsupportedEntry(reference.path(), reference.alias(), kind);
    }

    /**
     * Derives the wrapping key from a raw 64-byte key with HKDF-SHA256. The raw key is already uniformly random,
     * so no salt is needed (RFC 5869, section 3.1); the fixed context keeps the derived key for this one purpose.
     *
     * @throws dev.appservices.MetadataStoreException if the JCA lacks HMAC-SHA256 or AES
     */
    static WrappingKey derive(EncryptionKey encryptionKey) {
        byte[] raw = encryptionKey.bytes();
        byte[] derived = null;
        try {
            derived = Hkdf.sha256(raw, new byte[0], RAW_KEY_INFO, 32);
            return new AesWrappingKey(WrappingKey.WRAP_AES_DERIVED, new SecretKeySpec(derived, "AES"));
        } catch (GeneralSecurityException e) {
            throw MetadataMessages.cryptoUnavailable("HMAC-SHA256 or AES", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }
}
