package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.TOKEN_MARK;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.rawKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataIntegrityException;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataStoreException;
import dev.appservices.UserState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC metadata store guarantees on every database: two stores of one App on one data source stand for
 * two servers of a cluster. Each database's test class gives the data source.
 */
abstract class JdbcMetadataStoreContract {

    private static final AtomicInteger APPS = new AtomicInteger();

    /** Every test has an App of its own, so the tests share the tables without seeing each other. */
    private String appId;

    abstract DataSource dataSource();

    /** A database of its own, without the store's tables. */
    abstract DataSource emptyDatabase() throws SQLException;

    @BeforeEach
    void newApp() {
        appId = "jdbc-" + getClass().getSimpleName().toLowerCase() + "-" + APPS.incrementAndGet();
    }

    @Test
    void aLoginLogoutAndRefreshOnOneServerAreSeenByTheOtherAtItsNextRead() {
        try (MetadataStore first = open(plain());
                MetadataStore second = open(plain())) {
            first.update(current -> current.withUser(loggedIn("ana")).withCurrentUser("ana"));
            assertEquals(Optional.of(loggedIn("ana")), second.read().user("ana"));
            // the current user is each server's own
            assertEquals(Optional.of("ana"), first.read().currentUserId());
            assertEquals(Optional.empty(), second.read().currentUserId());

            second.update(current ->
                    current.withUser(current.user("ana").orElseThrow().withAccessToken("eyJ.new")));
            assertEquals(
                    Optional.of("eyJ.new"),
                    first.read().user("ana").orElseThrow().accessToken());

            first.update(current ->
                    current.withUser(current.user("ana").orElseThrow().withoutTokens(UserState.LOGGED_OUT)));
            StoredUser seen = second.read().user("ana").orElseThrow();
            assertEquals(UserState.LOGGED_OUT, seen.state());
            assertEquals(Optional.empty(), seen.refreshToken());

            second.update(current -> current.withoutUser("ana"));
            assertEquals(List.of(), first.read().users());
            assertEquals(Optional.empty(), first.read().currentUserId());
        }
    }

    @Test
    void serversStartingAtOnceOnAnEmptyDatabaseAllOpenTheStore() throws Exception {
        DataSource empty = emptyDatabase();
        int servers = 4;
        ExecutorService executor = Executors.newFixedThreadPool(servers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MetadataStore>> opened = new ArrayList<>();
        for (int server = 0; server < servers; server++) {
            opened.add(executor.submit(() -> {
                start.await();
                return MetadataStores.open(appId, plain().dataSource(empty).build(), event -> {});
            }));
        }
        start.countDown();
        List<MetadataStore> stores = new ArrayList<>();
        for (Future<MetadataStore> store : opened) {
            stores.add(store.get(60, TimeUnit.SECONDS));
        }
        executor.shutdown();
        stores.get(0).update(current -> current.withUser(loggedIn("ana")));
        for (MetadataStore store : stores) {
            assertEquals(Optional.of(loggedIn("ana")), store.read().user("ana"));
            store.close();
        }
    }

    @Test
    void usersComeBackInTheOrderOfTheirFirstLogin() {
        try (MetadataStore store = open(plain())) {
            for (String id : List.of("cid", "ana", "bob")) {
                store.update(current -> current.withUser(loggedIn(id)));
            }
            store.update(current -> current.withUser(loggedIn("ana").withAccessToken("eyJ.again")));
        }
        try (MetadataStore store = open(plain())) {
            assertEquals(
                    List.of("cid", "ana", "bob"),
                    store.read().users().stream().map(StoredUser::id).toList());
        }
    }

    @Test
    void concurrentChangesOfOneUserOnTwoServersAreNeverLost() throws Exception {
        int perThread = 15;
        int threadsPerServer = 3;
        try (MetadataStore first = open(plain());
                MetadataStore second = open(plain())) {
            first.update(current -> current.withUser(counter(0)));
            ExecutorService executor = Executors.newFixedThreadPool(2 * threadsPerServer);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> tasks = new ArrayList<>();
            for (int thread = 0; thread < 2 * threadsPerServer; thread++) {
                MetadataStore server = thread % 2 == 0 ? first : second;
                tasks.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        server.update(current -> current.withUser(
                                counter(countOf(current.user("ana").orElseThrow()) + 1)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> task : tasks) {
                task.get(120, TimeUnit.SECONDS);
            }
            executor.shutdown();
            assertEquals(
                    2 * threadsPerServer * perThread,
                    countOf(first.read().user("ana").orElseThrow()));
            assertEquals(first.read(), second.read().withCurrentUser(null));
        }
    }

    @Test
    void encryptedRowsHoldNoTokenInClearAndComeBackWithTheKey() throws SQLException {
        try (MetadataStore store = open(sealed(7))) {
            store.update(current -> current.withUser(loggedIn("ana")));
        }
        byte[] row = content("user:ana");
        assertEquals("ASMD", new String(row, 0, 4, StandardCharsets.US_ASCII));
        assertFalse(new String(row, StandardCharsets.ISO_8859_1).contains(TOKEN_MARK));
        assertEquals("ASMD", new String(content(JdbcMetadataStore.APP_ROW), 0, 4, StandardCharsets.US_ASCII));
        try (MetadataStore store = open(sealed(7))) {
            assertEquals(Optional.of(loggedIn("ana")), store.read().user("ana"));
        }
    }

    @Test
    void aTamperedRowFailsLoudlyNamingItsRowAndNothingIsWiped() throws SQLException {
        try (MetadataStore store = open(sealed(7))) {
            store.update(current -> current.withUser(loggedIn("ana")).withUser(loggedIn("bob")));
            byte[] tampered = content("user:bob");
            tampered[tampered.length - 20] ^= 1;
            setContent("user:bob", tampered);

            MetadataIntegrityException failure = assertThrows(MetadataIntegrityException.class, store::read);
            assertTrue(
                    failure.getMessage()
                            .startsWith("APPSVC0307: metadata row 'user:bob' of App '" + appId
                                    + "' in table appservices_metadata failed authentication"),
                    failure.getMessage());
            assertThrows(MetadataIntegrityException.class, () -> store.update(current -> current.withoutUser("ana")));
            assertThrows(MetadataIntegrityException.class, () -> open(sealed(7)));
            assertArrayEquals(tampered, content("user:bob"));
            assertTrue(rowExists("user:ana"));
        }
    }

    @Test
    void aRowCopiedOverAnotherUsersRowIsFound() throws SQLException {
        try (MetadataStore store = open(sealed(7))) {
            store.update(current -> current.withUser(loggedIn("ana")).withUser(loggedIn("bob")));
            setContent("user:bob", content("user:ana"));

            MetadataIntegrityException failure = assertThrows(MetadataIntegrityException.class, store::read);
            assertTrue(
                    failure.getMessage()
                            .startsWith("APPSVC0305: metadata row 'user:bob' of App '" + appId
                                    + "' in table appservices_metadata is damaged: it does not hold exactly the user its row id "
                                    + "names"),
                    failure.getMessage());
        }
    }

    @Test
    void aServerWithAnotherKeyOrModeFailsAtOpenNamingTheAppRow() {
        open(sealed(7)).close();

        MetadataIntegrityException wrongKey = assertThrows(MetadataIntegrityException.class, () -> open(sealed(8)));
        assertTrue(
                wrongKey.getMessage()
                        .startsWith("APPSVC0308: metadata row 'app' of App '" + appId
                                + "' in table appservices_metadata was sealed with "),
                wrongKey.getMessage());
        MetadataIntegrityException plain = assertThrows(MetadataIntegrityException.class, () -> open(plain()));
        assertTrue(
                plain.getMessage()
                        .startsWith("APPSVC0305: metadata row 'app' of App '" + appId
                                + "' in table appservices_metadata is damaged"),
                plain.getMessage());
    }

    @Test
    void aClosedStoreRefusesUse() {
        MetadataStore store = open(plain());
        store.close();
        IllegalStateException failure = assertThrows(IllegalStateException.class, store::read);
        assertEquals(
                "APPSVC0319: metadata store table appservices_metadata of App '" + appId + "' is closed",
                failure.getMessage());
    }

    /** Opens a store of this test's App, as a server of the cluster would. */
    MetadataStore open(MetadataConfiguration.Builder configuration) {
        return MetadataStores.open(appId, configuration.dataSource(dataSource()).build(), event -> {
            throw new AssertionError("a JDBC store never resets");
        });
    }

    String appId() {
        return appId;
    }

    static MetadataConfiguration.Builder plain() {
        return MetadataConfiguration.builder();
    }

    static MetadataConfiguration.Builder sealed(int key) {
        return MetadataConfiguration.builder().mode(MetadataMode.ENCRYPTION).encryptionKey(rawKey(key));
    }

    static void assertStoreFailure(MetadataStoreException failure, String action) {
        assertFalse(failure instanceof MetadataIntegrityException, failure.getMessage());
        assertTrue(
                failure.getMessage().startsWith("APPSVC0323: metadata table appservices_metadata of App '"),
                failure.getMessage());
        assertTrue(
                failure.getMessage()
                        .contains("' cannot be " + action + " through data source (given to the " + "App): "),
                failure.getMessage());
    }

    private static StoredUser counter(int count) {
        StoredUser ana = loggedIn("ana");
        return ana.withProfile(ana.profile().append("count", count), ana.identities());
    }

    private static int countOf(StoredUser user) {
        return user.profile().getInteger("count");
    }

    byte[] content(String rowId) throws SQLException {
        return row(rowId).orElseThrow(() -> new AssertionError("no row " + rowId));
    }

    private boolean rowExists(String rowId) throws SQLException {
        return row(rowId).isPresent();
    }

    /** The content of a row of this test's App, read with plain SQL. */
    private Optional<byte[]> row(String rowId) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT content FROM appservices_metadata WHERE app_id = ? AND row_id = ?")) {
            statement.setString(1, appId);
            statement.setString(2, rowId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Changes a row as a program other than this library would: new content, next version. */
    private void setContent(String rowId, byte[] content) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE appservices_metadata SET content = ?, row_version = row_version + 1 "
                                + "WHERE app_id = ? AND row_id = ?")) {
            statement.setBytes(1, content);
            statement.setString(2, appId);
            statement.setString(3, rowId);
            assertEquals(1, statement.executeUpdate());
        }
    }
}
