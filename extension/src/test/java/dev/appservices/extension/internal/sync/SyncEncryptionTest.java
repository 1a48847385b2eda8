package dev.appservices.extension.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.EncryptionKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import dev.appservices.extension.internal.client.AppPerTest;
import dev.appservices.extension.internal.mongo.MongoTestBackend;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local data is encrypted at rest exactly when the App's metadata is, with the metadata store's keys. */
class SyncEncryptionTest {

    private static final String APP_ID = "sync-encryption-test";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = MongoTestBackend.emulator(APP_ID);

    @RegisterExtension
    final AppPerTest testApp = AppPerTest.on(EMULATOR, APP_ID);

    @Test
    void withEncryptedMetadataTheLocalFileHoldsNoPlaintextAndReopens() throws IOException {
        Path directory = SyncTest.tempDirectory();
        byte[] raw = new byte[EncryptionKey.LENGTH];
        new SecureRandom().nextBytes(raw);
        App app = testApp.reopen(builder -> builder.metadata(MetadataConfiguration.builder()
                .mode(MetadataMode.ENCRYPTION)
                .directory(directory)
                .encryptionKey(EncryptionKey.of(raw))
                .build()));
        String secret = "secret-" + UUID.randomUUID();

        Path file = writeAndClose(app, secret);

        assertFalse(contains(file, secret), "the file holds no plaintext");
        assertTrue(Files.exists(file.resolveSibling("default.mv.db.key")));
        User user = app.currentUser().orElseThrow();
        try (SyncedDatabase local = open(app, user)) {
            assertEquals(1, local.collection(MongoTestBackend.DATABASE, "notes").count(new Document("text", secret)));
        }
    }

    @Test
    void withPlainMetadataTheLocalFileIsPlain() throws IOException {
        App app = testApp.reopen(builder -> builder.syncDirectory(SyncTest.tempDirectory()));
        String secret = "secret-" + UUID.randomUUID();

        Path file = writeAndClose(app, secret);

        assertTrue(contains(file, secret));
    }

    private static Path writeAndClose(App app, String secret) {
        User user = app.logIn(Credentials.anonymous(false));
        try (SyncedDatabase local = open(app, user)) {
            local.session().pause();
            local.collection(MongoTestBackend.DATABASE, "notes").insertOne(new Document("text", secret));
        }
        Path root = app.configuration()
                .syncDirectory()
                .orElse(app.configuration()
                        .metadata()
                        .directory()
                        .resolve(APP_ID)
                        .resolve("sync"));
        return root.resolve(user.id()).resolve("default.mv.db");
    }

    private static SyncedDatabase open(App app, User user) {
        return app.sync()
                .open(SyncConfiguration.builder(user)
                        .subscription("all", MongoTestBackend.DATABASE, "notes", new Document())
                        .build());
    }

    private static boolean contains(Path file, String text) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}
