package dev.appservices;

import dev.appservices.spi.AppServicesProvider;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link AppServicesProvider} for the static factories of {@link App}. Nothing is cached: in an
 * application server each application has its own class loader and must reach its own provider, and a static cache
 * here would pin the first application's loader.
 */
final class ProviderLookup {

    private ProviderLookup() {}

    /** The provider seen by the thread context class loader, else by the class loader of {@link App}. */
    static AppServicesProvider provider() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = App.class.getClassLoader();
        if (context != null) {
            AppServicesProvider found = first(context);
            if (found != null) {
                return found;
            }
        }
        if (own != context) {
            AppServicesProvider found = first(own);
            if (found != null) {
                return found;
            }
        }
        throw ApiMessages.noImplementation();
    }

    private static AppServicesProvider first(ClassLoader loader) {
        try {
            Iterator<AppServicesProvider> providers =
                    ServiceLoader.load(AppServicesProvider.class, loader).iterator();
            return providers.hasNext() ? providers.next() : null;
        } catch (ServiceConfigurationError e) {
            throw ApiMessages.brokenImplementation(e);
        }
    }
}
