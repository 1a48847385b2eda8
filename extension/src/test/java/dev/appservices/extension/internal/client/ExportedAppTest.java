package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.App;
import dev.appservices.Credentials;
import dev.appservices.FunctionException;
import dev.appservices.User;
import dev.appservices.emulator.EmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java client against an app exported from App Services, served by the emulator as exported (the emulator's
 * fixture app {@code tasks}): its providers with JavaScript hooks, its JavaScript functions and its rules.
 */
class ExportedAppTest {

    private static final String APP_ID = "tasks-qodrp";
    private static final Duration FIRST_CALL = Duration.ofSeconds(120);

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.create(builder -> builder.importApp(Path.of("../emulator/src/test/resources/apps/tasks"))
                    .secret("tasksServiceToken", "s3cr3t-token-value")
                    .secret("jwtSigningKey", "a-signing-key-of-at-least-32-bytes-long!"));

    private App app;

    @BeforeEach
    void open() {
        // the first JavaScript call after the start pays for GraalJS's first context: seconds on a busy machine
        app = App.create(TestBackend.configuration(APP_ID, EMULATOR.baseUrl())
                .timeout(FIRST_CALL)
                .build());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void callsJavaScriptFunctionsWithTheirNumberTypes() {
        User user = app.logIn(Credentials.anonymous());
        assertEquals(6L, user.functions().call("sum", Long.class, 1L, 2L, 3L));
        assertEquals(42, user.functions().call("doubleViaPrivate", Integer.class, 21));
        ObjectId id = new ObjectId();
        BsonDocument types = user.functions().callRaw("types", id).asDocument();
        assertEquals(new BsonObjectId(id), types.get("given"));
        assertEquals(BsonBoolean.TRUE, types.get("isObjectId"));
        FunctionException failure =
                assertThrows(FunctionException.class, () -> user.functions().call("fails", String.class, "closed"));
        assertTrue(
                failure.getMessage().endsWith("(HTTP 400, FunctionExecutionError): refused: closed"),
                failure.getMessage());
    }

    @Test
    void logsInWithTheExportsProvidersAndTheirJavaScriptHooks() {
        User byFunction = app.logIn(Credentials.function(Map.of("username", "gus", "secret", "open sesame")));
        assertEquals("gus", byFunction.profile().name().orElseThrow());
        app.emailPasswordAuth().registerUser("hana@example.com", "password1");
        User confirmed = app.logIn(Credentials.emailPassword("hana@example.com", "password1"));
        app.emailPasswordAuth().callResetPasswordFunction("hana@example.com", "password2", "blue");
        assertEquals(
                confirmed.id(),
                app.logIn(Credentials.emailPassword("hana@example.com", "password2"))
                        .id());
    }

    @Test
    void readsAndWritesDataUnderTheExportsRules() {
        User user = app.logIn(Credentials.anonymous(false));
        user.functions().call("items/add", Object.class, "from the Java client");
        assertEquals(List.of("from the Java client"), user.functions().call("items/mine", List.class));
    }
}
