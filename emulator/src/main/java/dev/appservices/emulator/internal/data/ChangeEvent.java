package dev.appservices.emulator.internal.data;

import java.util.HexFormat;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * One committed write, as a change stream reports it. {@link #before()} is the document before the write (for
 * rule checks of watchers; never sent).
 *
 * @param sequence the position in the emulator's commit order
 * @param namespace where the write happened
 * @param operationType {@code insert}, {@code update}, {@code replace} or {@code delete}
 * @param documentId the document's {@code _id}
 * @param before the document before the write, or {@code null} for an insert
 * @param after the document after the write, or {@code null} for a delete
 */
public record ChangeEvent(
        long sequence,
        BsonTimestamp clusterTime,
        Namespace namespace,
        String operationType,
        BsonValue documentId,
        BsonDocument before,
        BsonDocument after) {

    /** Writes the sequence of a resume token: 16 lowercase hex digits, without a {@code Formatter} per event. */
    private static final HexFormat HEX = HexFormat.of();

    /** The event as sent to watchers, with {@code fullDocument} replaced by what the watcher may see. */
    public BsonDocument toDocument(BsonDocument visibleDocument) {
        BsonDocument event = new BsonDocument()
                .append("_id", new BsonDocument("_data", new BsonString(HEX.toHexDigits(sequence))))
                .append("operationType", new BsonString(operationType))
                .append("clusterTime", clusterTime)
                .append(
                        "ns",
                        new BsonDocument("db", new BsonString(namespace.database()))
                                .append("coll", new BsonString(namespace.collection())))
                .append("documentKey", new BsonDocument("_id", documentId));
        if (visibleDocument != null) {
            event.append("fullDocument", visibleDocument);
        }
        if (operationType.equals("update")) {
            event.append("updateDescription", updateDescription(visibleDocument));
        }
        return event;
    }

    /** Top-level fields set or removed by the update, limited to the fields the watcher may see. */
    private BsonDocument updateDescription(BsonDocument visibleDocument) {
        BsonDocument updated = new BsonDocument();
        BsonArray removed = new BsonArray();
        for (Map.Entry<String, BsonValue> field : after.entrySet()) {
            if (!field.getValue().equals(before.get(field.getKey()))
                    && visibleDocument != null
                    && visibleDocument.containsKey(field.getKey())) {
                updated.append(field.getKey(), field.getValue());
            }
        }
        for (String field : before.keySet()) {
            if (!after.containsKey(field)) {
                removed.add(new BsonString(field));
            }
        }
        return new BsonDocument("updatedFields", updated)
                .append("removedFields", removed)
                .append("truncatedArrays", new BsonArray());
    }
}
