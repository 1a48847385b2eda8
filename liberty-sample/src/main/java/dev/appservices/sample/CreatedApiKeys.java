package dev.appservices.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of the API keys the sample created, by key id, so that the page can log in with a key without the
 * secret ever leaving the server. The backend shows a key's secret only once, in the answer that creates it; these
 * are kept in memory only and are gone when the application stops. Thread-safe.
 */
@ApplicationScoped
public class CreatedApiKeys {

    private final Map<String, String> secretsByKeyId = new ConcurrentHashMap<>();

    /** Keeps the secret of a key that was just created. */
    void remember(String keyId, String secret) {
        secretsByKeyId.put(keyId, secret);
    }

    Optional<String> secret(String keyId) {
        return Optional.ofNullable(secretsByKeyId.get(keyId));
    }

    boolean knows(String keyId) {
        return secretsByKeyId.containsKey(keyId);
    }

    @Override
    public String toString() {
        return "CreatedApiKeys[" + secretsByKeyId.size() + " keys]";
    }
}
