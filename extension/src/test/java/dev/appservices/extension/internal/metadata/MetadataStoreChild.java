package dev.appservices.extension.internal.metadata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataStoreException;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;

/**
 * The other JVM of {@link MetadataStoreProcessTest}: {@code <directory> <plain|sealed> write} opens the store and
 * writes generation after generation until it is killed; {@code ... hold} opens the store and keeps it until its
 * standard input ends. Prints {@code ready}, {@code committed <generation>}, {@code closed} or {@code error
 * <message>}. Halts by itself after a minute, whatever happens to its parent.
 */
final class MetadataStoreChild {

    static final String APP_ID = "crash";
    static final int USERS = 8;

    private MetadataStoreChild() {
    }

    public static void main(String[] args) throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(2);
        });
        watchdog.setDaemon(true);
        watchdog.start();

        PrintStream out = System.out;
        MetadataStore store;
        try {
            store = MetadataStores.open(APP_ID, configuration(Path.of(args[0]), args[1]), event -> {
            });
        } catch (MetadataStoreException e) {
            out.println("error " + e.getMessage());
            out.flush();
            System.exit(3);
            return;
        }
        if (args[2].equals("hold")) {
            out.println("ready");
            out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our standard input
            }
            store.close();
            out.println("closed");
            out.flush();
            return;
        }
        int generation = generationOf(store.read());
        out.println("ready " + generation);
        out.flush();
        for (int i = 0; i < 100_000; i++) {
            int next = ++generation;
            store.update(current -> generation(next));
            out.println("committed " + next);
            out.flush();
        }
    }

    static MetadataConfiguration configuration(Path directory, String mode) {
        MetadataConfiguration.Builder builder = MetadataConfiguration.builder().directory(directory);
        if (mode.equals("sealed")) {
            builder.mode(MetadataMode.ENCRYPTION).encryptionKey(MetadataFixtures.rawKey(7));
        }
        return builder.build();
    }

    /** Every user of one generation carries its number, so a mix of two generations cannot go unnoticed. */
    static MetadataSnapshot generation(int generation) {
        MetadataSnapshot snapshot = MetadataSnapshot.EMPTY;
        for (int i = 0; i < USERS; i++) {
            String id = "u" + i;
            snapshot = snapshot.withUser(new StoredUser(id, UserState.LOGGED_IN,
                    Optional.of("eyJ.access-" + id + "-" + generation), Optional.of("eyJ.refresh-" + id + "-"
                    + generation), Optional.of("device-" + id), new Document("generation", generation)
                    .append("padding", "p".repeat(4000)), List.of(new UserIdentity(id, "anon-user"))));
        }
        return snapshot.withCurrentUser("u" + generation % USERS);
    }

    /** The generation of a snapshot written by {@link #generation(int)}, 0 for an empty store. */
    static int generationOf(MetadataSnapshot snapshot) {
        return snapshot.users().isEmpty() ? 0 : snapshot.users().get(0).profile().getInteger("generation");
    }
}
