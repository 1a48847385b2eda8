package dev.appservices.sample;

import dev.appservices.ApiKey;

/**
 * An API key of the current user as the page shows it: never its secret.
 *
 * @param id               the key id
 * @param name             the key name
 * @param disabled         whether logins with the key are refused
 * @param usableForLogin   whether the sample knows the secret (it created the key since the server started), so that
 *                         it can log in with it
 */
public record ApiKeyView(String id, String name, boolean disabled, boolean usableForLogin) {

    static ApiKeyView of(ApiKey key, boolean usableForLogin) {
        return new ApiKeyView(key.id(), key.name(), key.disabled(), usableForLogin);
    }
}
