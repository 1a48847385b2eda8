package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.EncryptionKey;
import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Users, snapshots and secret checks shared by the metadata store tests. */
final class MetadataFixtures {

    /** Part of every token of these tests, so that a leak of any of them is found by one search. */
    static final String TOKEN_MARK = "SECRET-TOKEN";

    static final String APP_ID = "orders";

    private MetadataFixtures() {}

    static StoredUser loggedIn(String id) {
        return new StoredUser(
                id,
                UserState.LOGGED_IN,
                Optional.of("eyJ." + TOKEN_MARK + "-access-" + id),
                Optional.of("eyJ." + TOKEN_MARK + "-refresh-" + id),
                Optional.of("device-" + id),
                profile(id),
                List.of(new UserIdentity("identity-" + id, "local-userpass"), new UserIdentity(id, "anon-user")));
    }

    /** A profile with values of several BSON types, which must come back with the same types. */
    static Document profile(String id) {
        return new Document("name", "User " + id)
                .append("email", id + "@example.com")
                .append("min_age", 18)
                .append("big", 1L << 40)
                .append("ratio", 1.5)
                .append("since", new Date(1_700_000_000_000L))
                .append("tags", List.of("a", 2))
                .append("nested", new Document("deep", new Document("flag", true)));
    }

    /** Ana logged in and current, Bob logged out, Cid removed. */
    static MetadataSnapshot sample() {
        return MetadataSnapshot.EMPTY
                .withUser(loggedIn("ana"))
                .withUser(loggedIn("bob").withoutTokens(UserState.LOGGED_OUT))
                .withUser(loggedIn("cid").withoutTokens(UserState.REMOVED))
                .withCurrentUser("ana");
    }

    /** What a restart brings back of {@link #sample()}: removed users are not persisted. */
    static MetadataSnapshot sampleAfterRestart() {
        return MetadataSnapshot.EMPTY
                .withUser(loggedIn("ana"))
                .withUser(loggedIn("bob").withoutTokens(UserState.LOGGED_OUT))
                .withCurrentUser("ana");
    }

    static EncryptionKey rawKey(int seed) {
        byte[] bytes = new byte[EncryptionKey.LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return EncryptionKey.of(bytes);
    }

    /** Fails if {@code text} contains a token, one of the passwords, or one of the keys in any usual encoding. */
    static void assertNoSecrets(String text, List<String> passwords, List<byte[]> keys) {
        assertFalse(text.contains(TOKEN_MARK), () -> "token in: " + text);
        for (String password : passwords) {
            assertFalse(text.contains(password), () -> "password in: " + text);
        }
        for (byte[] key : keys) {
            String base64 = Base64.getEncoder().encodeToString(key);
            String hex = HexFormat.of().formatHex(key);
            assertFalse(
                    text.contains(base64)
                            || text.contains(hex.substring(0, 16))
                            || text.toLowerCase().contains(hex.substring(0, 16)),
                    () -> "key in: " + text);
        }
    }

    /** The message and the whole cause chain, as a log line with a stack trace would show them. */
    static String describe(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a store's file would hold if the store were opened now: the newest record of its journal, if it has
     * one, else the file's bytes.
     */
    static byte[] durableContent(Path storeFile) {
        Path journal = storeFile.resolveSibling(storeFile.getFileName() + StoreJournal.SUFFIX);
        Optional<byte[]> newest =
                Files.exists(journal) ? StoreJournal.newestRecord(readBytes(journal), journal) : Optional.empty();
        return newest.orElseGet(() -> readBytes(storeFile));
    }

    static void assertUnchanged(byte[] before, Path file) {
        assertTrue(Files.exists(file), () -> file + " is gone");
        assertArrayEquals(before, readBytes(file), () -> file + " was changed");
    }
}
