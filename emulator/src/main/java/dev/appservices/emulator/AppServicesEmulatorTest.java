package dev.appservices.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against one emulator started for the class (and its {@code @Nested} classes) and
 * closed after it. Test and lifecycle methods receive it as a parameter of type {@link AppServicesEmulator},
 * {@link EmulatorAdmin} or {@link java.net.URI} (the base URL).
 *
 * <pre>{@code
 * @AppServicesEmulatorTest
 * class LoginTest {
 *     @Test
 *     void logsIn(URI baseUrl, EmulatorAdmin admin) { ... }   // apps "sample" and "sample-auto"
 * }
 * }</pre>
 *
 * <p>For apps defined in code, register an {@link EmulatorExtension} on a static field instead.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(EmulatorExtension.class)
public @interface AppServicesEmulatorTest {

    /**
     * The class-path resource of the configuration file to serve.
     *
     * @return the resource name; by default the bundled demo configuration
     */
    String config() default AppServicesEmulator.DEMO_CONFIG_RESOURCE;

    /**
     * Class-path directories of apps exported from App Services to serve (see
     * {@link AppServicesEmulator.Builder#importAppResource(String)}). When some are given and {@link #config()} is
     * left at its default, the demo configuration is not served.
     *
     * @return the resource names of export directories; none by default
     */
    String[] apps() default {};

    /**
     * The class-path resource of the secrets file the exported apps need (see
     * {@link AppServicesEmulator.Builder#secrets(java.nio.file.Path)}).
     *
     * @return the resource name; by default none (secrets then come from environment variables only)
     */
    String secrets() default "";
}
