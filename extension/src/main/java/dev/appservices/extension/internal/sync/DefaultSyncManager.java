package dev.appservices.extension.internal.sync;

import dev.appservices.AppConfiguration;
import dev.appservices.AuthEvent;
import dev.appservices.ListenerRegistration;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;
import dev.appservices.extension.internal.client.AppSync;
import dev.appservices.extension.internal.client.DefaultApp;
import dev.appservices.extension.internal.metadata.WrappedDataKey;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncSession;
import dev.appservices.sync.SyncedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The sync management of one App: the open synced databases by user and name, and their part in the users'
 * lifecycle (the App's auth events): logout stops a user's sessions, login resumes them, removal and deletion close
 * them and delete the user's local data. Local data lives in {@code <sync directory>/<user id>/<name>.mv.db}.
 * Thread-safe.
 */
public final class DefaultSyncManager implements AppSync {

    private static final Logger LOG = Logger.getLogger(DefaultSyncManager.class.getName());
    private static final String FILE_SUFFIX = ".mv.db";
    private static final String KEY_SUFFIX = ".key";

    private final DefaultApp app;
    private final Path directory;
    private final Map<String, DefaultSyncedDatabase> open = new ConcurrentHashMap<>();
    private final ListenerRegistration registration;
    private final Object deletion = new Object();

    public DefaultSyncManager(DefaultApp app) {
        this.app = app;
        AppConfiguration configuration = app.configuration();
        this.directory = configuration
                .syncDirectory()
                .orElse(configuration
                        .metadata()
                        .directory()
                        .resolve(configuration.id())
                        .resolve("sync"));
        this.registration = app.addListener(this::onAuthEvent);
    }

    @Override
    public synchronized SyncedDatabase open(SyncConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        User user = configuration.user();
        if (user.app() != app || !user.isLoggedIn()) {
            throw SyncMessages.notLoggedIn(app.id(), user.id());
        }
        String key = key(user.id(), configuration.name());
        if (open.containsKey(key)) {
            throw SyncMessages.alreadyOpen(app.id(), user.id(), configuration.name());
        }
        Path file = userDirectory(user.id()).resolve(configuration.name() + FILE_SUFFIX);
        LocalStore store;
        try {
            Files.createDirectories(file.getParent());
            store = LocalStore.open(file, fileKey(file));
        } catch (IOException | RuntimeException e) {
            throw SyncMessages.storeFailed(file, e);
        }
        DefaultSyncSession[] session = new DefaultSyncSession[1];
        SyncedData data = new SyncedData(
                configuration.name(), store, configuration.initialSubscriptions(), () -> session[0].localChanged());
        session[0] = new DefaultSyncSession(
                app,
                user,
                configuration,
                data,
                app.configuration().cancelWaitsOnNonFatalError(),
                "appservices-sync-" + app.id() + "-" + configuration.name());
        DefaultSyncedDatabase database =
                new DefaultSyncedDatabase(configuration, data, session[0], app, closed -> open.remove(key, closed));
        open.put(key, database);
        session[0].start();
        return database;
    }

    @Override
    public List<SyncSession> allSessions() {
        return open.values().stream()
                .<SyncSession>map(DefaultSyncedDatabase::session)
                .toList();
    }

    @Override
    public List<SyncSession> sessions(User user) {
        Objects.requireNonNull(user, "user");
        return databasesOf(user.id()).stream()
                .<SyncSession>map(DefaultSyncedDatabase::session)
                .toList();
    }

    @Override
    public void reconnect() {
        open.values().forEach(database -> database.defaultSession().reconnect());
    }

    @Override
    public void close() {
        registration.close();
        new ArrayList<>(open.values()).forEach(DefaultSyncedDatabase::close);
    }

    private void onAuthEvent(AuthEvent event) {
        String userId = event.user().id();
        switch (event.type()) {
            case LOGGED_OUT, SESSION_EXPIRED ->
                databasesOf(userId).forEach(db -> db.defaultSession().loggedOut());
            case LOGGED_IN ->
                databasesOf(userId).forEach(db -> db.defaultSession().loggedIn());
            case REMOVED, DELETED -> removed(userId);
            default -> {
                // other events do not concern sync
            }
        }
    }

    /**
     * Closes a removed or deleted user's databases and deletes the user's local data, also when a database fails to
     * close (its file is released all the same): the data of a user that is gone must not stay behind.
     */
    private void removed(String userId) {
        for (DefaultSyncedDatabase database : databasesOf(userId)) {
            try {
                database.close(SyncMessages.userRemoved(database.configuration().name(), userId));
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        SyncMessages.closeFailed(database.configuration().name(), e)
                                .getMessage());
            }
        }
        deleteData(userDirectory(userId));
    }

    /**
     * Deletes a user's directory. A user removed while a sync session ends on its own (the server deleted the user
     * first) is removed from two threads at once: one at a time, so that the first to return has seen the files go.
     */
    private void deleteData(Path userDirectory) {
        synchronized (deletion) {
            if (!Files.exists(userDirectory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(userDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                LOG.log(
                        Level.WARNING,
                        SyncMessages.deleteDataFailed(userDirectory, e).getMessage());
            }
        }
    }

    /**
     * The MVStore file key when the App's metadata is encrypted: a random data key kept beside the file, wrapped by
     * the metadata store's key configuration (so the same keys protect both); {@code null} otherwise.
     */
    private char[] fileKey(Path file) {
        MetadataConfiguration metadata = app.configuration().metadata();
        if (metadata.mode() != MetadataMode.ENCRYPTION) {
            return null;
        }
        byte[] key = WrappedDataKey.loadOrCreate(metadata, file.resolveSibling(file.getFileName() + KEY_SUFFIX));
        try {
            return HexFormat.of().formatHex(key).toCharArray();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private List<DefaultSyncedDatabase> databasesOf(String userId) {
        return open.values().stream()
                .filter(db -> db.configuration().user().id().equals(userId))
                .toList();
    }

    private Path userDirectory(String userId) {
        return directory.resolve(userId);
    }

    private static String key(String userId, String name) {
        return userId + "/" + name;
    }
}
