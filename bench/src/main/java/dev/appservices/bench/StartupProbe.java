package dev.appservices.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import dev.appservices.App;
import dev.appservices.AppServices;

/**
 * Boots Weld SE once in a fresh JVM and prints how long it took: {@code boot} (from before
 * {@link SeContainerInitializer#newInstance()} to the container being ready) and {@code firstUse} (then resolving the
 * App bean of every id given as argument and calling it once, which creates the App; no request is made). Whether
 * the extension takes part is decided by the class path the JVM gets (the container finds it through the service
 * loader): {@link StartupBench} starts this probe with and without it. Discovery is off: the container has this
 * class's one bean, and the extension's beans when it is there.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] ids) {
        long start = System.nanoTime();
        SeContainerInitializer initializer = SeContainerInitializer.newInstance()
                .disableDiscovery()
                .addBeanClasses(Greeter.class);
        try (SeContainer container = initializer.initialize()) {
            long booted = System.nanoTime();
            container.select(Greeter.class).get().greet();
            for (String id : ids) {
                if (!container.select(App.class, AppServices.Literal.of(id)).get().id().equals(id)) {
                    throw new IllegalStateException("wrong App for " + id);
                }
            }
            long used = System.nanoTime();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("boot", booted - start);
            result.put("firstUse", used - booted);
            result.put("apps", ids.length);
            result.put("extension", hasExtension());
            ChildJvm.printResult(result);
        }
    }

    private static boolean hasExtension() {
        try {
            Class.forName("dev.appservices.extension.AppServicesExtension");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The application's own bean, the same in both boots. */
    @ApplicationScoped
    public static class Greeter {
        String greet() {
            return "hello";
        }
    }
}
