package dev.appservices.extension.internal.metadata;

import java.util.Optional;

/**
 * The file format of one persisted mode: the name of the store file in the App's directory and the conversion of
 * a {@link MetadataSnapshot} to and from its bytes. Used by one {@link FileMetadataStore}, which serialises the
 * calls.
 */
interface StoreCodec {

    /** The name of the store file in the App's directory. */
    String fileName();

    /**
     * The format this one replaces: when only the predecessor's file exists, the store takes its content over,
     * writes it in this format and deletes the old file.
     */
    Optional<StoreCodec> predecessor();

    /**
     * Reads a file's content.
     *
     * @throws dev.appservices.MetadataIntegrityException naming {@code file} if the content cannot be trusted
     */
    MetadataSnapshot decode(byte[] content, StoredItem file);

    /**
     * Returns a file's content.
     *
     * @throws dev.appservices.MetadataStoreException naming {@code file} if the content cannot be produced
     */
    byte[] encode(MetadataSnapshot snapshot, StoredItem file);

    /**
     * Whether the last {@link #decode} read the file in a form that must be written again in the current one (a
     * file sealed with the previous key), and how that is reported. Empty if nothing needs to be written.
     */
    default Optional<String> rewriteReason(StoredItem file) {
        return Optional.empty();
    }
}
