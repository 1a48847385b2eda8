package dev.appservices.extension.internal.sync;

import dev.appservices.mongo.Namespace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Applies a page of a download in the chunks its parser hands on, each in a local transaction of its own on the App's
 * executor, after the one before it, while the session's thread parses the next. Parsing the answer and writing the
 * local file cost about the same, so on two cores a page takes little more than either. One per page, fed by one
 * thread (which also fills {@code seen}); {@link #finish()} waits for the last chunk.
 */
final class PageApply implements Consumer<List<RawBsonDocument>> {

    private final SyncedData data;
    private final Namespace namespace;
    private final Set<BsonValue> seen;
    private final Function<Supplier<Void>, CompletionStage<Void>> executor;
    private CompletableFuture<Void> applied = CompletableFuture.completedFuture(null);
    private BsonValue lastId;

    /**
     * @param seen     where the ids read go, or {@code null} when they do not matter
     * @param executor runs a chunk's transaction
     */
    PageApply(
            SyncedData data,
            Namespace namespace,
            Set<BsonValue> seen,
            Function<Supplier<Void>, CompletionStage<Void>> executor) {
        this.data = data;
        this.namespace = namespace;
        this.seen = seen;
        this.executor = executor;
    }

    @Override
    public void accept(List<RawBsonDocument> chunk) {
        // the ids are read here, on the parser's thread: the local writes are the slower half of the pipeline
        Map<BsonValue, BsonDocument> states = new LinkedHashMap<>(chunk.size() * 4 / 3 + 1);
        for (RawBsonDocument document : chunk) {
            lastId = LocalStore.idOf(document);
            states.put(lastId, document);
        }
        if (seen != null) {
            seen.addAll(states.keySet());
        }
        applied = applied.thenCompose(done -> executor.apply(() -> {
            data.applyServer(namespace, states);
            return null;
        }));
    }

    /**
     * Waits until every chunk is applied.
     *
     * @return the id of the last document read, {@code null} if there was none
     * @throws RuntimeException what applying a chunk threw
     */
    BsonValue finish() {
        try {
            applied.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return lastId;
    }
}
