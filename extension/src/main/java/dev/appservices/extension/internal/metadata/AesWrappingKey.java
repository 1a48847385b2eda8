package dev.appservices.extension.internal.metadata;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Wraps the data key with AES key wrap (RFC 3394). The key comes from a key-store secret-key entry or is derived
 * from a raw key. Immutable and thread-safe (a new {@link Cipher} per call).
 */
final class AesWrappingKey implements WrappingKey {

    private static final String KEY_WRAP = "AES/KW/NoPadding";

    private final int algorithm;
    private final SecretKey key;
    private final String id;

    /** @throws GeneralSecurityException if the JCA cannot use the key with AES */
    AesWrappingKey(int algorithm, SecretKey key) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.key = key;
        this.id = checkValue(key);
    }

    @Override
    public int algorithm() {
        return algorithm;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(KEY_WRAP);
        cipher.init(mode, key);
        return cipher;
    }

    /**
     * The key check value: the start of the encryption of a zero block, the usual way to name an AES key without
     * revealing it. Unlike a hash of the key bytes it also works for keys whose bytes a provider does not export.
     */
    private static String checkValue(SecretKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return WrappingKey.fingerprint(cipher.doFinal(new byte[16]));
    }
}
