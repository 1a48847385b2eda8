package dev.appservices.it.broken;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.it.DeploymentFailures;
import dev.appservices.it.Deployments;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An {@code @AppServices} qualifier with a malformed id is a CDI definition error, {@code APPSVC0002}, that names the
 * id and the injection point.
 */
@ExtendWith(ArquillianExtension.class)
class InvalidIdIT {

    static final String INVALID_ID = "Orders_2024";

    private static final String ARCHIVE = "broken-invalid-id";

    @Deployment
    @ShouldThrowException(DefinitionException.class)
    static WebArchive deployment() {
        return Deployments.appWar(ARCHIVE, Map.of(), InvalidIdClient.class);
    }

    @Test
    @RunAsClient
    void failureNamesTheCodeTheIdAndTheInjectionPoint() {
        String messages = DeploymentFailures.messages(ARCHIVE + ".war");
        assertAll(
                () -> assertTrue(
                        messages.contains("APPSVC0002: @AppServices(id = \"" + INVALID_ID + "\") at "
                                + InvalidIdClient.class.getName() + ".app is malformed"),
                        messages),
                () -> assertTrue(messages.contains("[a-z0-9][a-z0-9-]*"), messages));
    }
}
