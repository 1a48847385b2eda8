package dev.appservices.emulator.internal.data;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.appservices.emulator.internal.messages.Messages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Where the data lives, always reached through the official driver: an embedded MongoDB-compatible server
 * (mongo-java-server, in memory or in an H2 file under the data directory) bound to 127.0.0.1 on a free port and
 * never exposed, or a real MongoDB deployment given by its connection string.
 *
 * <p>Thread-safe (the driver's client is). {@link #close()} closes the client, then the embedded server.
 */
public final class MongoStore implements AutoCloseable {

    /** The H2 file the embedded store keeps under the data directory. */
    public static final String DATA_FILE = "emulator-data.mv";

    private final MongoClient client;
    private final Map<Namespace, MongoCollection<BsonDocument>> collections = new ConcurrentHashMap<>();
    private final Optional<MongoServer> embedded;
    private final String description;

    private MongoStore(MongoClient client, Optional<MongoServer> embedded, String description) {
        this.client = client;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Starts the embedded store: in memory, or persistent in {@value #DATA_FILE} under the data directory.
     *
     * @throws dev.appservices.emulator.EmulatorException if it cannot start (e.g. the file is locked by another
     *     process)
     */
    public static MongoStore embedded(Optional<Path> dataDirectory) {
        MongoServer server;
        try {
            MongoBackend backend;
            if (dataDirectory.isPresent()) {
                Files.createDirectories(dataDirectory.get());
                Path file = dataDirectory.get().resolve(DATA_FILE);
                backend = new H2Backend(file.toString());
                restrictToOwner(file);
            } else {
                backend = new CompactMemoryBackend();
            }
            server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (Exception e) {
            throw Messages.embeddedStoreFailed(e);
        }
        InetSocketAddress address = server.getLocalAddress();
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true"))
                .build());
        return new MongoStore(
                client,
                Optional.of(server),
                dataDirectory.map(dir -> "embedded, " + dir.resolve(DATA_FILE)).orElse("embedded, in memory"));
    }

    /**
     * Connects to a MongoDB deployment and checks that it answers.
     *
     * @throws dev.appservices.emulator.EmulatorException for an invalid connection string or a deployment that
     *     does not answer within its {@code serverSelectionTimeoutMS}, ten seconds unless the string sets it
     */
    public static MongoStore remote(String uri) {
        ConnectionString connection = connectionString(uri);
        String redacted = redact(connection);
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        Optional.ofNullable(connection.getServerSelectionTimeout())
                                .orElse(10_000),
                        TimeUnit.MILLISECONDS))
                .build());
        try {
            client.getDatabase("admin").runCommand(new BsonDocument("ping", new BsonInt32(1)));
        } catch (MongoException e) {
            client.close();
            throw Messages.storeUnreachable(redacted, e);
        }
        return new MongoStore(client, Optional.empty(), redacted);
    }

    /**
     * Reads a connection string.
     *
     * @throws dev.appservices.emulator.EmulatorException {@code APPSVC0512} naming what is wrong, without the
     *     string's user information
     */
    public static ConnectionString connectionString(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the connection string, whose user information is a secret
            throw Messages.invalidUri(String.valueOf(e.getMessage())
                    .replace(uri, "<connection string>")
                    .replaceAll("//[^/@\\s]*@", "//…@"));
        }
    }

    /** The collection, with documents as {@link BsonDocument}s so that every BSON type survives unchanged. */
    public MongoCollection<BsonDocument> collection(Namespace namespace) {
        return collections.computeIfAbsent(
                namespace,
                key -> client.getDatabase(key.database()).getCollection(key.collection(), BsonDocument.class));
    }

    public MongoClient client() {
        return client;
    }

    /** Whether this is the embedded store, which lacks some operators and stages of a real MongoDB. */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(MongoServer::shutdownNow);
    }

    /** The file holds the emulator's state too: password hashes and the apps' token signing secrets. */
    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    /** The hosts of a connection string, without user name and password. */
    private static String redact(ConnectionString connection) {
        return "mongodb://" + String.join(",", connection.getHosts());
    }
}
