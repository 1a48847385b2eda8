package dev.appservices.emulator;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * A MongoDB-compatible server on its own, reached over the wire protocol like a real deployment: the embedded
 * store's server (mongo-java-server) started apart from any emulator, so that several emulators can share it.
 */
final class StandaloneStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;

    StandaloneStore() {
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        this.uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?directConnection=true";
    }

    /** The connection string emulators get as {@code --mongodb-uri}. */
    String uri() {
        return uri;
    }

    /** The builder of an emulator of the app on this store, as {@code --mongodb-uri} makes one. */
    AppServicesEmulator.Builder emulator(AppDefinition app) {
        return AppServicesEmulator.builder().app(app).mongodbUri(uri);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
