package dev.appservices.extension.internal.client;

import dev.appservices.sync.SyncManager;

/**
 * The sync management of one App, made by a layer above this package ({@code internal.sync}) when the App is created
 * and closed with it.
 */
public interface AppSync extends SyncManager, AutoCloseable {

    /** Closes every synced database of the App. */
    @Override
    void close();
}
