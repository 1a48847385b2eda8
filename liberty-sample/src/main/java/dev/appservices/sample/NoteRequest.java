package dev.appservices.sample;

/**
 * The body of {@code POST /sample/api/notes} and {@code PUT /sample/api/notes/{id}}.
 *
 * @param text the note's text
 */
public record NoteRequest(String text) {
}
