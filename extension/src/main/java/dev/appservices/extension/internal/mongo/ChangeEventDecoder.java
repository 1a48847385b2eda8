package dev.appservices.extension.internal.mongo;

import dev.appservices.mongo.ChangeEvent;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.OperationType;
import dev.appservices.mongo.UpdateDescription;
import java.util.ArrayList;
import java.util.List;
import org.bson.BSONException;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Turns the data of a change event (one canonical Extended JSON document, data-and-sync.md §2) into a
 * {@link ChangeEvent}, the full document decoded into the collection's class. An event without {@code ns} belongs
 * to the watched collection. Immutable and thread-safe.
 */
final class ChangeEventDecoder<T> {

    private final Namespace namespace;
    private final Class<T> documentClass;
    private final CollectionCodec codec;

    ChangeEventDecoder(Namespace namespace, Class<T> documentClass, CollectionCodec codec) {
        this.namespace = namespace;
        this.documentClass = documentClass;
        this.codec = codec;
    }

    Namespace namespace() {
        return namespace;
    }

    /**
     * @throws dev.appservices.ServiceException {@code BAD_BSON_PARSE} if the data is no change event or its document
     *         cannot be decoded
     */
    ChangeEvent<T> decode(String data) {
        BsonDocument event;
        try {
            event = BsonDocument.parse(data);
        } catch (JsonParseException | BSONException e) {
            // no cause: the parser's message quotes the event, which holds the document
            throw MongoMessages.malformedEvent(namespace);
        }
        BsonValue type = event.get("operationType");
        if (type == null || !type.isString()) {
            throw MongoMessages.malformedEvent(namespace);
        }
        BsonValue fullDocument = event.get("fullDocument");
        T document = fullDocument == null || fullDocument.isNull()
                ? null
                : codec.decode(fullDocument, documentClass, "watch");
        BsonValue clusterTime = event.get("clusterTime");
        return new ChangeEvent<>(
                OperationType.fromWireName(type.asString().getValue()),
                eventNamespace(event),
                documentOf(event.get("documentKey")),
                document,
                updateDescription(event.get("updateDescription")),
                clusterTime instanceof BsonTimestamp timestamp ? timestamp : null,
                event);
    }

    private Namespace eventNamespace(BsonDocument event) {
        BsonDocument ns = documentOf(event.get("ns"));
        BsonValue db = ns.get("db");
        BsonValue coll = ns.get("coll");
        return db != null && db.isString() && coll != null && coll.isString()
                ? new Namespace(db.asString().getValue(), coll.asString().getValue())
                : namespace;
    }

    private UpdateDescription updateDescription(BsonValue value) {
        if (value == null || !value.isDocument()) {
            return null;
        }
        BsonDocument description = value.asDocument();
        List<String> removed = new ArrayList<>();
        BsonValue removedFields = description.get("removedFields");
        if (removedFields != null && removedFields.isArray()) {
            for (BsonValue field : removedFields.asArray()) {
                if (field.isString()) {
                    removed.add(field.asString().getValue());
                }
            }
        }
        return new UpdateDescription(documentOf(description.get("updatedFields")), removed);
    }

    private static BsonDocument documentOf(BsonValue value) {
        return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
    }
}
