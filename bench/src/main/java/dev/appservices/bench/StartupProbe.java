package dev.appservices.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.appservices.App;
import dev.appservices.AppServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Boots Weld SE once in a fresh JVM and prints how long it took: {@code boot} (from before
 * {@link SeContainerInitializer#newInstance()} to the container being ready), {@code bootCpu} (the CPU time all the
 * JVM's threads used meanwhile, which a busy machine disturbs less than the elapsed time) and {@code firstUse} (then
 * resolving the App bean of every id given as argument and calling it once, which creates the App; no request is
 * made). Whether
 * the extension takes part is decided by the class path the JVM gets: {@link StartupBench} starts this probe with
 * and without it, and the probe adds it to the container when it is there (by name, so that this class loads without
 * it). Discovery is off: the container has this class's one bean, and the extension's beans when it is there.
 */
public final class StartupProbe {

    private static final String EXTENSION = "dev.appservices.extension.AppServicesExtension";
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private StartupProbe() {}

    public static void main(String[] ids) throws ReflectiveOperationException {
        long start = System.nanoTime();
        long startCpu = CPU.getProcessCpuTime();
        SeContainerInitializer initializer =
                SeContainerInitializer.newInstance().disableDiscovery().addBeanClasses(Greeter.class);
        extension().ifPresent(initializer::addExtensions);
        try (SeContainer container = initializer.initialize()) {
            long booted = System.nanoTime();
            long bootedCpu = CPU.getProcessCpuTime();
            container.select(Greeter.class).get().greet();
            for (String id : ids) {
                if (!container
                        .select(App.class, AppServices.Literal.of(id))
                        .get()
                        .id()
                        .equals(id)) {
                    throw new IllegalStateException("wrong App for " + id);
                }
            }
            long used = System.nanoTime();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("boot", booted - start);
            result.put("bootCpu", bootedCpu - startCpu);
            result.put("firstUse", used - booted);
            result.put("apps", ids.length);
            result.put("extension", extension().isPresent());
            ChildJvm.printResult(result);
        }
    }

    /** The extension, if it is on the class path; Weld SE with discovery off loads no extension by itself. */
    private static Optional<Extension> extension() throws ReflectiveOperationException {
        try {
            return Optional.of(
                    (Extension) Class.forName(EXTENSION).getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
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
