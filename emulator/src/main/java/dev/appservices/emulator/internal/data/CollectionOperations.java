package dev.appservices.emulator.internal.data;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import dev.appservices.emulator.internal.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The operations of the {@code mongodb-atlas} service (data-and-sync.md §1) on the store, with the argument keys
 * and answer shapes clients depend on: counts of writes are Int32, {@code count} is Int64, {@code upsertedId} is
 * absent when nothing was upserted.
 *
 * <p>Every write to a collection runs under that collection's lock: the documents before and after are read, rules
 * are checked against both, a refused change is undone before the lock is released, and change events are
 * published in commit order. Thread-safe.
 */
public final class CollectionOperations {

    /** The operations, by the names clients send. */
    public static final List<String> NAMES = List.of(
            "find",
            "findOne",
            "count",
            "aggregate",
            "insertOne",
            "insertMany",
            "updateOne",
            "updateMany",
            "deleteOne",
            "deleteMany",
            "findOneAndUpdate",
            "findOneAndReplace",
            "findOneAndDelete");

    private final MongoStore store;
    private final ChangeEvents events;
    private final ConcurrentMap<Namespace, Object> locks = new ConcurrentHashMap<>();
    private final String stateDatabase;

    /** {@code stateDatabase} is the emulator's own, which no operation may reach. */
    public CollectionOperations(MongoStore store, ChangeEvents events, String stateDatabase) {
        this.store = store;
        this.events = events;
        this.stateDatabase = stateDatabase;
    }

    /**
     * Runs an operation.
     *
     * @param access what the caller may do in the namespace
     * @throws DataException for an unknown operation, bad arguments, a refusal by rules or an error of the store
     */
    public BsonValue execute(String operation, Namespace namespace, BsonDocument arguments, Access access) {
        refuseStateDatabase(namespace.database());
        Arguments args = new Arguments(arguments);
        MongoCollection<BsonDocument> collection = store.collection(namespace);
        return translated(() -> switch (operation) {
            case "find" ->
                new BsonArray(find(
                        collection,
                        access,
                        args.query("query"),
                        args.optionalDocument("sort"),
                        args.optionalLimit("limit"),
                        args.optionalDocument("project")));
            case "findOne" ->
                first(find(
                        collection,
                        access,
                        args.query("query"),
                        args.optionalDocument("sort"),
                        1,
                        args.optionalDocument("project")));
            case "count" -> new BsonInt64(count(collection, access, args.query("query"), args.optionalLimit("limit")));
            case "aggregate" -> aggregate(namespace, collection, access, args.documents("pipeline"));
            case "insertOne" ->
                new BsonDocument(
                        "insertedId",
                        insert(namespace, collection, access, List.of(args.document("document")))
                                .get(0));
            case "insertMany" ->
                new BsonDocument(
                        "insertedIds",
                        Arguments.array(insert(namespace, collection, access, args.documents("documents"))));
            case "updateOne", "updateMany" ->
                update(namespace, collection, access, args, operation.equals("updateMany"));
            case "deleteOne", "deleteMany" ->
                new BsonDocument(
                        "deletedCount",
                        new BsonInt32(delete(
                                namespace, collection, access, args.query("query"), operation.equals("deleteMany"))));
            case "findOneAndUpdate" -> findOneAndModify(namespace, collection, access, args, false);
            // realm-web 2.0.1's findOneAndDelete sends this name without 'update': it means a delete
            case "findOneAndReplace" ->
                arguments.containsKey("update")
                        ? findOneAndModify(namespace, collection, access, args, true)
                        : findOneAndDelete(namespace, collection, access, args);
            case "findOneAndDelete" -> findOneAndDelete(namespace, collection, access, args);
            default -> throw DataException.operationNotFound(operation);
        });
    }

    /** Deletes every document of every collection of a database, as system, publishing the deletes. */
    public void clearDatabase(String database) {
        refuseStateDatabase(database);
        for (String collection : store.client().getDatabase(database).listCollectionNames()) {
            Namespace namespace = new Namespace(database, collection);
            translated(() -> new BsonInt32(
                    delete(namespace, store.collection(namespace), Access.SYSTEM, new BsonDocument(), true)));
        }
    }

    private void refuseStateDatabase(String database) {
        if (database.equals(stateDatabase)) {
            throw DataException.stateDatabase(database);
        }
    }

    private static List<BsonDocument> find(
            MongoCollection<BsonDocument> collection,
            Access access,
            BsonDocument query,
            Optional<BsonDocument> sort,
            long limit,
            Optional<BsonDocument> projection) {
        List<BsonDocument> found = new ArrayList<>();
        for (BsonDocument document : visible(collection, access, query, sort, limit)) {
            found.add(projection.map(p -> Projection.apply(document, p)).orElse(document));
        }
        return found;
    }

    /** The documents matching the query that the caller may see, in order, at most {@code limit} (0: all). */
    private static List<BsonDocument> visible(
            MongoCollection<BsonDocument> collection,
            Access access,
            BsonDocument query,
            Optional<BsonDocument> sort,
            long limit) {
        FindIterable<BsonDocument> cursor = collection.find(access.restrict(query));
        sort.ifPresent(cursor::sort);
        if (access == Access.SYSTEM && limit > 0) {
            cursor.limit((int) Math.min(limit, Integer.MAX_VALUE));
        }
        List<BsonDocument> found = new ArrayList<>();
        // closed explicitly: leaving the loop early must not leave a cursor open in the store
        try (MongoCursor<BsonDocument> documents = cursor.iterator()) {
            while (documents.hasNext() && (limit == 0 || found.size() < limit)) {
                access.visible(documents.next()).ifPresent(found::add);
            }
        }
        return found;
    }

    private static long count(MongoCollection<BsonDocument> collection, Access access, BsonDocument query, long limit) {
        if (access == Access.SYSTEM) {
            CountOptions options = new CountOptions();
            if (limit > 0) {
                options.limit((int) Math.min(limit, Integer.MAX_VALUE));
            }
            return collection.countDocuments(query, options);
        }
        return visible(collection, access, query, Optional.empty(), limit).size();
    }

    private static BsonValue aggregate(
            Namespace namespace, MongoCollection<BsonDocument> collection, Access access, List<BsonDocument> pipeline) {
        List<BsonDocument> stages = new ArrayList<>(pipeline);
        if (access != Access.SYSTEM) {
            for (BsonDocument stage : pipeline) {
                if (stage.containsKey("$out") || stage.containsKey("$merge")) {
                    throw DataException.invalidParameter(Messages.aggregateOutput(stage.getFirstKey()));
                }
            }
            BsonArray ids = new BsonArray();
            for (BsonDocument document : collection.find(access.restrict(new BsonDocument()))) {
                Optional<BsonDocument> shown = access.visible(document);
                if (shown.isPresent()) {
                    if (!shown.get().equals(document)) {
                        throw new DataException(
                                DataException.Kind.FORBIDDEN,
                                "NoMatchingRuleFound",
                                Messages.aggregateHiddenFields(namespace.toString()));
                    }
                    ids.add(document.get("_id"));
                }
            }
            stages.add(0, new BsonDocument("$match", new BsonDocument("_id", new BsonDocument("$in", ids))));
        }
        return new BsonArray(collection.aggregate(stages).into(new ArrayList<>()));
    }

    private List<BsonValue> insert(
            Namespace namespace,
            MongoCollection<BsonDocument> collection,
            Access access,
            List<BsonDocument> documents) {
        List<BsonDocument> prepared = new ArrayList<>();
        for (BsonDocument document : documents) {
            BsonDocument withId = document.containsKey("_id") ? document.clone() : withGeneratedId(document);
            access.checkInsert(withId);
            prepared.add(withId);
        }
        synchronized (lock(namespace)) {
            if (prepared.size() == 1) {
                collection.insertOne(prepared.get(0));
            } else {
                collection.insertMany(prepared);
            }
            List<BsonValue> ids = new ArrayList<>();
            for (BsonDocument document : prepared) {
                events.publish(namespace, "insert", document.get("_id"), null, document);
                ids.add(document.get("_id"));
            }
            return ids;
        }
    }

    private BsonValue update(
            Namespace namespace,
            MongoCollection<BsonDocument> collection,
            Access access,
            Arguments args,
            boolean many) {
        BsonDocument query = args.query("query");
        BsonValue update = supported(args.update("update"));
        boolean upsert = args.optionalBoolean("upsert");
        Optional<List<BsonDocument>> arrayFilters = args.optionalDocuments("arrayFilters");
        synchronized (lock(namespace)) {
            List<BsonDocument> targets = targets(collection, access, query, Optional.empty(), many);
            List<BsonDocument[]> changes = applyEach(
                    namespace,
                    collection,
                    access,
                    targets,
                    "update",
                    id -> updateById(collection, id, update, arrayFilters));
            BsonDocument result = new BsonDocument("matchedCount", new BsonInt32(targets.size()))
                    .append("modifiedCount", new BsonInt32(changes.size()));
            if (targets.isEmpty() && upsert) {
                UpdateOptions options = new UpdateOptions().upsert(true);
                arrayFilters.ifPresent(filters -> options.arrayFilters(new ArrayList<Bson>(filters)));
                UpdateResult upserted = update.isArray()
                        ? collection.updateOne(query, pipeline(update), options)
                        : collection.updateOne(query, update.asDocument(), options);
                BsonValue id = upserted.getUpsertedId();
                if (id != null) {
                    insertedByUpsert(namespace, collection, access, id);
                    result.append("upsertedId", id);
                }
            }
            return result;
        }
    }

    private BsonValue findOneAndModify(
            Namespace namespace,
            MongoCollection<BsonDocument> collection,
            Access access,
            Arguments args,
            boolean replace) {
        BsonDocument filter = args.query("filter");
        BsonValue update = replace ? args.replacement("update") : supported(args.update("update"));
        Optional<BsonDocument> sort = args.optionalDocument("sort");
        Optional<BsonDocument> projection = args.optionalDocument("projection");
        boolean upsert = args.optionalBoolean("upsert");
        boolean returnNew = args.optionalBoolean("returnNewDocument");
        String kind = replace ? "replace" : "update";
        synchronized (lock(namespace)) {
            List<BsonDocument> targets = targets(collection, access, filter, sort, false);
            if (targets.isEmpty()) {
                if (!upsert) {
                    return BsonNull.VALUE;
                }
                BsonDocument inserted = replace
                        ? collection.findOneAndReplace(
                                filter,
                                update.asDocument(),
                                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                        : update.isArray()
                                ? collection.findOneAndUpdate(filter, pipeline(update), upsertAfter())
                                : collection.findOneAndUpdate(filter, update.asDocument(), upsertAfter());
                insertedByUpsert(namespace, collection, access, inserted.get("_id"));
                return returnNew ? shown(access, inserted, projection) : BsonNull.VALUE;
            }
            BsonDocument before = targets.get(0);
            List<BsonDocument[]> changes = applyEach(
                    namespace,
                    collection,
                    access,
                    targets,
                    kind,
                    id -> replace
                            ? collection.findOneAndReplace(
                                    Filters.eq("_id", id),
                                    update.asDocument(),
                                    new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER))
                            : updateById(collection, id, update, Optional.empty()));
            BsonDocument after = changes.isEmpty() ? before : changes.get(0)[1];
            return shown(access, returnNew ? after : before, projection);
        }
    }

    private BsonValue findOneAndDelete(
            Namespace namespace, MongoCollection<BsonDocument> collection, Access access, Arguments args) {
        BsonDocument filter = args.query("filter");
        Optional<BsonDocument> sort = args.optionalDocument("sort");
        Optional<BsonDocument> projection = args.optionalDocument("projection");
        synchronized (lock(namespace)) {
            List<BsonDocument> targets = targets(collection, access, filter, sort, false);
            if (targets.isEmpty()) {
                return BsonNull.VALUE;
            }
            deleteAll(namespace, collection, access, targets);
            return shown(access, targets.get(0), projection);
        }
    }

    private int delete(
            Namespace namespace,
            MongoCollection<BsonDocument> collection,
            Access access,
            BsonDocument query,
            boolean many) {
        synchronized (lock(namespace)) {
            List<BsonDocument> targets = targets(collection, access, query, Optional.empty(), many);
            deleteAll(namespace, collection, access, targets);
            return targets.size();
        }
    }

    private void deleteAll(
            Namespace namespace, MongoCollection<BsonDocument> collection, Access access, List<BsonDocument> targets) {
        for (BsonDocument target : targets) {
            access.checkDelete(target);
        }
        for (BsonDocument target : targets) {
            collection.deleteOne(Filters.eq("_id", target.get("_id")));
            events.publish(namespace, "delete", target.get("_id"), target, null);
        }
    }

    /**
     * The whole documents a write applies to: the first in sort order, or all; documents the caller may not see
     * are not there for it.
     */
    private static List<BsonDocument> targets(
            MongoCollection<BsonDocument> collection,
            Access access,
            BsonDocument query,
            Optional<BsonDocument> sort,
            boolean all) {
        FindIterable<BsonDocument> cursor = collection.find(access.restrict(query));
        sort.ifPresent(cursor::sort);
        if (!all && access == Access.SYSTEM) {
            cursor.limit(1);
        }
        List<BsonDocument> targets = new ArrayList<>();
        try (MongoCursor<BsonDocument> documents = cursor.iterator()) {
            while (documents.hasNext() && (all || targets.isEmpty())) {
                BsonDocument document = documents.next();
                if (access.visible(document).isPresent()) {
                    targets.add(document);
                }
            }
        }
        return targets;
    }

    /**
     * Changes each target by id, checks each change against the rules and publishes the changes; if one is
     * refused, restores every document changed so far and rethrows.
     *
     * @return {@code [before, after]} of each document that changed
     */
    private List<BsonDocument[]> applyEach(
            Namespace namespace,
            MongoCollection<BsonDocument> collection,
            Access access,
            List<BsonDocument> targets,
            String operationType,
            Function<BsonValue, BsonDocument> change) {
        List<BsonDocument[]> changed = new ArrayList<>();
        for (BsonDocument before : targets) {
            BsonDocument after = change.apply(before.get("_id"));
            if (after == null || after.equals(before)) {
                continue;
            }
            changed.add(new BsonDocument[] {before, after});
            try {
                access.checkUpdate(before, after);
            } catch (DataException refused) {
                for (BsonDocument[] undo : changed) {
                    collection.replaceOne(Filters.eq("_id", undo[0].get("_id")), undo[0]);
                }
                throw refused;
            }
        }
        for (BsonDocument[] done : changed) {
            events.publish(namespace, operationType, done[0].get("_id"), done[0], done[1]);
        }
        return changed;
    }

    private void insertedByUpsert(
            Namespace namespace, MongoCollection<BsonDocument> collection, Access access, BsonValue id) {
        BsonDocument inserted = collection.find(Filters.eq("_id", id)).first();
        if (inserted == null) {
            return;
        }
        try {
            access.checkInsert(inserted);
        } catch (DataException refused) {
            collection.deleteOne(Filters.eq("_id", id));
            throw refused;
        }
        events.publish(namespace, "insert", id, null, inserted);
    }

    private static BsonDocument updateById(
            MongoCollection<BsonDocument> collection,
            BsonValue id,
            BsonValue update,
            Optional<List<BsonDocument>> arrayFilters) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        arrayFilters.ifPresent(filters -> options.arrayFilters(new ArrayList<Bson>(filters)));
        return update.isArray()
                ? collection.findOneAndUpdate(Filters.eq("_id", id), pipeline(update), options)
                : collection.findOneAndUpdate(Filters.eq("_id", id), update.asDocument(), options);
    }

    /** The update, unless it is a pipeline, which the embedded store fails on with a cast error of its own. */
    private BsonValue supported(BsonValue update) {
        if (update.isArray() && store.isEmbedded()) {
            throw DataException.invalidParameter(Messages.embeddedStoreLacks("update pipelines"));
        }
        return update;
    }

    private static FindOneAndUpdateOptions upsertAfter() {
        return new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    }

    private static List<Bson> pipeline(BsonValue stages) {
        List<Bson> pipeline = new ArrayList<>();
        stages.asArray().forEach(stage -> pipeline.add(stage.asDocument()));
        return pipeline;
    }

    private static BsonValue shown(Access access, BsonDocument document, Optional<BsonDocument> projection) {
        return access.visible(document)
                .map(visible -> (BsonValue)
                        projection.map(p -> Projection.apply(visible, p)).orElse(visible))
                .orElse(BsonNull.VALUE);
    }

    private static BsonDocument withGeneratedId(BsonDocument document) {
        BsonDocument withId = new BsonDocument("_id", new BsonObjectId());
        withId.putAll(document);
        return withId;
    }

    private static BsonValue first(List<BsonDocument> documents) {
        return documents.isEmpty() ? BsonNull.VALUE : documents.get(0);
    }

    private Object lock(Namespace namespace) {
        return locks.computeIfAbsent(namespace, key -> new Object());
    }

    /** Runs a store call, turning the store's refusals into 400 {@code MongoDBError}s with its message. */
    private static BsonValue translated(Supplier<BsonValue> call) {
        try {
            return call.get();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw DataException.mongo(
                        DataException.duplicateKey(e.getError().getMessage()));
            }
            throw DataException.mongo(e.getError().getMessage());
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                throw DataException.mongo(DataException.duplicateKey(e.getErrorMessage()));
            }
            throw DataException.mongo(e.getErrorMessage());
        } catch (MongoBulkWriteException e) {
            String message = e.getWriteErrors().isEmpty()
                    ? e.getMessage()
                    : e.getWriteErrors().get(0).getMessage();
            throw DataException.mongo(
                    e.getWriteErrors().stream().anyMatch(error -> error.getCode() == 11000)
                            ? DataException.duplicateKey(message)
                            : message);
        } catch (MongoException e) {
            throw DataException.mongo(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DataException.invalidParameter(Messages.invalidArgument(e.getMessage()));
        }
    }
}
