package dev.appservices.extension.internal.metadata;

import dev.appservices.UserState;
import dev.appservices.extension.internal.metadata.MetadataTable.RowContent;
import dev.appservices.extension.internal.metadata.MetadataTable.RowVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The metadata store of a cluster: the users of an App in the rows of {@link MetadataTable#TABLE}, shared by every
 * server that uses the same database, each row in the format of the {@link StoreCodec} of the mode (sealed in
 * {@code ENCRYPTION}, so the database never holds a token in clear).
 * <ul>
 * <li>The App's own row ({@value #APP_ROW}) holds no user; it is written by the first server and read by every
 * other one at open, so a server with another mode or a wrong key fails at once, not at its first login.</li>
 * <li>Every {@link #read} asks the database which rows changed (one query, plus one per changed row), so a server
 * sees the logins, refreshes and logouts of the others at its next use of a user.</li>
 * <li>{@link #update} applies the change to the newest rows and writes the rows it changed in one transaction,
 * each only if it still has the version that was read (optimistic concurrency); if another server changed one
 * meanwhile, the change is applied again to the newer rows. No update of another server is ever lost.</li>
 * <li>The current user is a notion of each server (of each App object); it is not stored.</li>
 * </ul>
 * Removed users have no row. Thread-safe: updates of one server are serialised, reads are not.
 */
final class JdbcMetadataStore implements MetadataStore {

    static final String APP_ROW = "app";
    private static final String USER_ROW_PREFIX = "user:";
    private static final int MAX_ATTEMPTS = 20;

    private final String appId;
    private final DataSource dataSource;
    private final String dataSourceName;
    private final StoreCodec codec;
    /** The rows as last read, by row id; replaced as a whole. */
    private volatile Map<String, CachedRow> rows = Map.of();

    private volatile Optional<String> currentUserId = Optional.empty();
    private volatile boolean closed;

    private record CachedRow(long version, long created, StoredUser user) {}

    private JdbcMetadataStore(String appId, DataSource dataSource, String dataSourceName, StoreCodec codec) {
        this.appId = appId;
        this.dataSource = dataSource;
        this.dataSourceName = dataSourceName;
        this.codec = codec;
    }

    /**
     * Opens the store of an App: creates the tables if needed, checks the App's row against the configured mode and
     * key (writing it if this is the first server) and reads every user.
     *
     * @throws dev.appservices.MetadataIntegrityException if a row cannot be trusted (tampered, wrong key, other
     *                                                     mode); nothing is changed
     * @throws dev.appservices.MetadataStoreException     if the database cannot be used
     */
    static JdbcMetadataStore open(String appId, DataSource dataSource, String dataSourceName, StoreCodec codec) {
        JdbcMetadataStore store = new JdbcMetadataStore(appId, dataSource, dataSourceName, codec);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            int layout = MetadataTable.prepare(connection);
            if (layout != MetadataTable.LAYOUT_VERSION) {
                throw MetadataMessages.unsupportedTableVersion(
                        MetadataTable.TABLE, layout, MetadataTable.LAYOUT_VERSION);
            }
            store.checkAppRow(connection);
        } catch (SQLException e) {
            throw store.failed("opened", e);
        }
        store.refresh();
        return store;
    }

    private void checkAppRow(Connection connection) throws SQLException {
        Optional<RowContent> row = MetadataTable.read(connection, appId, APP_ROW);
        if (row.isEmpty()) {
            byte[] content = encode(MetadataSnapshot.EMPTY, APP_ROW);
            if (MetadataTable.insert(connection, appId, APP_ROW, 0, content)) {
                return;
            }
            // another server wrote it first: it must agree with this one
            row = MetadataTable.read(connection, appId, APP_ROW);
        }
        synchronized (codec) {
            codec.decode(row.orElseThrow().content(), item(APP_ROW));
            if (codec.rewriteReason(item(APP_ROW)).isPresent()) {
                // sealed with the previous key: the users' rows follow at their next change
                MetadataTable.update(
                        connection,
                        appId,
                        APP_ROW,
                        row.get().version(),
                        codec.encode(MetadataSnapshot.EMPTY, item(APP_ROW)));
            }
        }
    }

    @Override
    public MetadataSnapshot read() {
        requireOpen();
        return snapshot(refresh());
    }

    @Override
    public synchronized MetadataSnapshot update(UnaryOperator<MetadataSnapshot> change) {
        requireOpen();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, CachedRow> read = refresh();
            MetadataSnapshot before = snapshot(read);
            MetadataSnapshot after = Objects.requireNonNull(change.apply(before), "changed snapshot");
            if (after.users().equals(before.users()) || write(read, after)) {
                currentUserId = after.currentUserId();
                return after;
            }
        }
        throw MetadataMessages.tooManyConflicts(MetadataTable.TABLE, appId, MAX_ATTEMPTS);
    }

    /**
     * Writes the rows that differ from {@code read} in one transaction.
     *
     * @return false if another server changed one of them since it was read; nothing is written then
     */
    private boolean write(Map<String, CachedRow> read, MetadataSnapshot after) {
        Map<String, StoredUser> wanted = new LinkedHashMap<>();
        for (StoredUser user : after.users()) {
            if (user.state() != UserState.REMOVED) {
                wanted.put(rowId(user.id()), user);
            }
        }
        Map<String, CachedRow> written = new LinkedHashMap<>(read);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean applied = true;
                long now = System.currentTimeMillis();
                for (Map.Entry<String, StoredUser> entry : wanted.entrySet()) {
                    CachedRow old = read.get(entry.getKey());
                    if (old != null && old.user().equals(entry.getValue())) {
                        continue;
                    }
                    byte[] content =
                            encode(new MetadataSnapshot(List.of(entry.getValue()), Optional.empty()), entry.getKey());
                    applied = old == null
                            ? MetadataTable.insert(connection, appId, entry.getKey(), now, content)
                            : MetadataTable.update(connection, appId, entry.getKey(), old.version(), content);
                    if (!applied) {
                        break;
                    }
                    written.put(
                            entry.getKey(),
                            old == null
                                    ? new CachedRow(1, now, entry.getValue())
                                    : new CachedRow(old.version() + 1, old.created(), entry.getValue()));
                }
                for (Map.Entry<String, CachedRow> entry : read.entrySet()) {
                    if (applied && !wanted.containsKey(entry.getKey())) {
                        applied = MetadataTable.delete(
                                connection,
                                appId,
                                entry.getKey(),
                                entry.getValue().version());
                        written.remove(entry.getKey());
                    }
                }
                if (!applied) {
                    connection.rollback();
                    return false;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("written", e);
        }
        rows = Collections.unmodifiableMap(written);
        return true;
    }

    /** Reads which rows changed and the content of those; returns the rows as they are now. */
    private Map<String, CachedRow> refresh() {
        Map<String, CachedRow> known = rows;
        Map<String, CachedRow> now = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (Map.Entry<String, RowVersion> entry :
                    MetadataTable.versions(connection, appId).entrySet()) {
                String rowId = entry.getKey();
                if (rowId.equals(APP_ROW)) {
                    continue;
                }
                CachedRow cached = known.get(rowId);
                if (cached != null && cached.version() == entry.getValue().version()) {
                    now.put(rowId, cached);
                } else {
                    // deleted since the versions were read: it is gone
                    MetadataTable.read(connection, appId, rowId)
                            .ifPresent(row -> now.put(
                                    rowId,
                                    new CachedRow(row.version(), row.created(), decodeUser(row.content(), rowId))));
                }
            }
        } catch (SQLException e) {
            throw failed("read", e);
        }
        Map<String, CachedRow> fresh = Collections.unmodifiableMap(now);
        rows = fresh;
        return fresh;
    }

    private MetadataSnapshot snapshot(Map<String, CachedRow> read) {
        List<StoredUser> users = new ArrayList<>();
        read.values().forEach(row -> users.add(row.user()));
        Optional<String> current = currentUserId.filter(id -> read.containsKey(rowId(id)));
        return new MetadataSnapshot(users, current);
    }

    private StoredUser decodeUser(byte[] content, String rowId) {
        MetadataSnapshot snapshot = decode(content, rowId);
        StoredItem item = item(rowId);
        // the content is authenticated, but not its place: a row copied over another user's row is found here
        if (snapshot.users().size() != 1 || !rowId(snapshot.users().get(0).id()).equals(rowId)) {
            throw MetadataMessages.malformed(item, "it does not hold exactly the user its row id names");
        }
        return snapshot.users().get(0);
    }

    /** Codecs are not thread-safe (the sealed one keeps its data key), so they are used one call at a time. */
    private MetadataSnapshot decode(byte[] content, String rowId) {
        synchronized (codec) {
            return codec.decode(content, item(rowId));
        }
    }

    private byte[] encode(MetadataSnapshot snapshot, String rowId) {
        synchronized (codec) {
            return codec.encode(snapshot, item(rowId));
        }
    }

    private StoredItem item(String rowId) {
        return StoredItem.row(MetadataTable.TABLE, appId, rowId);
    }

    private static String rowId(String userId) {
        return USER_ROW_PREFIX + userId;
    }

    private RuntimeException failed(String action, SQLException e) {
        return MetadataMessages.databaseFailed(action, MetadataTable.TABLE, appId, dataSourceName, e);
    }

    /** Nothing to release: connections are taken from the data source per operation and the App never owns it. */
    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw MetadataMessages.closed("table " + MetadataTable.TABLE + " of App '" + appId + "'");
        }
    }
}
