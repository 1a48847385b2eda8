package dev.appservices.extension.internal.mongo;

import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The emulator app the remote MongoDB tests use, and their document types (public, as the BSON library's record and
 * POJO codecs require). Database {@code shop}: every collection may be read and written by everyone, except
 * {@code owned}, whose documents only their owner ({@code owner_id}) may change.
 */
public final class MongoTestBackend {

    public static final String SERVICE = "mongodb-atlas";
    public static final String DATABASE = "shop";
    /** The heartbeat of the test emulator's watch streams: short, so that tests see comments on the wire. */
    public static final Duration HEARTBEAT = Duration.ofMillis(200);

    private MongoTestBackend() {}

    /** An emulator with the app {@code appId} as described above, and short heartbeats. */
    public static EmulatorExtension emulator(String appId) {
        return EmulatorExtension.create(
                builder -> builder.watchHeartbeat(HEARTBEAT).app(app(appId)));
    }

    /** The app {@code appId} as described above. */
    public static AppDefinition app(String appId) {
        BsonDocument everyone = BsonDocument.parse("{\"roles\": [{\"name\": \"everyone\", \"apply_when\": {},"
                + " \"read\": true, \"write\": true, \"insert\": true, \"delete\": true, \"search\": true}]}");
        BsonDocument owned = BsonDocument.parse("{\"database\": \"" + DATABASE + "\", \"collection\": \"owned\","
                + " \"roles\": [{\"name\": \"ownerWrites\", \"apply_when\": {},"
                + " \"document_filters\": {\"read\": true, \"write\": {\"owner_id\": \"%%user.id\"}},"
                + " \"read\": true, \"write\": {\"owner_id\": \"%%user.id\"},"
                + " \"insert\": true, \"delete\": true, \"search\": true}], \"filters\": []}");
        return AppDefinition.builder(appId)
                .anonymousAuth()
                .emailPasswordAuth(true)
                .mongodb(SERVICE, List.of(owned), everyone)
                .build();
    }

    /** An order as a record, with its id mapped to {@code _id}. */
    public record Order(@BsonId ObjectId id, String status, long total, Decimal128 price, List<String> tags) {}

    /** An order as a POJO in the bean style. */
    public static final class OrderBean {
        @BsonId
        private ObjectId id;

        private String status;
        private int total;

        public OrderBean() {}

        public OrderBean(ObjectId id, String status, int total) {
            this.id = id;
            this.status = status;
            this.total = total;
        }

        public ObjectId getId() {
            return id;
        }

        public void setId(ObjectId id) {
            this.id = id;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public int getTotal() {
            return total;
        }

        public void setTotal(int total) {
            this.total = total;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OrderBean that
                    && Objects.equals(id, that.id)
                    && Objects.equals(status, that.status)
                    && total == that.total;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, status, total);
        }

        @Override
        public String toString() {
            return "OrderBean[" + id + ", " + status + ", " + total + "]";
        }
    }
}
