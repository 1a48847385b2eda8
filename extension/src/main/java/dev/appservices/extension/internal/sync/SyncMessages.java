package dev.appservices.extension.internal.sync;

import dev.appservices.mongo.Namespace;
import dev.appservices.sync.CompensatingWriteException;
import dev.appservices.sync.SyncException;
import java.nio.file.Path;
import org.bson.BsonValue;

/**
 * The message factory of sync management. Codes 1010–1099 (the API's sync types use 1000–1009). Messages name the
 * app, user, store, namespace and document id, never a document's contents or a token.
 */
final class SyncMessages {

    private SyncMessages() {}

    static IllegalArgumentException unsupportedType(String type) {
        return new IllegalArgumentException(
                "APPSVC1010: the BSON type " + type + " cannot be stored in a synced database");
    }

    static IllegalArgumentException localOperationFailed(Namespace namespace, String operation, String reason) {
        return new IllegalArgumentException(
                "APPSVC1011: the local " + operation + " on '" + namespace + "' failed: " + reason);
    }

    static IllegalArgumentException localWriteFailed(String reason) {
        return new IllegalArgumentException("APPSVC1012: the local write failed: " + reason);
    }

    static IllegalArgumentException outsideSubscriptions(Namespace namespace, BsonValue id) {
        return new IllegalArgumentException("APPSVC1013: the write of document " + id.toString() + " in '"
                + namespace + "' is outside every subscription of the synced database; add a subscription that"
                + " matches it first");
    }

    static IllegalStateException alreadyOpen(String appId, String userId, String name) {
        return new IllegalStateException("APPSVC1014: the synced database '" + name + "' of user " + userId
                + " of app '" + appId + "' is open already; close it first");
    }

    static IllegalStateException notLoggedIn(String appId, String userId) {
        return new IllegalStateException("APPSVC1015: user " + userId + " of app '" + appId
                + "' is not logged in; a synced database needs a logged-in user");
    }

    static IllegalStateException closed(String name) {
        return new IllegalStateException("APPSVC1016: the synced database '" + name + "' is closed");
    }

    static SyncException storeFailed(Path file, Throwable cause) {
        return new SyncException(
                "APPSVC1017: the local store " + file + " cannot be opened: "
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                true,
                cause);
    }

    static SyncException nonFatal(String name, Throwable cause) {
        return new SyncException(
                "APPSVC1018: sync of '" + name + "' failed and is retried: " + describe(cause), false, cause);
    }

    static SyncException fatal(String name, Throwable cause) {
        return new SyncException("APPSVC1019: sync of '" + name + "' stopped: " + describe(cause), true, cause);
    }

    static SyncException inactive(String name) {
        return new SyncException("APPSVC1020: the sync session of '" + name + "' became inactive", false, null);
    }

    static SyncException sessionClosed(String name) {
        return new SyncException("APPSVC1021: the synced database '" + name + "' was closed", true, null);
    }

    static SyncException userLoggedOut(String name, String userId) {
        return new SyncException(
                "APPSVC1022: sync of '" + name + "' stopped: user " + userId + " logged out", true, null);
    }

    static SyncException userRemoved(String name, String userId) {
        return new SyncException(
                "APPSVC1023: sync of '" + name + "' stopped: user " + userId
                        + " was removed or deleted and the local data deleted",
                true,
                null);
    }

    static CompensatingWriteException compensatingWrite(
            Namespace namespace, BsonValue id, String reason, Throwable cause) {
        return new CompensatingWriteException(
                "APPSVC1024: the server refused the write of document " + id + " in '" + namespace + "' (" + reason
                        + "); it was undone locally",
                namespace,
                id,
                reason,
                cause);
    }

    static SyncException deleteDataFailed(Path directory, Throwable cause) {
        return new SyncException(
                "APPSVC1025: the local sync data in " + directory + " could not be deleted: " + describe(cause),
                false,
                cause);
    }

    static SyncException closeFailed(String name, Throwable cause) {
        return new SyncException(
                "APPSVC1031: the synced database '" + name + "' of a removed user did not close cleanly (its local"
                        + " data is deleted all the same): " + describe(cause),
                false,
                cause);
    }

    static SyncException interrupted(String name) {
        return new SyncException(
                "APPSVC1026: the wait on the sync session of '" + name + "' was interrupted", false, null);
    }

    static IllegalArgumentException duplicateSubscription(String store, String name) {
        return new IllegalArgumentException(
                "APPSVC1028: the synced database '" + store + "' has a subscription named '" + name + "' already");
    }

    static IllegalArgumentException unknownSubscription(String store, String name) {
        return new IllegalArgumentException(
                "APPSVC1029: the synced database '" + store + "' has no subscription named '" + name + "'");
    }

    static IllegalArgumentException negativeLimit(long limit) {
        return new IllegalArgumentException("APPSVC1027: the limit " + limit + " is negative");
    }

    static IllegalArgumentException writingStage(Namespace namespace, String stage) {
        return new IllegalArgumentException("APPSVC1030: the aggregation stage " + stage + " writes and cannot run on '"
                + namespace + "' locally; local data changes only through the synced collection's write methods");
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
