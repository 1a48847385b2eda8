package dev.appservices.extension.internal.sync;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.Credentials;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.User;
import dev.appservices.sync.SyncConfiguration;
import dev.appservices.sync.SyncedCollection;
import dev.appservices.sync.SyncedDatabase;
import java.net.URI;
import java.nio.file.Path;
import org.bson.Document;

/**
 * The client JVM that {@link SyncKillTest} kills: it logs in, then inserts numbered documents into a synced collection
 * one local transaction at a time while its session uploads them, printing {@code committed <n>} after each.
 * Arguments: base URL, metadata directory, sync directory, collection, count.
 */
public final class SyncChild {

    static final String APP_ID = "sync-kill-test";
    static final String DATABASE = "shop";

    private SyncChild() {}

    static App app(URI baseUrl, Path metadata, Path sync) {
        return App.create(AppConfiguration.builder(APP_ID)
                .baseUrl(baseUrl)
                .syncDirectory(sync)
                .metadata(MetadataConfiguration.builder()
                        .mode(MetadataMode.NO_ENCRYPTION)
                        .directory(metadata)
                        .build())
                .build());
    }

    static SyncConfiguration configuration(User user, String collection) {
        return SyncConfiguration.builder(user)
                .subscription("all", DATABASE, collection, new Document())
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        App app = app(URI.create(args[0]), Path.of(args[1]), Path.of(args[2]));
        User user = app.logIn(Credentials.anonymous(false));
        SyncedDatabase local = app.sync().open(configuration(user, args[3]));
        SyncedCollection<Document> numbers = local.collection(DATABASE, args[3]);
        System.out.println("ready " + user.id());
        int count = Integer.parseInt(args[4]);
        for (int n = 1; n <= count; n++) {
            numbers.insertOne(new Document("n", n));
            System.out.println("committed " + n);

            Thread.sleep(2);
        }
        System.out.println("done");
        Thread.sleep(Long.MAX_VALUE);
    }
}
