package dev.appservices.extension.internal.metadata;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): derives a key for one purpose from input key material. Written here on top of
 * {@link Mac} because Java 17 has no HKDF API (the {@code javax.crypto.KDF} API arrived only in Java 24) and the
 * project adds no crypto library for two HMAC steps. Stateless.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    /**
     * Extract-then-expand.
     *
     * @param inputKeyMaterial the secret to derive from
     * @param salt             the salt; empty means {@value #HASH_LENGTH} zero bytes, as RFC 5869 says
     * @param info             the context, which makes keys for different purposes independent
     * @param length           the number of bytes to derive, 1 to 255 * 32 (RFC 5869)
     * @return the derived bytes; the caller should overwrite them once used
     * @throws GeneralSecurityException if the JCA provides no HMAC-SHA256
     */
    static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
        byte[] pseudoRandomKey = mac.doFinal(inputKeyMaterial);
        try {
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            ByteArrayOutputStream output = new ByteArrayOutputStream(length + HASH_LENGTH);
            byte[] block = new byte[0];
            for (int counter = 1; output.size() < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                output.writeBytes(block);
            }
            Arrays.fill(block, (byte) 0);
            byte[] all = output.toByteArray();
            byte[] derived = Arrays.copyOf(all, length);
            Arrays.fill(all, (byte) 0);
            return derived;
        } finally {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }
}
