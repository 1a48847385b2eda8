package dev.appservices.it.broken;

import dev.appservices.it.Deployments;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployment with an unsatisfied injection point is rejected by the server with a CDI deployment error. */
@ExtendWith(ArquillianExtension.class)
class UnsatisfiedInjectionIT {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Deployments.war(
                "broken-unsatisfied-injection", Map.of(), MissingService.class, MissingServiceClient.class);
    }

    @Test
    void deploymentIsRejected() {
        // Nothing to run: Arquillian fails this test unless deploying throws the expected exception.
    }
}
