package dev.appservices;

import java.util.Optional;

/**
 * A user API key, as returned by {@link ApiKeyAuth}.
 *
 * <p>The secret {@link #key()} is present only in the result of {@link ApiKeyAuth#create(String)}: the server
 * never returns it again. {@link #toString()} never shows it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id       the key id
 * @param name     the name given at creation
 * @param key      the secret key value, present only right after creation
 * @param disabled {@code true} if the key is disabled and cannot be used to log in
 * @since 0.1
 */
public record ApiKey(String id, String name, Optional<String> key, boolean disabled) {

    /**
     * Creates the value.
     *
     * @param id       the key id
     * @param name     the key name
     * @param key      the secret key value, or empty
     * @param disabled whether the key is disabled
     * @throws NullPointerException if {@code id}, {@code name} or {@code key} is null
     */
    public ApiKey {
        ApiMessages.requireNonNull(id, "id");
        ApiMessages.requireNonNull(name, "name");
        ApiMessages.requireNonNull(key, "key");
    }

    /**
     * Describes the key without its secret value.
     *
     * @return id, name, whether a key value is present, and disabled
     */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", key=" + (key.isPresent() ? "***" : "(absent)") + ", disabled="
                + disabled + "]";
    }
}
