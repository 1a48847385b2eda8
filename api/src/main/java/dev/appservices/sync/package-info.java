/**
 * Sync management: offline-first local copies of subscribed query results, per user, kept in step with the backend
 * by a {@link dev.appservices.sync.SyncSession} over the protocols any App Services–compatible backend with the
 * data service serves (remote MongoDB access and {@code watch}; no private protocol).
 *
 * <pre>{@code
 * SyncConfiguration config = SyncConfiguration.builder(user)
 *         .subscription("open", "shop", "orders", eq("status", "open"))
 *         .cancelWaitsOnNonFatalError(true)
 *         .build();
 * try (SyncedDatabase local = app.sync().open(config)) {
 *     SyncedCollection<Document> orders = local.collection("shop", "orders");
 *     orders.insertOne(new Document("status", "open"));        // local, works offline
 *     boolean uploaded = local.session().uploadAllLocalChanges(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Conflicts: field-level last writer wins in server arrival order, deletes win, writes the server refuses are
 * undone locally and reported. What this layer does not promise (it is not Realm's Device Sync protocol) is listed
 * in the project's {@code docs/sync.adoc}.
 *
 * @since 0.1
 */
package dev.appservices.sync;
