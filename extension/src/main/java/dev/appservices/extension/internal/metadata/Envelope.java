package dev.appservices.extension.internal.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of an encrypted metadata file, envelope version {@value #VERSION} (big-endian, documented in
 * {@code docs/metadata.adoc}):
 *
 * <pre>
 * magic "ASMD" (4) | envelope version (1) | content algorithm (1) | wrap algorithm (1)
 * | key id length k (1) | key id, ASCII (k) | wrapped data key length w (2) | wrapped data key (w)
 * | IV length (1) | IV (12) | AES-256-GCM ciphertext of the JSON, followed by its 128-bit tag
 * </pre>
 *
 * Everything before the ciphertext is the header, authenticated as GCM associated data: changing any header byte
 * (version, algorithm, key id, wrapped key or IV) fails the tag check like a changed ciphertext byte does. An
 * immutable value; {@link #parse} checks the structure only, decryption is the caller's.
 *
 * @param wrapAlgorithm how the data key is wrapped, one of the {@code WRAP_*} constants of {@link WrappingKey}
 * @param keyId         the fingerprint of the wrapping key
 * @param wrappedKey    the wrapped data key
 * @param iv            the GCM nonce
 * @param header        the bytes authenticated as associated data (everything before the ciphertext)
 * @param ciphertext    the ciphertext followed by the tag
 */
record Envelope(int wrapAlgorithm, String keyId, byte[] wrappedKey, byte[] iv, byte[] header, byte[] ciphertext) {

    /** The envelope version written by, and the newest one readable by, this class. */
    static final int VERSION = 1;

    /** Content algorithm 1: AES-256-GCM with a 12-byte IV and a 128-bit tag. */
    static final int AES_256_GCM = 1;

    static final int IV_LENGTH = 12;

    static final int TAG_BITS = 128;

    private static final byte[] MAGIC = {'A', 'S', 'M', 'D'};

    /** The header of a new envelope: what {@link #parse} returns as {@link #header()} for the file it starts. */
    static byte[] header(int wrapAlgorithm, String keyId, byte[] wrappedKey, byte[] iv) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(AES_256_GCM);
        out.write(wrapAlgorithm);
        out.write(id.length);
        out.writeBytes(id);
        out.write(wrappedKey.length >>> 8);
        out.write(wrappedKey.length);
        out.writeBytes(wrappedKey);
        out.write(iv.length);
        out.writeBytes(iv);
        return out.toByteArray();
    }

    /**
     * Reads the structure of a sealed file.
     *
     * @throws dev.appservices.MetadataIntegrityException naming {@code file} if it is truncated, not a sealed
     *                                                     metadata file, or of an unsupported version or algorithm
     */
    static Envelope parse(byte[] content, StoredItem file) {
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            byte[] magic = bytes(in, MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw MetadataMessages.malformed(file, "it is not an encrypted metadata file (no ASMD magic)");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw MetadataMessages.unsupportedVersion(file, "envelope", version, VERSION);
            }
            int algorithm = Byte.toUnsignedInt(in.get());
            if (algorithm != AES_256_GCM) {
                throw MetadataMessages.malformed(file, "content algorithm " + algorithm + " is unknown");
            }
            int wrapAlgorithm = Byte.toUnsignedInt(in.get());
            String keyId = new String(bytes(in, Byte.toUnsignedInt(in.get())), StandardCharsets.US_ASCII);
            byte[] wrappedKey = bytes(in, Short.toUnsignedInt(in.getShort()));
            int ivLength = Byte.toUnsignedInt(in.get());
            if (ivLength != IV_LENGTH) {
                throw MetadataMessages.malformed(file, "IV length " + ivLength + " is not " + IV_LENGTH);
            }
            byte[] iv = bytes(in, ivLength);
            byte[] header = Arrays.copyOf(content, in.position());
            if (in.remaining() < TAG_BITS / 8) {
                throw MetadataMessages.malformed(file, "it is truncated (no complete authentication tag)");
            }
            byte[] ciphertext = bytes(in, in.remaining());
            return new Envelope(wrapAlgorithm, keyId, wrappedKey, iv, header, ciphertext);
        } catch (BufferUnderflowException e) {
            throw MetadataMessages.malformed(file, "it is truncated (the header is incomplete)");
        }
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
