package dev.appservices.spi;

import dev.appservices.App;
import dev.appservices.AppConfiguration;

/**
 * The service provider behind the static factories of {@link App}: an implementation registers one class in
 * {@code META-INF/services/dev.appservices.spi.AppServicesProvider}, and {@link App#create(AppConfiguration)},
 * {@link App#create(String)} and {@link App#getApp(String)} delegate to it.
 *
 * <p>The provider is looked up with {@link java.util.ServiceLoader}, first through the thread context class loader
 * and then through the class loader of {@link App}, on every call; it is not cached by the API, so each application
 * (class loader) of an application server reaches its own provider. A provider therefore keeps its App cache itself
 * (one App per id per application) and must be cheap to instantiate.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 *
 * @since 0.1
 */
public interface AppServicesProvider {

    /**
     * Implements {@link App#create(AppConfiguration)}: returns the cached App of {@code configuration.id()}, or
     * creates and caches one from {@code configuration}.
     *
     * @param configuration the configuration, never null
     * @return the App of that id
     * @throws dev.appservices.AppServicesException if the App cannot be created (for example the metadata store
     *         cannot be opened)
     */
    App create(AppConfiguration configuration);

    /**
     * Implements {@link App#create(String)}: returns the cached App of {@code id}, or creates one from the
     * MicroProfile Config keys of that id (defaults when no key is set).
     *
     * @param id the app id, never null
     * @return the App of that id
     * @throws IllegalArgumentException if the id is malformed or reserved
     * @throws dev.appservices.AppServicesConfigException if a configuration value of that id is invalid
     */
    App create(String id);

    /**
     * Implements {@link App#getApp(String)}: returns the cached App of {@code id}, or creates it when the
     * configuration knows the id.
     *
     * @param id the app id, never null
     * @return the App of that id
     * @throws IllegalArgumentException if the id is malformed or reserved
     * @throws dev.appservices.AppServicesConfigException if the id is neither cached nor configured, or a
     *         configuration value of that id is invalid
     */
    App getApp(String id);
}
