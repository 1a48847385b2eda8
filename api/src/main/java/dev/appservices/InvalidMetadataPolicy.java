package dev.appservices;

/**
 * What an {@link App} does when its metadata store exists but cannot be read: the file is corrupt or tampered with,
 * or the encryption key is wrong (configuration key {@code appservices.<id>.metadata.on-invalid}).
 *
 * @since 0.1
 */
public enum InvalidMetadataPolicy {

    /**
     * Fail with {@link MetadataIntegrityException} and leave the file untouched (the default): no stored user is
     * ever discarded silently.
     */
    FAIL,

    /**
     * Move the unreadable file aside as a backup, start with an empty store, log a warning and fire a
     * {@link MetadataResetEvent}. Every stored user then has to log in again.
     */
    RESET
}
