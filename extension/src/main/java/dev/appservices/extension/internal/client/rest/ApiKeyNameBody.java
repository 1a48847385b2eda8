package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of an API-key creation.
 *
 * @param name the key name
 */
public record ApiKeyNameBody(@JsonbProperty("name") String name) {}
