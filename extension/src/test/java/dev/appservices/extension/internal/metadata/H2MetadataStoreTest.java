package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.MetadataStoreException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC metadata store on an H2 database in a file, as WildFly's default data source is H2. */
class H2MetadataStoreTest extends JdbcMetadataStoreContract {

    @TempDir
    static Path directory;

    private static JdbcDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + directory.resolve("metadata").toAbsolutePath());
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:" + directory.resolve("empty-" + appId()).toAbsolutePath());
        return empty;
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsTheOpen() {
        JdbcDataSource unreachable = new JdbcDataSource();
        // a TCP server that is not there: the store cannot open a connection
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        MetadataStoreException failure = assertThrows(
                MetadataStoreException.class,
                () -> MetadataStores.open(
                        appId(), plain().dataSource(unreachable).build(), event -> {}));
        assertStoreFailure(failure, "opened");
    }
}
