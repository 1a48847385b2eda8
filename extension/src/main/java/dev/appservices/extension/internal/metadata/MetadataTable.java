package dev.appservices.extension.internal.metadata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the JDBC metadata store: table {@value #TABLE} with one row per App and entry (the App's own row and one
 * row per user), each with a version that every change increments, and table {@value #SCHEMA_TABLE} with the
 * version of the layout. Both are created when missing. Plain SQL that H2, PostgreSQL, Derby, MySQL, Oracle and SQL
 * Server all accept; only the type of the content column differs. Stateless; the caller owns the connections.
 */
final class MetadataTable {

    static final String TABLE = "appservices_metadata";
    static final String SCHEMA_TABLE = "appservices_metadata_schema";
    static final int LAYOUT_VERSION = 1;

    private static final String SQL_STATE_INTEGRITY = "23";
    private static final int CREATION_CHECKS = 50;
    private static final long CREATION_CHECK_INTERVAL_MILLIS = 100;

    private MetadataTable() {}

    /** One row without its content. */
    record RowVersion(long version, long created) {}

    /** One row's content and the version it had when read. */
    record RowContent(long version, long created, byte[] content) {}

    /**
     * Creates the tables if they are missing (several servers may try at once: whoever comes second finds them) and
     * returns the layout version found.
     */
    static int prepare(Connection connection) throws SQLException {
        Optional<Integer> version = layoutVersion(connection);
        if (version.isPresent()) {
            return version.get();
        }
        String content = contentType(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + TABLE + " (app_id VARCHAR(100) NOT NULL, "
                    + "row_id VARCHAR(300) NOT NULL, row_version BIGINT NOT NULL, created BIGINT NOT NULL, "
                    + "content " + content + " NOT NULL, PRIMARY KEY (app_id, row_id))");
            statement.executeUpdate("CREATE TABLE " + SCHEMA_TABLE + " (id INTEGER NOT NULL PRIMARY KEY, "
                    + "layout_version INTEGER NOT NULL)");
            statement.executeUpdate(
                    "INSERT INTO " + SCHEMA_TABLE + " (id, layout_version) VALUES (1, " + LAYOUT_VERSION + ")");
        } catch (SQLException e) {
            return createdByAnotherServer(connection, e);
        }
        return LAYOUT_VERSION;
    }

    /** The layout version once the server that is creating the tables meanwhile has finished (a few seconds). */
    private static int createdByAnotherServer(Connection connection, SQLException failure) throws SQLException {
        for (int attempt = 0; attempt < CREATION_CHECKS; attempt++) {
            Optional<Integer> version = layoutVersion(connection);
            if (version.isPresent()) {
                return version.get();
            }
            try {
                Thread.sleep(CREATION_CHECK_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw failure;
    }

    private static Optional<Integer> layoutVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT layout_version FROM " + SCHEMA_TABLE + " WHERE id = 1")) {
            return result.next() ? Optional.of(result.getInt(1)) : Optional.empty();
        } catch (SQLException e) {
            if (connection.getAutoCommit()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The binary type of each database, BLOB where it is not known. */
    private static String contentType(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "BYTEA";
        }
        if (name.contains("microsoft")) {
            return "VARBINARY(MAX)";
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return "LONGBLOB";
        }
        return "BLOB";
    }

    /** The versions of every row of an App, in the order the rows were created. */
    static Map<String, RowVersion> versions(Connection connection, String appId) throws SQLException {
        Map<String, RowVersion> versions = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT row_id, row_version, created FROM " + TABLE + " WHERE app_id = ? ORDER BY created, row_id")) {
            statement.setString(1, appId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    versions.put(result.getString(1), new RowVersion(result.getLong(2), result.getLong(3)));
                }
            }
        }
        return versions;
    }

    static Optional<RowContent> read(Connection connection, String appId, String rowId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT row_version, created, content FROM " + TABLE + " WHERE app_id = ? AND row_id = ?")) {
            statement.setString(1, appId);
            statement.setString(2, rowId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? Optional.of(new RowContent(result.getLong(1), result.getLong(2), result.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    /** Inserts a row with version 1; false if it exists already (another server inserted it). */
    static boolean insert(Connection connection, String appId, String rowId, long created, byte[] content)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (app_id, row_id, row_version, created, content) VALUES (?, ?, 1, ?, ?)")) {
            statement.setString(1, appId);
            statement.setString(2, rowId);
            statement.setLong(3, created);
            statement.setBytes(4, content);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces a row's content if it still has {@code version}; false if another server changed it. */
    static boolean update(Connection connection, String appId, String rowId, long version, byte[] content)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TABLE + " SET content = ?, "
                + "row_version = row_version + 1 WHERE app_id = ? AND row_id = ? AND row_version = ?")) {
            statement.setBytes(1, content);
            statement.setString(2, appId);
            statement.setString(3, rowId);
            statement.setLong(4, version);
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes a row if it still has {@code version}; false if another server changed or deleted it. */
    static boolean delete(Connection connection, String appId, String rowId, long version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE app_id = ? AND row_id = ? AND row_version = ?")) {
            statement.setString(1, appId);
            statement.setString(2, rowId);
            statement.setLong(3, version);
            return statement.executeUpdate() == 1;
        }
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(SQL_STATE_INTEGRITY);
    }
}
