package dev.appservices.extension.internal.metadata;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Wraps the data key with RSA-OAEP: the public key of a key-store entry's certificate wraps, its private key
 * unwraps. This is what lets the key store a server already has (Open Liberty's generated {@code key.p12}, alias
 * {@code default}) protect the metadata. Immutable and thread-safe (a new {@link Cipher} per call).
 */
final class RsaWrappingKey implements WrappingKey {

    private static final String OAEP = "RSA/ECB/OAEPPadding";

    /**
     * SHA-256 for both the label hash and MGF1, spelled out: the transformation name "OAEPWithSHA-256AndMGF1Padding"
     * leaves MGF1 at SHA-1 in the SunJCE provider but at SHA-256 in others.
     */
    private static final OAEPParameterSpec SHA_256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String id;

    /** @throws GeneralSecurityException if the JCA provides no SHA-256 */
    RsaWrappingKey(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        // the public key is not secret, so its hash is a fingerprint that reveals nothing
        this.id = WrappingKey.fingerprint(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
    }

    @Override
    public int algorithm() {
        return WRAP_RSA_OAEP;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(OAEP);
        cipher.init(mode, mode == Cipher.WRAP_MODE ? publicKey : privateKey, SHA_256);
        return cipher;
    }
}
