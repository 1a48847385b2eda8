package dev.appservices.extension.internal.metadata;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataStoreException;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The other JVM of {@link MetadataStoreProcessTest}: {@code <directory> <plain|sealed> write} opens the store and
 * writes generation after generation until it is killed; {@code ... write-concurrently} does so from
 * {@value #WRITERS} threads at once, each with its own user; {@code ... hold} opens the store and keeps it until its
 * standard input ends. Prints {@code ready}, {@code committed <generation>}, {@code closed} or {@code error
 * <message>}. Halts by itself after a minute, whatever happens to its parent.
 */
final class MetadataStoreChild {

    static final String APP_ID = "crash";
    static final int USERS = 8;
    static final int WRITERS = 4;

    private MetadataStoreChild() {}

    public static void main(String[] args) throws IOException {
        ChildJvm.haltAfter(Duration.ofSeconds(60));

        PrintStream out = System.out;
        MetadataStore store;
        try {
            store = MetadataStores.open(APP_ID, configuration(Path.of(args[0]), args[1]), event -> {});
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
        if (args[2].equals("write-concurrently")) {
            writeConcurrently(store, out);
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

    /**
     * {@value #WRITERS} threads, each updating its own user ({@code w<n>}) generation after generation; prints
     * {@code committed w<n> <generation>} after each update returned.
     */
    private static void writeConcurrently(MetadataStore store, PrintStream out) {
        MetadataSnapshot start = store.read();
        out.println("ready");
        out.flush();
        for (int w = 0; w < WRITERS; w++) {
            String id = "w" + w;
            int first = start.user(id)
                    .map(user -> user.profile().getInteger("generation"))
                    .orElse(0);
            new Thread(
                            () -> {
                                for (int generation = first + 1; generation < first + 100_000; generation++) {
                                    StoredUser user = writerUser(id, generation);
                                    store.update(current -> current.withUser(user));
                                    // one println is one write of a whole line, whichever thread prints
                                    out.println("committed " + id + " "
                                            + user.profile().getInteger("generation"));
                                }
                            },
                            id)
                    .start();
        }
    }

    /** A user of a concurrent writer: its tokens and its profile carry the generation. */
    static StoredUser writerUser(String id, int generation) {
        return new StoredUser(
                id,
                UserState.LOGGED_IN,
                Optional.of("eyJ.access-" + id + "-" + generation),
                Optional.of("eyJ.refresh-" + id + "-" + generation),
                Optional.empty(),
                new Document("generation", generation),
                List.of(new UserIdentity(id, "anon-user")));
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
            snapshot = snapshot.withUser(new StoredUser(
                    id,
                    UserState.LOGGED_IN,
                    Optional.of("eyJ.access-" + id + "-" + generation),
                    Optional.of("eyJ.refresh-" + id + "-" + generation),
                    Optional.of("device-" + id),
                    new Document("generation", generation).append("padding", "p".repeat(4000)),
                    List.of(new UserIdentity(id, "anon-user"))));
        }
        return snapshot.withCurrentUser("u" + generation % USERS);
    }

    /** The generation of a snapshot written by {@link #generation(int)}, 0 for an empty store. */
    static int generationOf(MetadataSnapshot snapshot) {
        return snapshot.users().isEmpty()
                ? 0
                : snapshot.users().get(0).profile().getInteger("generation");
    }
}
