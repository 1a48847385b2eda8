package dev.appservices.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /sample/api/notes} and {@code PUT /sample/api/notes/{id}}.
 *
 * @param text the note's text
 */
public record NoteRequest(@NotBlank String text) {}
