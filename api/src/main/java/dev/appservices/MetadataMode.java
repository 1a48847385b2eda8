package dev.appservices;

/**
 * Where and how an {@link App} keeps its users, tokens, profiles and device ids
 * (configuration key {@code appservices.<id>.metadata.mode}).
 *
 * @since 0.1
 */
public enum MetadataMode {

    /**
     * A JSON file in {@code <directory>/<id>/}, readable only by its owner (configuration value
     * {@code no-encryption}; the default).
     */
    NO_ENCRYPTION,

    /**
     * The same file sealed with AES-256-GCM, with a key from a JCA key store or a raw 64-byte key (configuration
     * value {@code encryption}). A wrong key or a tampered file fails with {@link MetadataIntegrityException}.
     */
    ENCRYPTION,

    /**
     * Memory only: users are forgotten when the App is closed (configuration value {@code in-memory}).
     */
    IN_MEMORY
}
