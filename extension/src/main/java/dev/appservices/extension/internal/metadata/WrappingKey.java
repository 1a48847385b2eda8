package dev.appservices.extension.internal.metadata;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * A key-encryption key of an encrypted store: it wraps the random data key that encrypts the file, so that the
 * configured key can change (rotation) by wrapping the same data key again. Identified in the file by its wrap
 * algorithm and a fingerprint ({@link #id()}) that reveals nothing about the key. Immutable and thread-safe.
 */
interface WrappingKey {

    /** AES key wrap (RFC 3394, {@code AES/KW/NoPadding}) with an AES secret-key entry of a key store. */
    int WRAP_AES_KEY_STORE = 1;

    /** RSA-OAEP (SHA-256, MGF1 with SHA-256) with the certificate and private key of a key-store entry. */
    int WRAP_RSA_OAEP = 2;

    /** AES key wrap with a key derived by HKDF-SHA256 from a raw 64-byte key. */
    int WRAP_AES_DERIVED = 3;

    /** Fingerprints are the first 8 bytes of a one-way value, as 16 hexadecimal digits. */
    int FINGERPRINT_BYTES = 8;

    /** One of the {@code WRAP_*} constants. */
    int algorithm();

    /** The fingerprint: 16 hexadecimal digits, never key material. */
    String id();

    /** A new cipher, initialised for {@link Cipher#WRAP_MODE} or {@link Cipher#UNWRAP_MODE} with this key. */
    Cipher cipher(int mode) throws GeneralSecurityException;

    default byte[] wrap(SecretKey dataKey) throws GeneralSecurityException {
        return cipher(Cipher.WRAP_MODE).wrap(dataKey);
    }

    default SecretKey unwrap(byte[] wrappedKey) throws GeneralSecurityException {
        return (SecretKey) cipher(Cipher.UNWRAP_MODE).unwrap(wrappedKey, "AES", Cipher.SECRET_KEY);
    }

    /** What this key is, for messages: its kind and fingerprint. */
    default String describe() {
        return describe(algorithm(), id());
    }

    /** The kind and fingerprint of a wrapping key, for messages (also of a key named by a file's header). */
    static String describe(int algorithm, String id) {
        switch (algorithm) {
            case WRAP_AES_KEY_STORE:
                return "an AES key-store key with fingerprint " + id;
            case WRAP_RSA_OAEP:
                return "an RSA key-store key with fingerprint " + id;
            case WRAP_AES_DERIVED:
                return "a raw encryption key with fingerprint " + id;
            default:
                return "an unknown kind of key (wrap algorithm " + algorithm + ")";
        }
    }

    static String fingerprint(byte[] oneWayValue) {
        return HexFormat.of().formatHex(oneWayValue, 0, FINGERPRINT_BYTES);
    }
}
