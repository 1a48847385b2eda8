/**
 * Sync management: synced databases on a local embedded store, their outbox, and the sessions that keep them in step
 * with the backend over the data service's requests and change streams.
 */
package dev.appservices.extension.internal.sync;
