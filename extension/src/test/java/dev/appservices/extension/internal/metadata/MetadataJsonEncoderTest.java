package dev.appservices.extension.internal.metadata;

import static dev.appservices.extension.internal.metadata.MetadataFixtures.loggedIn;
import static dev.appservices.extension.internal.metadata.MetadataFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.appservices.UserState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

/** The encoder that reuses unchanged users' JSON writes what encoding the whole document at once writes. */
class MetadataJsonEncoderTest {

    @Test
    void reusedUsersGiveTheSameBytesAsTheWholeDocument() {
        MetadataJson.Encoder encoder = new MetadataJson.Encoder();
        MetadataSnapshot snapshot = MetadataSnapshot.EMPTY;
        List<UnaryOperator<MetadataSnapshot>> changes = List.of(
                current -> current,
                current -> sample(),
                current -> current.withUser(loggedIn("dan")),
                current -> current.withUser(current.user("ana").orElseThrow().withoutTokens(UserState.LOGGED_OUT)),
                current -> current.withCurrentUser("dan"),
                current -> current.withUser(loggedIn("dan").withoutTokens(UserState.REMOVED)),
                current -> current.withoutUser("bob").withoutUser("ana"),
                current -> MetadataSnapshot.EMPTY);
        for (UnaryOperator<MetadataSnapshot> change : changes) {
            snapshot = change.apply(snapshot);

            byte[] encoded = encoder.encode(snapshot);

            assertArrayEquals(new MetadataJson.Encoder().encode(snapshot), encoded, "reused and fresh JSON");
            assertEquals(asOneDocument(encoded), new String(encoded, StandardCharsets.UTF_8));
            assertEquals(
                    snapshot.users().stream()
                            .filter(user -> user.state() != UserState.REMOVED)
                            .toList(),
                    MetadataJson.decode(encoded, StoredItem.file(Path.of("metadata.json")))
                            .users());
        }
    }

    /** The JSON as {@link Document#toJson} writes the whole document at once. */
    private static String asOneDocument(byte[] json) {
        return Document.parse(new String(json, StandardCharsets.UTF_8))
                .toJson(JsonWriterSettings.builder()
                        .outputMode(JsonMode.RELAXED)
                        .indent(true)
                        .build());
    }
}
