package dev.appservices;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The metadata store (users, tokens, profiles) could not be read or written: an I/O failure, a lock held by another
 * process, or a JCA failure such as an unreadable key store. Its error code is always {@link ErrorCode#CUSTOM_ERROR}.
 *
 * <p>A failed write leaves the previous content of the store intact.
 *
 * <p>Immutable once thrown and safe to share between threads. Messages follow the rules of
 * {@link AppServicesException}: they name the file but never show key bytes or stored content.
 *
 * @since 0.1
 */
public class MetadataStoreException extends AppServicesException {

    private static final long serialVersionUID = 1L;

    /** Kept as a string: {@link Path} is not serializable. */
    private final String path;

    /**
     * Creates an exception.
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param path    the file or directory concerned, or null if none
     */
    public MetadataStoreException(String message, Path path) {
        this(message, path, null);
    }

    /**
     * Creates an exception caused by another exception (typically an {@link java.io.IOException} or a
     * {@link java.security.GeneralSecurityException}).
     *
     * @param message the message, starting with {@code APPSVCnnnn:}
     * @param path    the file or directory concerned, or null if none
     * @param cause   the cause, may be null
     */
    public MetadataStoreException(String message, Path path, Throwable cause) {
        super(message, ErrorCode.CUSTOM_ERROR, cause);
        this.path = path == null ? null : path.toString();
    }

    /**
     * Returns the file or directory concerned.
     *
     * @return the path, or empty if none
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path).map(Path::of);
    }
}
