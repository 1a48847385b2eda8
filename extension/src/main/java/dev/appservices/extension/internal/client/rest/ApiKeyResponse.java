package dev.appservices.extension.internal.client.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * An API key as the server describes it; {@code _id}, {@code name} and {@code disabled} are required, {@code key}
 * is present only in the answer to a creation.
 *
 * @param id       the key id, a 24-digit hex string
 * @param key      the secret key value, or null
 * @param name     the key name
 * @param disabled whether the key is disabled
 */
public record ApiKeyResponse(
        @JsonbProperty("_id") String id,
        @JsonbProperty("key") String key,
        @JsonbProperty("name") String name,
        @JsonbProperty("disabled") Boolean disabled) {

    /** Never shows the key value. */
    @Override
    public String toString() {
        return "ApiKeyResponse[id=" + id + ", name=" + name + ", disabled=" + disabled + "]";
    }
}
