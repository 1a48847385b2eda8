package dev.appservices.extension.cdi.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.appservices.extension.AppServicesExtension;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;

/**
 * The expected-deployment-exception helper: deploys bean classes that must fail to deploy, in the container setup of
 * {@link AppServicesTest}, and returns every problem the container reported, so that tests can assert their exact
 * messages.
 */
public final class DeploymentProblems {

    private DeploymentProblems() {}

    /**
     * Deploys the classes and expects a definition error or deployment problem.
     *
     * @param beanClasses the bean classes of the deployment
     * @return the problems, in the order they were reported
     */
    public static List<Throwable> of(Class<?>... beanClasses) {
        Weld weld = new Weld(UUID.randomUUID().toString())
                .disableDiscovery()
                .addExtensions(new AppServicesExtension(), new ConfigExtension())
                .addBeanClasses(beanClasses);
        try {
            weld.initialize().close();
        } catch (DefinitionException | DeploymentException e) {
            // Weld reports each problem as a suppressed exception of one summary exception.
            return e.getSuppressed().length == 0 ? List.of(e) : List.of(e.getSuppressed());
        }
        return fail("the deployment succeeded");
    }

    /**
     * Deploys the classes and expects a definition error or deployment problem.
     *
     * @param beanClasses the bean classes of the deployment
     * @return the messages of the problems, in the order they were reported
     */
    public static List<String> messages(Class<?>... beanClasses) {
        return of(beanClasses).stream().map(Throwable::getMessage).toList();
    }
}
