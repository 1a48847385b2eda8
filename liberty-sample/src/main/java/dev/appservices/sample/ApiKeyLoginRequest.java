package dev.appservices.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of a login with an API key the sample created.
 *
 * @param keyId the id of the key to log in with
 */
public record ApiKeyLoginRequest(@NotBlank String keyId) {}
