package dev.appservices.extension.internal.sync;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import dev.appservices.mongo.Namespace;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * MongoDB's query language over in-memory documents: mongo-java-server's memory backend, driven in-process through
 * its command handler (no socket). It answers queries, update operators and aggregations the way the wire protocol's
 * commands do; it keeps no files and has no transactions. Not thread-safe: the local store calls it under its lock.
 */
final class QueryEngine implements AutoCloseable {

    private final MemoryBackend backend = new MemoryBackend();
    // the engine keeps per-connection state by channel; an embedded channel has no socket and does no I/O
    private final EmbeddedChannel channel = new EmbeddedChannel();

    List<BsonDocument> find(
            Namespace namespace, BsonDocument filter, BsonDocument sort, BsonDocument projection, int limit) {
        BsonDocument command = command("find", namespace)
                .append("filter", filter)
                .append("batchSize", new BsonInt32(Integer.MAX_VALUE));
        if (sort != null) {
            command.append("sort", sort);
        }
        if (projection != null) {
            command.append("projection", projection);
        }
        if (limit > 0) {
            command.append("limit", new BsonInt32(limit));
        }
        return firstBatch(run(namespace, "find", command));
    }

    /** Runs an aggregation pipeline that does not write (the caller refuses {@code $out} and {@code $merge}). */
    List<BsonDocument> aggregate(Namespace namespace, BsonArray pipeline) {
        BsonDocument answer = run(
                namespace,
                "aggregate",
                command("aggregate", namespace)
                        .append("pipeline", pipeline)
                        .append("cursor", new BsonDocument("batchSize", new BsonInt32(Integer.MAX_VALUE))));
        return firstBatch(answer);
    }

    /** The results of a cursor command asked for with a batch size that fits them all. */
    private static List<BsonDocument> firstBatch(BsonDocument answer) {
        List<BsonDocument> documents = new ArrayList<>();
        answer.getDocument("cursor").getArray("firstBatch").forEach(value -> documents.add(value.asDocument()));
        return documents;
    }

    /** Counts the documents that match, up to {@code limit} (0: no limit). */
    long count(Namespace namespace, BsonDocument filter, long limit) {
        BsonDocument command = command("count", namespace).append("query", filter);
        if (limit > 0) {
            command.append("limit", new BsonInt64(limit));
        }
        return run(namespace, "count", command).get("n").asNumber().longValue();
    }

    void insert(Namespace namespace, List<BsonDocument> documents) {
        if (!documents.isEmpty()) {
            requireNoWriteErrors(run(
                    namespace, "insert", command("insert", namespace).append("documents", new BsonArray(documents))));
        }
    }

    /** Applies update operators to the document of an id. */
    void update(Namespace namespace, BsonValue id, BsonDocument update) {
        update(namespace, new BsonDocument("_id", id), update, false);
    }

    /** Stores a whole document, replacing the one of its id if there is one. */
    void put(Namespace namespace, BsonDocument document) {
        update(namespace, new BsonDocument("_id", document.get("_id")), document, true);
    }

    /**
     * Inserts the document an upsert of {@code update} (operators or a replacement) makes from {@code filter}; call
     * only when no document matches.
     *
     * @return the new document's id
     */
    BsonValue upsert(Namespace namespace, BsonDocument filter, BsonDocument update) {
        return update(namespace, filter, update, true)
                .getArray("upserted")
                .get(0)
                .asDocument()
                .get("_id");
    }

    void delete(Namespace namespace, BsonValue id) {
        requireNoWriteErrors(run(
                namespace,
                "delete",
                command("delete", namespace)
                        .append(
                                "deletes",
                                new BsonArray(List.of(new BsonDocument("q", new BsonDocument("_id", id))
                                        .append("limit", new BsonInt32(1)))))));
    }

    private BsonDocument update(Namespace namespace, BsonDocument query, BsonDocument update, boolean upsert) {
        BsonDocument answer = run(
                namespace,
                "update",
                command("update", namespace)
                        .append(
                                "updates",
                                new BsonArray(List.of(new BsonDocument("q", query)
                                        .append("u", update)
                                        .append("upsert", BsonBoolean.valueOf(upsert))))));
        requireNoWriteErrors(answer);
        return answer;
    }

    private static BsonDocument command(String name, Namespace namespace) {
        return new BsonDocument(name, new BsonString(namespace.collection()));
    }

    private BsonDocument run(Namespace namespace, String name, BsonDocument command) {
        command.append("$db", new BsonString(namespace.database()));
        try {
            MongoDatabase database = backend.resolveDatabase(namespace.database());
            Document answer = database.handleCommand(
                    channel, name, BsonBridge.toEngine(command), backend::resolveDatabase, NoopOplog.get());
            return BsonBridge.toBson(answer);
        } catch (MongoServerException e) {
            throw SyncMessages.localOperationFailed(namespace, name, e.getMessageWithoutErrorCode());
        }
    }

    private static void requireNoWriteErrors(BsonDocument answer) {
        if (answer.containsKey("writeErrors")) {
            BsonDocument first = answer.getArray("writeErrors").get(0).asDocument();
            throw SyncMessages.localWriteFailed(
                    first.getString("errmsg", new BsonString("")).getValue());
        }
    }

    @Override
    public void close() {
        backend.close();
        channel.close();
    }
}
