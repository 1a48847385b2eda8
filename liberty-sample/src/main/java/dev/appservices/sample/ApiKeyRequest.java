package dev.appservices.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of a request that creates an API key.
 *
 * @param name the name of the key to create
 */
public record ApiKeyRequest(@NotBlank String name) {}
