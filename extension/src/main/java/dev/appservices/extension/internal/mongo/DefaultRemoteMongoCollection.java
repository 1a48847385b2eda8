package dev.appservices.extension.internal.mongo;

import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.ChangeStream;
import dev.appservices.mongo.DeleteResult;
import dev.appservices.mongo.FindOneAndModifyOptions;
import dev.appservices.mongo.InsertManyResult;
import dev.appservices.mongo.InsertOneResult;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.RemoteFindIterable;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.mongo.UpdateOptions;
import dev.appservices.mongo.UpdateResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A collection of a data service: every operation is one service function call of the same name with one argument
 * document that starts with {@code database} and {@code collection} (data-and-sync.md §1; the key names are the
 * protocol's: {@code query}/{@code project} for finds, {@code filter}/{@code projection} for {@code findOneAnd*}, the
 * replacement under {@code update}). Answers are parsed as Extended JSON and their numbers read whatever their BSON
 * number type. Immutable and thread-safe.
 */
public final class DefaultRemoteMongoCollection<T> implements RemoteMongoCollection<T> {

    private final ServiceCalls calls;
    private final String service;
    private final Namespace namespace;
    private final Class<T> documentClass;
    private final CollectionCodec codec;

    DefaultRemoteMongoCollection(
            ServiceCalls calls, String service, Namespace namespace, Class<T> documentClass, CodecRegistry registry) {
        this.calls = calls;
        this.service = service;
        this.namespace = namespace;
        this.documentClass = documentClass;
        this.codec = new CollectionCodec(namespace, registry);
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    @Override
    public Class<T> documentClass() {
        return documentClass;
    }

    @Override
    public CodecRegistry codecRegistry() {
        return codec.registry();
    }

    @Override
    public <N> RemoteMongoCollection<N> withDocumentClass(Class<N> documentClass) {
        return new DefaultRemoteMongoCollection<>(
                calls, service, namespace, Objects.requireNonNull(documentClass, "documentClass"), codec.registry());
    }

    @Override
    public RemoteMongoCollection<T> withCodecRegistry(CodecRegistry registry) {
        return new DefaultRemoteMongoCollection<>(
                calls, service, namespace, documentClass, Objects.requireNonNull(registry, "registry"));
    }

    // --- count, find, aggregate ---------------------------------------------------------------------------------

    @Override
    public long count(Bson filter, long limit) {
        BsonDocument argument = countArgument(filter, limit);
        BsonValue answer = run("count", argument);
        if (!answer.isNumber()) {
            throw MongoMessages.unreadableAnswer(namespace, "count", "a number was expected");
        }
        return answer.asNumber().longValue();
    }

    @Override
    public CompletionStage<Long> countAsync(Bson filter, long limit) {
        countArgument(filter, limit);
        return async(() -> count(filter, limit));
    }

    private BsonDocument countArgument(Bson filter, long limit) {
        if (limit < 0) {
            throw MongoMessages.negative("the count limit", limit);
        }
        BsonDocument argument = argument().append("query", codec.bson(Objects.requireNonNull(filter, "filter")));
        if (limit > 0) {
            argument.append("limit", new BsonInt64(limit));
        }
        return argument;
    }

    @Override
    public RemoteFindIterable<T> find(Bson filter) {
        return new DefaultFindIterable<>(
                this, documentClass, codec.bson(Objects.requireNonNull(filter, "filter")), null, null, 0);
    }

    /** Runs {@code find} for {@link DefaultFindIterable#toList()}. */
    <R> List<R> find(BsonDocument query, BsonDocument sort, BsonDocument projection, int limit, Class<R> type) {
        return decodeAll(call("find", limited(findArgument(query, sort, projection), limit)), type, "find");
    }

    /**
     * Runs {@code find} and hands the documents on as BSON bytes in chunks of up to {@code chunk}, each as soon as it
     * is read from the answer: a synced database stores one chunk while the next is read.
     *
     * @param sort  the order, or {@code null} for the server's
     * @param limit the most documents, 0 for no limit
     * @return how many documents there were
     */
    public int findRaw(
            BsonDocument query, BsonDocument sort, int limit, int chunk, Consumer<List<RawBsonDocument>> sink) {
        return codec.parseRawDocuments(
                call("find", limited(findArgument(query, sort, null), limit)), "find", chunk, sink);
    }

    private static BsonDocument limited(BsonDocument argument, int limit) {
        if (limit > 0) {
            argument.append("limit", new BsonInt64(limit));
        }
        return argument;
    }

    /** Runs {@code findOne} for {@link DefaultFindIterable#first()}. */
    <R> Optional<R> findOne(BsonDocument query, BsonDocument sort, BsonDocument projection, Class<R> type) {
        return decodeOne(run("findOne", findArgument(query, sort, projection)), type, "findOne");
    }

    private BsonDocument findArgument(BsonDocument query, BsonDocument sort, BsonDocument projection) {
        BsonDocument argument = argument().append("query", query);
        if (projection != null) {
            argument.append("project", projection);
        }
        if (sort != null) {
            argument.append("sort", sort);
        }
        return argument;
    }

    @Override
    public <R> List<R> aggregate(List<? extends Bson> pipeline, Class<R> resultClass) {
        return decodeAll(call("aggregate", aggregateArgument(pipeline, resultClass)), resultClass, "aggregate");
    }

    @Override
    public <R> CompletionStage<List<R>> aggregateAsync(List<? extends Bson> pipeline, Class<R> resultClass) {
        aggregateArgument(pipeline, resultClass);
        return async(() -> aggregate(pipeline, resultClass));
    }

    private BsonDocument aggregateArgument(List<? extends Bson> pipeline, Class<?> resultClass) {
        Objects.requireNonNull(resultClass, "resultClass");
        BsonArray stages = new BsonArray();
        for (Bson stage : Objects.requireNonNull(pipeline, "pipeline")) {
            stages.add(codec.bson(Objects.requireNonNull(stage, "pipeline stage")));
        }
        return argument().append("pipeline", stages);
    }

    // --- insert, update, delete ---------------------------------------------------------------------------------

    @Override
    public InsertOneResult insertOne(T document) {
        return insertOneResult(insertOneArgument(document));
    }

    @Override
    public CompletionStage<InsertOneResult> insertOneAsync(T document) {
        BsonDocument argument = insertOneArgument(document);
        return async(() -> insertOneResult(argument));
    }

    private InsertOneResult insertOneResult(BsonDocument argument) {
        BsonValue id = runForDocument("insertOne", argument).get("insertedId");
        if (id == null) {
            throw MongoMessages.unreadableAnswer(namespace, "insertOne", "it has no insertedId");
        }
        return new InsertOneResult(id);
    }

    private BsonDocument insertOneArgument(T document) {
        return argument().append("document", codec.encode(Objects.requireNonNull(document, "document")));
    }

    @Override
    public InsertManyResult insertMany(List<? extends T> documents) {
        return insertManyResult(insertManyArgument(documents));
    }

    @Override
    public CompletionStage<InsertManyResult> insertManyAsync(List<? extends T> documents) {
        BsonDocument argument = insertManyArgument(documents);
        return async(() -> insertManyResult(argument));
    }

    private BsonDocument insertManyArgument(List<? extends T> documents) {
        if (Objects.requireNonNull(documents, "documents").isEmpty()) {
            throw MongoMessages.nothingToDo(namespace, "insertMany", "document");
        }
        BsonArray encoded = new BsonArray();
        for (T document : documents) {
            encoded.add(codec.encode(Objects.requireNonNull(document, "document")));
        }
        return argument().append("documents", encoded);
    }

    private InsertManyResult insertManyResult(BsonDocument argument) {
        BsonValue ids = runForDocument("insertMany", argument).get("insertedIds");
        if (ids != null && !ids.isArray()) {
            throw MongoMessages.unreadableAnswer(namespace, "insertMany", "insertedIds is not an array");
        }
        return new InsertManyResult(ids == null ? List.of() : ids.asArray().getValues());
    }

    @Override
    public UpdateResult updateOne(Bson filter, Bson update, UpdateOptions options) {
        return updateResult("updateOne", updateArgument(filter, update, options));
    }

    @Override
    public CompletionStage<UpdateResult> updateOneAsync(Bson filter, Bson update, UpdateOptions options) {
        return updateAsync("updateOne", updateArgument(filter, update, options));
    }

    @Override
    public UpdateResult updateMany(Bson filter, Bson update, UpdateOptions options) {
        return updateResult("updateMany", updateArgument(filter, update, options));
    }

    @Override
    public CompletionStage<UpdateResult> updateManyAsync(Bson filter, Bson update, UpdateOptions options) {
        return updateAsync("updateMany", updateArgument(filter, update, options));
    }

    private CompletionStage<UpdateResult> updateAsync(String operation, BsonDocument argument) {
        return async(() -> updateResult(operation, argument));
    }

    private BsonDocument updateArgument(Bson filter, Bson update, UpdateOptions options) {
        Objects.requireNonNull(options, "options");
        BsonDocument argument = argument()
                .append("query", codec.bson(Objects.requireNonNull(filter, "filter")))
                .append("update", codec.bson(Objects.requireNonNull(update, "update")))
                .append("upsert", BsonBoolean.valueOf(options.isUpsert()));
        options.arrayFilters().ifPresent(filters -> {
            BsonArray encoded = new BsonArray();
            filters.forEach(arrayFilter -> encoded.add(codec.bson(arrayFilter)));
            argument.append("arrayFilters", encoded);
        });
        return argument;
    }

    private UpdateResult updateResult(String operation, BsonDocument argument) {
        BsonDocument answer = runForDocument(operation, argument);
        return new UpdateResult(
                count(answer, "matchedCount", operation),
                count(answer, "modifiedCount", operation),
                Optional.ofNullable(answer.get("upsertedId")));
    }

    @Override
    public DeleteResult deleteOne(Bson filter) {
        return deleteResult("deleteOne", deleteArgument(filter));
    }

    @Override
    public CompletionStage<DeleteResult> deleteOneAsync(Bson filter) {
        return deleteAsync("deleteOne", deleteArgument(filter));
    }

    @Override
    public DeleteResult deleteMany(Bson filter) {
        return deleteResult("deleteMany", deleteArgument(filter));
    }

    @Override
    public CompletionStage<DeleteResult> deleteManyAsync(Bson filter) {
        return deleteAsync("deleteMany", deleteArgument(filter));
    }

    private CompletionStage<DeleteResult> deleteAsync(String operation, BsonDocument argument) {
        return async(() -> deleteResult(operation, argument));
    }

    private BsonDocument deleteArgument(Bson filter) {
        return argument().append("query", codec.bson(Objects.requireNonNull(filter, "filter")));
    }

    private DeleteResult deleteResult(String operation, BsonDocument argument) {
        return new DeleteResult(count(runForDocument(operation, argument), "deletedCount", operation));
    }

    // --- findOneAnd… --------------------------------------------------------------------------------------------

    @Override
    public Optional<T> findOneAndUpdate(Bson filter, Bson update, FindOneAndModifyOptions options) {
        return modified("findOneAndUpdate", updateAndFilter(filter, update, options));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndUpdateAsync(
            Bson filter, Bson update, FindOneAndModifyOptions options) {
        return modifiedAsync("findOneAndUpdate", updateAndFilter(filter, update, options));
    }

    @Override
    public Optional<T> findOneAndReplace(Bson filter, T replacement, FindOneAndModifyOptions options) {
        return modified("findOneAndReplace", replacementAndFilter(filter, replacement, options));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndReplaceAsync(
            Bson filter, T replacement, FindOneAndModifyOptions options) {
        return modifiedAsync("findOneAndReplace", replacementAndFilter(filter, replacement, options));
    }

    @Override
    public Optional<T> findOneAndDelete(Bson filter, FindOneAndModifyOptions options) {
        return modified("findOneAndDelete", modifyArgument(filter, null, options));
    }

    @Override
    public CompletionStage<Optional<T>> findOneAndDeleteAsync(Bson filter, FindOneAndModifyOptions options) {
        return modifiedAsync("findOneAndDelete", modifyArgument(filter, null, options));
    }

    private BsonDocument updateAndFilter(Bson filter, Bson update, FindOneAndModifyOptions options) {
        return modifyArgument(filter, codec.bson(Objects.requireNonNull(update, "update")), options);
    }

    /** The replacement travels under {@code update}, as in the SDKs. */
    private BsonDocument replacementAndFilter(Bson filter, T replacement, FindOneAndModifyOptions options) {
        return modifyArgument(filter, codec.encode(Objects.requireNonNull(replacement, "replacement")), options);
    }

    private CompletionStage<Optional<T>> modifiedAsync(String operation, BsonDocument argument) {
        return async(() -> modified(operation, argument));
    }

    /** The argument of a {@code findOneAnd*}: like core, false flags are left out; delete takes no flags. */
    private BsonDocument modifyArgument(Bson filter, BsonDocument update, FindOneAndModifyOptions options) {
        Objects.requireNonNull(options, "options");
        BsonDocument argument = argument().append("filter", codec.bson(Objects.requireNonNull(filter, "filter")));
        if (update != null) {
            argument.append("update", update);
        }
        options.sort().ifPresent(sort -> argument.append("sort", codec.bson(sort)));
        options.projection().ifPresent(projection -> argument.append("projection", codec.bson(projection)));
        if (update != null && options.isUpsert()) {
            argument.append("upsert", BsonBoolean.TRUE);
        }
        if (update != null && options.isReturnNewDocument()) {
            argument.append("returnNewDocument", BsonBoolean.TRUE);
        }
        return argument;
    }

    private Optional<T> modified(String operation, BsonDocument argument) {
        return decodeOne(run(operation, argument), documentClass, operation);
    }

    // --- watch --------------------------------------------------------------------------------------------------

    @Override
    public ChangeStream<T> watch() {
        return BlockingChangeStream.open(watchRequest(argument()));
    }

    @Override
    public ChangeStream<T> watch(Bson filter) {
        return BlockingChangeStream.open(watchRequest(filtered(filter)));
    }

    @Override
    public ChangeStream<T> watchIds(BsonValue... ids) {
        return BlockingChangeStream.open(watchRequest(forIds(ids)));
    }

    @Override
    public CompletionStage<ChangeStream<T>> watchAsync() {
        WatchRequest<T> request = watchRequest(argument());
        return async(() -> BlockingChangeStream.open(request));
    }

    @Override
    public CompletionStage<ChangeStream<T>> watchAsync(Bson filter) {
        WatchRequest<T> request = watchRequest(filtered(filter));
        return async(() -> BlockingChangeStream.open(request));
    }

    @Override
    public CompletionStage<ChangeStream<T>> watchIdsAsync(BsonValue... ids) {
        WatchRequest<T> request = watchRequest(forIds(ids));
        return async(() -> BlockingChangeStream.open(request));
    }

    @Override
    public Flow.Publisher<ChangeEvent<T>> watchPublisher() {
        return new WatchPublisher<>(watchRequest(argument()));
    }

    @Override
    public Flow.Publisher<ChangeEvent<T>> watchPublisher(Bson filter) {
        return new WatchPublisher<>(watchRequest(filtered(filter)));
    }

    @Override
    public Flow.Publisher<ChangeEvent<T>> watchIdsPublisher(BsonValue... ids) {
        return new WatchPublisher<>(watchRequest(forIds(ids)));
    }

    private BsonDocument filtered(Bson filter) {
        return argument().append("filter", codec.bson(Objects.requireNonNull(filter, "filter")));
    }

    private BsonDocument forIds(BsonValue... ids) {
        if (Objects.requireNonNull(ids, "ids").length == 0) {
            throw MongoMessages.nothingToDo(namespace, "watch", "id");
        }
        List<BsonValue> values = new ArrayList<>(Arrays.asList(ids));
        values.forEach(id -> Objects.requireNonNull(id, "id"));
        return argument().append("ids", new BsonArray(values));
    }

    private WatchRequest<T> watchRequest(BsonDocument argument) {
        return new WatchRequest<>(calls, service, argument, new ChangeEventDecoder<>(namespace, documentClass, codec));
    }

    // --- the request and its answer -----------------------------------------------------------------------------

    <R> CompletionStage<R> async(Supplier<R> operation) {
        return calls.async(operation);
    }

    private BsonDocument argument() {
        return new BsonDocument("database", new BsonString(namespace.database()))
                .append("collection", new BsonString(namespace.collection()));
    }

    private BsonValue run(String operation, BsonDocument argument) {
        return codec.parse(call(operation, argument), operation);
    }

    /** Runs an operation; returns its answer's Extended JSON text. */
    private String call(String operation, BsonDocument argument) {
        try {
            return calls.call(service, operation, argument);
        } catch (RuntimeException e) {
            throw MongoMessages.failed(namespace, operation, service, e);
        }
    }

    private BsonDocument runForDocument(String operation, BsonDocument argument) {
        BsonValue answer = run(operation, argument);
        if (!answer.isDocument()) {
            throw MongoMessages.unreadableAnswer(namespace, operation, "a document was expected");
        }
        return answer.asDocument();
    }

    /** A count of an answer: any number type (the protocol says Int32, servers differ); absent counts are 0. */
    private long count(BsonDocument answer, String key, String operation) {
        BsonValue value = answer.get(key);
        if (value == null) {
            return 0;
        }
        if (!value.isNumber()) {
            throw MongoMessages.unreadableAnswer(namespace, operation, key + " is not a number");
        }
        return value.asNumber().longValue();
    }

    @SuppressWarnings("unchecked") // R is RawBsonDocument
    private <R> List<R> decodeAll(String text, Class<R> type, String operation) {
        if (type == RawBsonDocument.class) {
            return (List<R>) codec.parseRawDocuments(text, operation);
        }
        BsonValue answer = codec.parse(text, operation);
        if (!answer.isArray()) {
            throw MongoMessages.unreadableAnswer(namespace, operation, "an array was expected");
        }
        List<R> documents = new ArrayList<>(answer.asArray().size());
        for (BsonValue document : answer.asArray()) {
            documents.add(codec.decode(document, type, operation));
        }
        return List.copyOf(documents);
    }

    private <R> Optional<R> decodeOne(BsonValue answer, Class<R> type, String operation) {
        return answer.isNull() ? Optional.empty() : Optional.of(codec.decode(answer, type, operation));
    }

    @Override
    public String toString() {
        return "RemoteMongoCollection[" + namespace + ", service=" + service + ", documentClass="
                + documentClass.getName() + "]";
    }
}
