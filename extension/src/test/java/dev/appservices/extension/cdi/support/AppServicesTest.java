package dev.appservices.extension.cdi.support;

import dev.appservices.extension.AppServicesExtension;
import io.smallrye.config.inject.ConfigExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.EnableAutoWeld;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class run in a Weld container (one per test method) with the App Services extension and the SmallRye Config
 * extension, as on a server, and no class-path scanning: the test class is a bean, other beans are added with
 * {@code @AddBeanClasses}. Configuration comes from {@link TestConfigSource}, reset around the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ResetTestConfig.class)
@EnableAutoWeld
@AddExtensions({AppServicesExtension.class, ConfigExtension.class})
public @interface AppServicesTest {}
