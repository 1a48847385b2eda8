package dev.appservices.it;

import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterClass;

/**
 * Closes the {@link Backends} a test class started, once Arquillian is done with the class (its deployments are
 * undeployed in the same event). Registered by {@link IntegrationTestExtension}; runs in the test JVM only.
 */
public final class BackendsCleanup {

    /**
     * Closes the backends.
     *
     * @param event the end of a test class
     */
    public void closeBackends(@Observes AfterClass event) {
        Backends.closeAll();
    }
}
