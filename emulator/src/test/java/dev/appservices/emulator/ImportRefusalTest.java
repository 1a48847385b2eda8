package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.emulator.internal.EmulatorMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export directories the emulator cannot serve as the service would are refused at start, naming the problem. */
class ImportRefusalTest {

    private static final String SECRETS = "{\"tasksServiceToken\": \"s3cr3t-token-value\","
            + " \"jwtSigningKey\": \"a-signing-key-of-at-least-32-bytes-long!\"}";

    @TempDir
    Path temp;

    /** A copy of the tasks fixture app that a test may break. */
    private Path tasks() {
        Path source = ImportedAppTest.fixture("tasks");
        Path target = temp.resolve("tasks");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String refusal(Path app, String secrets) {
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder().importApp(app);
        try {
            Path file = Files.writeString(temp.resolve("secrets.json"), secrets);
            builder.secrets(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assertThrows(EmulatorException.class, builder::start).getMessage();
    }

    @Test
    void missingRootFile() throws IOException {
        Path app = tasks();
        Files.delete(app.resolve("realm_config.json"));
        assertEquals(
                "APPSVC0565: " + app + " is not an App Services export: it has none of root_config.json,"
                        + " realm_config.json, config.json, stitch.json",
                refusal(app, SECRETS));
    }

    @Test
    void invalidJsonNamesFileAndLine() throws IOException {
        Path app = tasks();
        Path providers = app.resolve("auth/providers.json");
        Files.writeString(providers, "{\n  \"anon-user\": {\n    \"type\": \"anon-user\",,\n  }\n}\n");
        String message = refusal(app, SECRETS);
        assertTrue(message.startsWith("APPSVC0566: " + providers + " is not valid JSON at line 3, column 25"), message);
    }

    @Test
    void missingFunctionFile() throws IOException {
        Path app = tasks();
        Files.delete(app.resolve("functions/private/double.js"));
        assertEquals(
                "APPSVC0568: the function 'private/double' of the app in " + app + " has no code: "
                        + Path.of("functions/private/double.js") + " is missing",
                refusal(app, SECRETS));
    }

    @Test
    void missingSecretIsNamedAndNoValueIsPrinted() {
        String message = refusal(tasks(), "{\"tasksServiceToken\": \"s3cr3t-token-value\"}");
        assertTrue(message.startsWith("APPSVC0569: the app in "), message);
        assertTrue(message.contains("needs the secrets [jwtSigningKey]"), message);
        assertFalse(message.contains("s3cr3t-token-value"), message);
    }

    @Test
    void functionNamedByAProviderMustExist() throws IOException {
        Path app = tasks();
        Path providers = app.resolve("auth/providers.json");
        Files.writeString(providers, Files.readString(providers).replace("\"authenticate\"", "\"authenticat\""));
        assertEquals(
                "APPSVC0572: " + providers + " at 'custom-function.config.authFunctionName' names the"
                        + " function 'authenticat', which functions/ does not define",
                refusal(app, SECRETS));
    }

    @Test
    void environmentFileMustExist() throws IOException {
        Path app = tasks();
        Files.delete(app.resolve("environments/development.json"));
        assertEquals(
                "APPSVC0567: invalid exported app file " + app.resolve("realm_config.json")
                        + " at 'environment': the environment file " + Path.of("environments/development.json")
                        + " is missing",
                refusal(app, SECRETS));
    }

    @Test
    void commandLineServesAnExportUnderAnotherAppId() throws IOException {
        Path secrets = Files.writeString(temp.resolve("cli-secrets.json"), SECRETS);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AppServicesEmulator emulator = EmulatorMain.start(
                new String[] {
                    "--port",
                    "0",
                    "--app",
                    ImportedAppTest.fixture("tasks").toString(),
                    "--app-id",
                    "renamed",
                    "--app",
                    ImportedAppTest.fixture("cli-root").toString(),
                    "--secrets",
                    secrets.toString(),
                    "--allow-http",
                    "127.0.0.1,localhost",
                    "--function-time-limit",
                    "10"
                },
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("App Services emulator listening on"));
            WireClient client = new WireClient(emulator.baseUrl());
            String token = client.loginAnonymously("renamed").getString("access_token");
            ImportedAppTest.firstCall(client, "renamed", token);
            WireClient.Reply sum = client.post(
                    WireClient.CLIENT + "/app/renamed/functions/call",
                    token,
                    "{\"name\":\"sum\",\"arguments\":[{\"$numberLong\":\"40\"},{\"$numberLong\":\"2\"}]}");
            assertEquals(
                    BsonDocument.parse("{\"v\": {\"$numberLong\": \"42\"}}"),
                    BsonDocument.parse("{\"v\": " + sum.body() + "}"));
            assertEquals(
                    200,
                    client.get(WireClient.CLIENT + "/app/notes-xyzab/location", null)
                            .status());
            assertEquals(
                    404,
                    client.get(WireClient.CLIENT + "/app/sample/location", null).status(),
                    "no demo apps beside --app");
        }
    }

    @Test
    void appIdMustFollowAnApp() {
        String message = assertThrows(
                        EmulatorException.class, () -> EmulatorMain.start(new String[] {"--app-id", "x"}, System.out))
                .getMessage();
        assertTrue(message.startsWith("APPSVC0580: --app-id must follow the --app it renames"), message);
    }
}
