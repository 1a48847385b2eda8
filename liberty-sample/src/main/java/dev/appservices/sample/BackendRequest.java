package dev.appservices.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of a request that switches the backend of App {@code sample} at run time.
 *
 * @param baseUrl the base URL of an App Services–compatible backend
 */
public record BackendRequest(@NotBlank String baseUrl) {}
