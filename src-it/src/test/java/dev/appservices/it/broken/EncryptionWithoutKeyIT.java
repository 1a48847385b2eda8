package dev.appservices.it.broken;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.it.DeploymentFailures;
import dev.appservices.it.Deployments;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encrypted metadata without a key source is a deployment problem, {@code APPSVC0005} caused by {@code APPSVC0139},
 * that names the mode key, both ways to configure a key and the injection point: the application does not start,
 * rather than starting without a usable store.
 */
@ExtendWith(ArquillianExtension.class)
class EncryptionWithoutKeyIT {

    private static final String ARCHIVE = "broken-encryption-without-key";

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Deployments.appWar(ARCHIVE, Map.of("appservices.vault.metadata.mode", "encryption"), VaultClient.class);
    }

    @Test
    @RunAsClient
    void failureNamesTheCodeTheKeysAndTheInjectionPoint() {
        String messages = DeploymentFailures.messages(ARCHIVE + ".war");
        assertAll(
                () -> assertTrue(messages.contains("APPSVC0005: invalid configuration of App 'vault'"), messages),
                () -> assertTrue(messages.contains(VaultClient.class.getName() + ".app"), messages),
                () -> assertTrue(messages.contains("APPSVC0139: appservices.vault.metadata.mode"), messages),
                () -> assertTrue(messages.contains("appservices.vault.metadata.key-store.path"), messages),
                () -> assertTrue(messages.contains("appservices.vault.metadata.encryption-key"), messages));
    }
}
