package dev.appservices.sync;

import dev.appservices.User;
import java.util.List;

/**
 * The sync management of an App ({@link dev.appservices.App#sync()}): opens synced databases and follows their
 * sessions through the users' lifecycle. A user's sessions stop when the user logs out and start again when the user
 * logs in; removing or deleting a user closes the user's sessions and deletes their local data. Local data lives
 * under {@code appservices.<id>.sync.directory} (default {@code <metadata.directory>/<id>/sync}), one directory per
 * user, and is encrypted at rest when the App's metadata mode is {@code encryption}. Thread-safe.
 *
 * @since 0.1
 */
public interface SyncManager {

    /**
     * Opens a synced database and starts its session. One database per user and name may be open at a time.
     *
     * @param configuration what to open
     * @return the database
     * @throws IllegalStateException if the database is open already or the user is not logged in
     * @throws SyncException         if the local store cannot be opened
     */
    SyncedDatabase open(SyncConfiguration configuration);

    /** The sessions of every open synced database. */
    List<SyncSession> allSessions();

    /**
     * The sessions of one user's open synced databases.
     *
     * @param user the user
     * @return the sessions
     */
    List<SyncSession> sessions(User user);

    /** {@link SyncSession#reconnect()} for every session. */
    void reconnect();
}
