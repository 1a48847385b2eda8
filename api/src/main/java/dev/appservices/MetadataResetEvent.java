package dev.appservices;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Reports that an App replaced an unreadable metadata store (corrupt or tampered file, or wrong key) with an empty
 * one, because its configuration says {@link InvalidMetadataPolicy#RESET}. The users it held must log in again.
 *
 * <p>Always logged as a warning; under CDI also delivered as a CDI event qualified with {@code @AppServices(id)}:
 * {@code void on(@Observes @AppServices(id = "orders") MetadataResetEvent e)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param appId      the id of the App
 * @param backupFile where the unreadable file was moved, for inspection
 * @param timestamp  when the store was reset
 * @since 0.1
 */
public record MetadataResetEvent(String appId, Path backupFile, Instant timestamp) {

    /**
     * Creates the value.
     *
     * @param appId      the id of the App
     * @param backupFile where the unreadable file was moved
     * @param timestamp  when the store was reset
     * @throws NullPointerException if an argument is null
     */
    public MetadataResetEvent {
        ApiMessages.requireNonNull(appId, "appId");
        ApiMessages.requireNonNull(backupFile, "backupFile");
        ApiMessages.requireNonNull(timestamp, "timestamp");
    }
}
