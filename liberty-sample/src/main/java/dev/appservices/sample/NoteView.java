package dev.appservices.sample;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A note as the page shows it.
 *
 * @param id      the note's {@code _id}, in hex
 * @param ownerId the id of the user who wrote it
 * @param text    the text
 * @param mine    whether the current user wrote it (and so may change it)
 */
public record NoteView(String id, String ownerId, String text, boolean mine) {

    static NoteView of(Document note, String currentUserId) {
        Object id = note.get("_id");
        String ownerId = note.getString(Notes.OWNER_ID);
        return new NoteView(
                id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id),
                ownerId,
                note.getString(Notes.TEXT),
                currentUserId.equals(ownerId));
    }
}
