package dev.appservices.extension.internal;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.spi.AppServicesProvider;

/**
 * The implementation behind {@code App.create} and {@code App.getApp}, found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.appservices.spi.AppServicesProvider}. The API instantiates it at every call,
 * so it holds nothing: the App cache is {@link AppRegistry}. Thread-safe.
 */
public final class DefaultAppServicesProvider implements AppServicesProvider {

    @Override
    public App create(AppConfiguration configuration) {
        return AppRegistry.create(configuration);
    }

    @Override
    public App create(String id) {
        return AppRegistry.create(id);
    }

    @Override
    public App getApp(String id) {
        return AppRegistry.get(id);
    }
}
