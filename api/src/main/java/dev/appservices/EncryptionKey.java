package dev.appservices;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A raw 64-byte metadata encryption key, in the format of the Realm SDKs' {@code encryptionKey}
 * (configuration key {@code appservices.<id>.metadata.encryption-key}, base64).
 *
 * <p>The key bytes are never shown: {@link #toString()} is redacted and failure messages name only the length.
 * Prefer a {@link KeyStoreKey} where a key store is available.
 *
 * <p>Instances are immutable and thread-safe. Two keys are equal if their bytes are equal (compared in constant
 * time).
 *
 * @since 0.1
 */
public final class EncryptionKey {

    /**
     * The number of bytes of a key: 64.
     */
    public static final int LENGTH = 64;

    private final byte[] bytes;
    private final int hash;

    private EncryptionKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw ApiMessages.wrongEncryptionKeyLength(bytes.length);
        }
        this.bytes = bytes;
        this.hash = digestHash(bytes);
    }

    /**
     * Wraps a copy of {@code bytes}.
     *
     * @param bytes exactly {@value #LENGTH} bytes
     * @return the key
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if {@code bytes} does not have {@value #LENGTH} bytes ({@code APPSVC0106})
     */
    public static EncryptionKey of(byte[] bytes) {
        return new EncryptionKey(ApiMessages.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * Decodes a key from standard base64 (RFC 4648, with padding).
     *
     * @param base64 the base64 text of {@value #LENGTH} bytes; surrounding whitespace is ignored
     * @return the key
     * @throws NullPointerException if {@code base64} is null
     * @throws IllegalArgumentException if the text is not base64 ({@code APPSVC0107}) or does not decode to
     *         {@value #LENGTH} bytes ({@code APPSVC0106}); the message never contains the text
     */
    public static EncryptionKey fromBase64(String base64) {
        ApiMessages.requireNonNull(base64, "base64");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ApiMessages.encryptionKeyNotBase64();
        }
        return new EncryptionKey(decoded);
    }

    /**
     * Returns a copy of the key bytes; the caller should overwrite it once used.
     *
     * @return a new array of {@value #LENGTH} bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Compares the key bytes in constant time.
     *
     * @param other the object to compare with
     * @return {@code true} if {@code other} is a key with the same bytes
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey && MessageDigest.isEqual(bytes, ((EncryptionKey) other).bytes);
    }

    /**
     * Returns a hash code derived from a SHA-256 digest of the key, so that the hash reveals nothing usable about
     * the key bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return hash;
    }

    /**
     * Returns a redacted description that never contains key material.
     *
     * @return {@code "EncryptionKey[***]"}
     */
    @Override
    public String toString() {
        return "EncryptionKey[***]";
    }

    private static int digestHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | digest[3] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw ApiMessages.sha256Missing(e);
        }
    }
}
