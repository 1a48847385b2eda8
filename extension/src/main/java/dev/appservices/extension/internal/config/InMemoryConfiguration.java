package dev.appservices.extension.internal.config;

import dev.appservices.AppConfiguration;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The external configuration when MicroProfile Config is absent: nothing is configured outside the code, only
 * runtime base-URL overrides are kept, in memory.
 */
final class InMemoryConfiguration implements ExternalConfiguration {

    private final Map<String, URI> baseUrlOverrides = new ConcurrentHashMap<>();

    @Override
    public Optional<AppConfiguration> load(String appId) {
        return Optional.empty();
    }

    @Override
    public Optional<URI> baseUrl(String appId) {
        return Optional.ofNullable(baseUrlOverrides.get(appId));
    }

    @Override
    public void overrideBaseUrl(String appId, URI url) {
        if (url == null) {
            baseUrlOverrides.remove(appId);
        } else {
            baseUrlOverrides.put(appId, url);
        }
    }
}
