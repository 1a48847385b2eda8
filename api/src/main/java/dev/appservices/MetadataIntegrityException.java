package dev.appservices;

import java.nio.file.Path;

/**
 * The metadata store exists but cannot be trusted: the file is corrupt or was tampered with, its format version is
 * unknown, or the encryption key is wrong (the authentication tag does not match).
 *
 * <p>With {@link InvalidMetadataPolicy#FAIL} (the default) the App refuses to start and the file is left untouched,
 * so that no stored user is discarded silently; fix the key or move the file away. With
 * {@link InvalidMetadataPolicy#RESET} the file is moved aside instead and a {@link MetadataResetEvent} is fired.
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}.
 *
 * @since 0.1
 */
public class MetadataIntegrityException extends MetadataStoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param path    the file concerned, or null if none
     */
    public MetadataIntegrityException(String message, Path path) {
        super(message, path);
    }

    /**
     * Creates an exception caused by another exception (typically an {@link javax.crypto.AEADBadTagException}).
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param path    the file concerned, or null if none
     * @param cause   the cause, may be null
     */
    public MetadataIntegrityException(String message, Path path, Throwable cause) {
        super(message, path, cause);
    }
}
