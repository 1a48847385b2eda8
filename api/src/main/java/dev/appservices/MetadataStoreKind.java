package dev.appservices;

/**
 * Where a persisted metadata store ({@link MetadataMode#NO_ENCRYPTION} or {@link MetadataMode#ENCRYPTION}) keeps
 * its users (configuration key {@code appservices.<id>.metadata.store}).
 *
 * @since 0.1
 */
public enum MetadataStoreKind {

    /**
     * A file in {@code <directory>/<id>/}, used by one process (configuration value {@code file}; the default).
     */
    FILE,

    /**
     * A table of a relational database reached through a {@link javax.sql.DataSource}, shared by every server of a
     * cluster: one row per user, sealed like the file in {@link MetadataMode#ENCRYPTION} (configuration value
     * {@code jdbc}). The current user stays a notion of each server.
     */
    JDBC
}
