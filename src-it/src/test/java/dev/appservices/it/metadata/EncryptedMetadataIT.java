package dev.appservices.it.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppServices;
import dev.appservices.Credentials;
import dev.appservices.User;
import dev.appservices.it.Backends;
import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Encrypted metadata outlives the application: a user logged in before the application is undeployed is the
 * current user, still logged in, after the same archive is deployed again with the same metadata directory and key
 * store, and no login request was made for that. On disk the store is sealed: neither the user's email nor its id
 * appears in any file.
 *
 * <p>The key store is a PKCS12 file with an AES key that the test makes with JCA in the test JVM; the deployment's
 * configuration names it by path and password. The steps run in order, alternately in the test JVM (deploying,
 * reading the store and the backend's counters) and in the server.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedMetadataIT {

    private static final String DEPLOYMENT = "encrypted-metadata";
    private static final String EMAIL = "vault-keeper@example.com";
    private static final String PASSWORD = "s3cret-Pa55";

    /** Set in the test JVM by {@link #deployment()}; never read in the server. */
    private static URI backend;

    private static Path metadataDirectory;
    private static long loginsBeforeRedeploy;

    @Inject
    @AppServices(id = "vault")
    App vault;

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive deployment() throws IOException, GeneralSecurityException {
        Path directory = EncryptedDeployments.newWorkDirectory("encrypted-metadata-");
        metadataDirectory = directory.resolve("store");
        backend = Backends.start("vault", Backends.app("vault"));
        Map<String, String> config = new HashMap<>(EncryptedDeployments.encryptionSettings("vault", directory));
        config.put("appservices.vault.base-url", backend.toString());
        config.put("appservices.vault.metadata.directory", metadataDirectory.toString());
        return Deployments.appWar(DEPLOYMENT, config);
    }

    @Test
    @Order(1)
    @RunAsClient
    void deploy(@ArquillianResource Deployer deployer) {
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    @OperateOnDeployment(DEPLOYMENT)
    void logIn() {
        vault.emailPasswordAuth().registerUser(EMAIL, PASSWORD);
        User user = vault.logIn(Credentials.emailPassword(EMAIL, PASSWORD));

        assertEquals(Optional.of(user.id()), vault.currentUser().map(User::id));
    }

    @Test
    @Order(3)
    @RunAsClient
    void redeployTheSameArchive(@ArquillianResource Deployer deployer) throws IOException {
        deployer.undeploy(DEPLOYMENT);

        List<String> userIds = Backends.userIds(backend, "vault");
        assertEquals(1, userIds.size(), userIds::toString);
        assertStoreIsSealed(List.of(EMAIL, userIds.get(0)));
        loginsBeforeRedeploy = Backends.logins(backend, "vault");
        assertEquals(1, loginsBeforeRedeploy);

        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(4)
    @OperateOnDeployment(DEPLOYMENT)
    void userIsStillCurrentAndLoggedIn() {
        User user = vault.currentUser().orElseThrow(() -> new AssertionError("no current user after redeploy"));

        assertTrue(user.isLoggedIn());
        assertEquals(Optional.of(EMAIL), user.profile().email());
        Document whoami = user.functions().call("whoami", Document.class);
        assertEquals(user.id(), whoami.getString("id"), "the restored tokens are the user's");
    }

    @Test
    @Order(5)
    @RunAsClient
    void noLoginWasNeeded(@ArquillianResource Deployer deployer) {
        deployer.undeploy(DEPLOYMENT);

        assertEquals(loginsBeforeRedeploy, Backends.logins(backend, "vault"));
    }

    /** No file of the store contains any of the strings in plain UTF-8. */
    private static void assertStoreIsSealed(List<String> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(metadataDirectory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the metadata store wrote no file under " + metadataDirectory);
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(content.contains(secret), file + " contains " + secret + " in plain text");
            }
        }
    }
}
