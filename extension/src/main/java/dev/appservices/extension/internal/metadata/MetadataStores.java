package dev.appservices.extension.internal.metadata;

import java.util.function.Consumer;

import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataResetEvent;
import dev.appservices.MetadataStoreException;

/**
 * Opens the metadata store an App's configuration asks for.
 */
public final class MetadataStores {

    private MetadataStores() {
    }

    /**
     * Opens the store of one App.
     *
     * @param appId         the App id (the store of a persisted mode lives in {@code <directory>/<appId>/})
     * @param configuration the metadata settings of the App
     * @param onReset       told when an unreadable store was replaced by an empty one (policy {@code RESET})
     * @return the open store
     * @throws MetadataStoreException if a persisted store cannot be opened
     */
    public static MetadataStore open(String appId, MetadataConfiguration configuration,
            Consumer<MetadataResetEvent> onReset) {
        switch (configuration.mode()) {
            case IN_MEMORY:
                return new InMemoryMetadataStore();
            default:
                throw new MetadataStoreException("APPSVC0399: metadata mode " + configuration.mode()
                        + " of App '" + appId + "' is not available in this build", configuration.directory());
        }
    }
}
