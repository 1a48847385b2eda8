package dev.appservices.sample;

/**
 * The body of a request that creates an API key, or logs in with one the sample created.
 *
 * @param name  the name of the key to create
 * @param keyId the id of the key to log in with
 */
public record ApiKeyRequest(String name, String keyId) {
}
