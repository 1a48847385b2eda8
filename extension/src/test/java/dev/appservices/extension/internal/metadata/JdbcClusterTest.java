package dev.appservices.extension.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesException;
import dev.appservices.Credentials;
import dev.appservices.ErrorCode;
import dev.appservices.MetadataConfiguration;
import dev.appservices.User;
import dev.appservices.UserState;
import dev.appservices.emulator.AppDefinition;
import dev.appservices.emulator.AppServicesEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers of a cluster, two JVMs (this one and a {@link ClusterMemberChild}), each with its App on one JDBC
 * metadata store in a real PostgreSQL, against one backend: a login on one is a user of the other, refreshes on
 * both at once keep both working, and a logout on one makes the other's next call fail as logged out.
 */
class JdbcClusterTest {

    private static final String APP_ID = "cluster";
    private static final int REFRESHES = 10;

    private static EmbeddedPostgres postgres;
    private static AppServicesEmulator emulator;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        emulator = AppServicesEmulator.builder()
                .port(0)
                .app(AppDefinition.builder(APP_ID)
                        .customFunctionAuth("authenticate")
                        .build())
                .function(APP_ID, "authenticate", (context, arguments) -> {
                    BsonDocument payload = arguments.get(0).asDocument();
                    return new BsonDocument("id", payload.get("username")).append("name", payload.get("username"));
                })
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        emulator.close();
        postgres.close();
    }

    @Test
    void loginRefreshesAndLogoutOnOneServerAreSeenByTheOther() throws Exception {
        AppConfiguration configuration = AppConfiguration.builder(APP_ID)
                .baseUrl(emulator.baseUrl())
                .timeout(Duration.ofSeconds(20))
                .metadata(MetadataConfiguration.builder()
                        .dataSource(postgres.getPostgresDatabase())
                        .build())
                .build();
        try (App app = App.create(configuration);
                Member other = Member.start(postgres.getJdbcUrl("postgres", "postgres"))) {
            User ana = app.logIn(Credentials.function(Map.of("username", "ana")));
            assertEquals("ok LOGGED_IN", other.send("state " + ana.id()));
            assertEquals("ok ana", other.send("profile " + ana.id()));

            CompletableFuture<String> there =
                    CompletableFuture.supplyAsync(() -> other.send("refresh " + ana.id() + " " + REFRESHES));
            for (int i = 0; i < REFRESHES; i++) {
                ana.refreshCustomData();
            }
            assertEquals("ok refreshed", there.get(60, TimeUnit.SECONDS));
            assertEquals("ana", ana.refreshProfile().name().orElseThrow());
            assertEquals("ok ana", other.send("profile " + ana.id()));

            assertEquals("ok LOGGED_OUT", other.send("logout " + ana.id()));
            assertEquals(UserState.LOGGED_OUT, ana.state());
            AppServicesException refused = assertThrows(AppServicesException.class, ana::refreshProfile);
            assertEquals(ErrorCode.CLIENT_USER_NOT_LOGGED_IN, refused.errorCode(), refused.getMessage());
        }
    }

    /** The other server: a child JVM that answers one line per command. */
    private static final class Member implements AutoCloseable {

        private final Process process;
        private final BufferedReader answers;
        private final Writer commands;

        private Member(Process process) {
            this.process = process;
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        static Member start(String jdbcUrl) throws IOException {
            Process process = ChildJvm.command(
                            ClusterMemberChild.class, emulator.baseUrl().toString(), jdbcUrl, APP_ID)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Member member = new Member(process);
            String ready = member.answers.readLine();
            assertEquals("ready", ready);
            return member;
        }

        /** Sends a command and returns its answer. */
        synchronized String send(String command) {
            try {
                commands.write(command + "\n");
                commands.flush();
                String answer = answers.readLine();
                assertTrue(answer != null, "the other server ended");
                return answer;
            } catch (IOException e) {
                throw new AssertionError("the other server cannot be reached", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                commands.close();
            } catch (IOException e) {
                // it ends anyway: destroyed below if it does not end by itself
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
