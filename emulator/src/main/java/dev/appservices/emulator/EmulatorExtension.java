package dev.appservices.emulator;

import dev.appservices.emulator.internal.messages.Messages;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that starts one {@link AppServicesEmulator} per test class and closes it after the class.
 * Test and lifecycle methods receive it as a parameter of type {@link AppServicesEmulator}, {@link EmulatorAdmin} or
 * {@link URI} (the base URL); {@code @Nested} classes share their outer class's emulator.
 *
 * <p>Two ways to register it:
 * <pre>{@code
 * // apps from code, on a static field (the getters work from the field, too)
 * @RegisterExtension
 * static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder
 *         .app(AppDefinition.builder("orders").anonymousAuth().build()));
 *
 * // a configuration resource (default: the bundled demo configuration)
 * @AppServicesEmulatorTest(config = "my-apps.json")
 * class MyTest { ... }
 *
 * // apps exported from App Services, from test resources, with their secrets
 * @AppServicesEmulatorTest(apps = "exports/my-app", secrets = "exports/secrets.json")
 * class MyExportTest { ... }
 * }</pre>
 *
 * <p>Tests of token expiry move the emulator's time instead of sleeping: {@code admin().advanceClock(…)}, or a
 * clock of their own with {@code EmulatorExtension.create(builder -> builder.clock(…))}.
 *
 * <p>JUnit Jupiter is an optional dependency of the emulator; this class needs it on the test class path. An
 * instance belongs to one test class; it is used from the JUnit thread that runs that class.
 *
 * @since 0.1
 */
public final class EmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final Consumer<AppServicesEmulator.Builder> setup;
    private AppServicesEmulator emulator;
    private boolean owner;

    /**
     * Creates the extension for {@code @ExtendWith(EmulatorExtension.class)} and {@link AppServicesEmulatorTest}:
     * it serves the configuration resource named by {@link AppServicesEmulatorTest#config()} on the test class, or
     * the bundled demo configuration.
     */
    public EmulatorExtension() {
        this.setup = null;
    }

    private EmulatorExtension(Consumer<AppServicesEmulator.Builder> setup) {
        this.setup = setup;
    }

    /**
     * Creates an extension whose emulator is configured in code.
     *
     * @param setup configures the builder (apps, functions, data directory …); the port is free unless set
     * @return the extension, to be registered with {@code @RegisterExtension} on a static field
     */
    public static EmulatorExtension create(Consumer<AppServicesEmulator.Builder> setup) {
        return new EmulatorExtension(Objects.requireNonNull(setup, "setup"));
    }

    /**
     * The running emulator.
     *
     * @return the emulator of the current test class
     * @throws EmulatorException {@code APPSVC0581} before the test class started it
     */
    public AppServicesEmulator emulator() {
        if (emulator == null) {
            throw Messages.extensionMisplaced();
        }
        return emulator;
    }

    /**
     * The running emulator's base URL.
     *
     * @return the base URL
     * @throws EmulatorException {@code APPSVC0581} before the test class started it
     */
    public URI baseUrl() {
        return emulator().baseUrl();
    }

    /**
     * The running emulator's admin client.
     *
     * @return the admin client
     * @throws EmulatorException {@code APPSVC0581} before the test class started it
     */
    public EmulatorAdmin admin() {
        return emulator().admin();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator != null) {
            return;
        }
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder();
        if (setup != null) {
            setup.accept(builder);
        } else {
            Optional<AppServicesEmulatorTest> annotation = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, AppServicesEmulatorTest.class));
            String resource =
                    annotation.map(AppServicesEmulatorTest::config).orElse(AppServicesEmulator.DEMO_CONFIG_RESOURCE);
            String[] apps = annotation.map(AppServicesEmulatorTest::apps).orElse(new String[0]);
            if (apps.length == 0 || !resource.equals(AppServicesEmulator.DEMO_CONFIG_RESOURCE)) {
                builder.configResource(resource);
            }
            for (String app : apps) {
                builder.importAppResource(app);
            }
            annotation
                    .map(AppServicesEmulatorTest::secrets)
                    .filter(secrets -> !secrets.isEmpty())
                    .ifPresent(builder::secretsResource);
        }
        emulator = builder.start();
        owner = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (owner && context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty()) {
            emulator.close();
            emulator = null;
            owner = false;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AppServicesEmulator.class || type == EmulatorAdmin.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == EmulatorAdmin.class) {
            return admin();
        }
        return type == URI.class ? baseUrl() : emulator();
    }
}
