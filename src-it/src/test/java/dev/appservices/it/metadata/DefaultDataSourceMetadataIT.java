package dev.appservices.it.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
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
 * The JDBC metadata store on the server's default data source ({@code java:comp/DefaultDataSource}, which the
 * configuration does not name): WildFly's {@code ExampleDS} out of the box, and on Open Liberty the
 * {@code DefaultDataSource} of the test server's {@code server.xml}, both in-memory H2 databases of the server. A user
 * logged in before the application is undeployed is a logged-in user of the new App after the same archive is
 * deployed again, with working tokens and no new login request. The store is sealed (mode {@code encryption}): the
 * rows hold neither the user's email nor its id or tokens in clear, and no file is written.
 *
 * <p>The steps run in order, alternately in the test JVM (deploying, reading the backend's counters) and in the
 * server, where the rows are read through the same data source.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultDataSourceMetadataIT {

    private static final String DEPLOYMENT = "default-datasource-metadata";
    private static final String APP_ID = "ledger";
    private static final String EMAIL = "ledger-keeper@example.com";
    private static final String PASSWORD = "s3cret-Pa55";
    private static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";
    /** The first bytes of a sealed row, as of a sealed file. */
    private static final byte[] ENVELOPE_MAGIC = "ASMD".getBytes(StandardCharsets.US_ASCII);

    /** Set in the test JVM by {@link #deployment()}; never read in the server. */
    private static URI backend;

    private static Path metadataDirectory;
    private static long loginsBeforeRedeploy;

    @Inject
    @AppServices(id = APP_ID)
    App ledger;

    @Deployment(name = DEPLOYMENT, managed = false)
    static WebArchive deployment() throws IOException, GeneralSecurityException {
        Path directory = EncryptedDeployments.newWorkDirectory("default-datasource-metadata-");
        metadataDirectory = directory.resolve("store");
        backend = Backends.start(APP_ID, Backends.app(APP_ID));
        Map<String, String> config = new HashMap<>(EncryptedDeployments.encryptionSettings(APP_ID, directory));
        config.put("appservices.ledger.base-url", backend.toString());
        config.put("appservices.ledger.metadata.store", "jdbc");
        // a file store would be written here: the test checks that nothing is
        config.put("appservices.ledger.metadata.directory", metadataDirectory.toString());
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
        ledger.emailPasswordAuth().registerUser(EMAIL, PASSWORD);
        User user = ledger.logIn(Credentials.emailPassword(EMAIL, PASSWORD));

        assertTrue(ledger.allUsers().containsKey(user.id()));
    }

    @Test
    @Order(3)
    @RunAsClient
    void redeployTheSameArchive(@ArquillianResource Deployer deployer) {
        deployer.undeploy(DEPLOYMENT);

        List<String> userIds = Backends.userIds(backend, APP_ID);
        assertEquals(1, userIds.size(), userIds::toString);
        assertFalse(Files.exists(metadataDirectory), "a JDBC store wrote files under " + metadataDirectory);
        loginsBeforeRedeploy = Backends.logins(backend, APP_ID);
        assertEquals(1, loginsBeforeRedeploy);

        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(4)
    @OperateOnDeployment(DEPLOYMENT)
    void userIsStillLoggedInFromTheDatabase() throws NamingException, SQLException {
        assertEquals(
                1,
                ledger.allUsers().size(),
                () -> "users after redeploy: " + ledger.allUsers().keySet());
        User user = ledger.allUsers().values().iterator().next();

        assertTrue(user.isLoggedIn());
        assertTrue(ledger.currentUser().isEmpty(), "the current user is a notion of each App, not stored");
        assertEquals(EMAIL, user.profile().email().orElseThrow());
        Document whoami = user.functions().call("whoami", Document.class);
        assertEquals(user.id(), whoami.getString("id"), "the restored tokens are the user's");

        Map<String, byte[]> rows = rows();
        assertEquals(List.of("app", "user:" + user.id()), List.copyOf(rows.keySet()));
        List<String> secrets = List.of(
                EMAIL,
                user.id(),
                user.accessToken().orElseThrow(),
                user.refreshToken().orElseThrow());
        rows.forEach((rowId, content) -> assertSealed(rowId, content, secrets));
    }

    @Test
    @Order(5)
    @RunAsClient
    void noLoginWasNeeded(@ArquillianResource Deployer deployer) {
        deployer.undeploy(DEPLOYMENT);

        assertEquals(loginsBeforeRedeploy, Backends.logins(backend, APP_ID));
    }

    /** The content of every row of the App, by row id, read through the server's default data source. */
    private static Map<String, byte[]> rows() throws NamingException, SQLException {
        DataSource dataSource = (DataSource) new InitialContext().lookup(DEFAULT_DATA_SOURCE);
        Map<String, byte[]> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT row_id, content FROM appservices_metadata WHERE app_id = ?")) {
            statement.setString(1, APP_ID);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getBytes(2));
                }
            }
        }
        return rows;
    }

    private static void assertSealed(String rowId, byte[] content, List<String> secrets) {
        assertArrayEquals(
                ENVELOPE_MAGIC,
                Arrays.copyOf(content, ENVELOPE_MAGIC.length),
                () -> "row " + rowId + " is not a sealed envelope");
        String text = new String(content, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> "row " + rowId + " holds a secret in plain text");
        }
    }
}
