package dev.appservices.it.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolver;
import io.netty.util.AttributeKey;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;

/**
 * Sync management inside the server: two users of the injected App open synced databases of one collection; a
 * local insert of one is uploaded and downloaded by the other, and queried there locally. The archive carries the
 * libraries of the local store (mongo-java-server, Netty, the H2 MVStore), as an application's build would.
 */
@ExtendWith(ArquillianExtension.class)
class SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    @AppServices(id = "shop")
    App shop;

    @Deployment
    static WebArchive deployment() {
        AppDefinition app = Backends.appWithOpenData("shop");
        // the local files go to a directory of this run, not to the default under the server user's home
        Map<String, String> config = Map.of(
                "appservices.shop.base-url",
                Backends.start("sync", app).toString(),
                "appservices.shop.sync.directory",
                temporaryDirectory().toString());
        WebArchive war = Deployments.appWar("sync", config);
        return Deployments.withLibrariesOf(
                war,
                MongoBackend.class,
                MemoryBackend.class,
                MVStore.class,
                Channel.class,
                ByteBuf.class,
                AttributeKey.class,
                AddressResolver.class,
                ByteToMessageDecoder.class,
                SslHandler.class,
                Logger.class);
    }

    @Test
    void aLocalInsertOfOneUserReachesTheSyncedCollectionOfAnother() {
        User ana = shop.logIn(Credentials.anonymous(false));
        User bob = shop.logIn(Credentials.anonymous(false));
        String collection = "orders-" + UUID.randomUUID();
        try (SyncedDatabase anaLocal = open(ana, collection);
                SyncedDatabase bobLocal = open(bob, collection)) {
            SyncedCollection<Document> anaOrders = anaLocal.collection("shop", collection);
            anaOrders.insertOne(new Document("status", "open").append("total", 3));
            assertEquals(1, anaOrders.count(new Document("status", "open")), "queried locally at once");
            assertTrue(anaLocal.session().uploadAllLocalChanges(WAIT));

            assertTrue(bobLocal.session().downloadAllServerChanges(WAIT));
            List<Document> open = bobLocal.collection("shop", collection)
                    .find(new Document("status", "open"))
                    .toList();
            assertEquals(1, open.size());
            assertEquals(3, open.get(0).getInteger("total"));
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("sync-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyncedDatabase open(User user, String collection) {
        return shop.sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", "shop", collection, new Document())
                        .build());
    }
}
