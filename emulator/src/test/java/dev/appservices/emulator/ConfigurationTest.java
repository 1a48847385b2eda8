package dev.appservices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file and app definitions: valid files start, every problem names its key. */
class ConfigurationTest {

    private static EmulatorException failure(Path dir, String json) throws IOException {
        Path file = dir.resolve("apps.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return assertThrows(
                EmulatorException.class,
                () -> AppServicesEmulator.builder().config(file).start().close());
    }

    @Test
    void theDemoConfigurationDefinesEveryProvider() {
        try (AppServicesEmulator emulator = AppServicesEmulator.builder()
                .config(Path.of("src/main/resources/demo-apps.json"))
                .start()) {
            WireClient client = new WireClient(emulator.baseUrl());
            JsonObject sample = client.get("/emulator/v1/apps/sample", null).json();
            assertEquals(
                    List.of(
                            "anon-user",
                            "api-key",
                            "custom-function",
                            "custom-token",
                            "local-userpass",
                            "oauth2-apple",
                            "oauth2-facebook",
                            "oauth2-google"),
                    sample.getJsonArray("providers").getValuesAs(JsonString::getString));
            assertEquals(2, client.get("/emulator/v1/apps", null).jsonArray().size());
            JsonObject login = client.loginAnonymously("sample");
            assertEquals(
                    "free",
                    WireClient.claims(login.getString("access_token"))
                            .getJsonObject("user_data")
                            .getString("plan"));
        }
    }

    @Test
    void ttlsAcceptSecondsAndIsoDurations(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("apps.json");
        Files.writeString(
                file,
                "{\"apps\":[{\"id\":\"a\",\"accessTokenTtl\":90,\"refreshTokenTtl\":\"PT2H\","
                        + "\"providers\":{\"anon-user\":{}}},{\"id\":\"b\",\"accessTokenTtl\":\"45\","
                        + "\"providers\":{\"anon-user\":{}}}]}",
                StandardCharsets.UTF_8);
        try (AppServicesEmulator emulator =
                AppServicesEmulator.builder().config(file).start()) {
            WireClient client = new WireClient(emulator.baseUrl());
            JsonObject a = client.loginAnonymously("a");
            assertEquals(90, lifetime(a.getString("access_token")), 1);
            assertEquals(7200, lifetime(a.getString("refresh_token")), 1);
            assertEquals(45, lifetime(client.loginAnonymously("b").getString("access_token")), 1);
        }
    }

    private static long lifetime(String jwt) {
        JsonObject claims = WireClient.claims(jwt);
        return claims.getJsonNumber("exp").longValue()
                - claims.getJsonNumber("iat").longValue();
    }

    @Test
    void problemsNameTheirKey(@TempDir Path dir) throws IOException {
        assertMessage(
                failure(dir, "{\"apps\":[{\"id\":\"a\",\"providers\":{\"anon-user\":{}},\"colour\":1}]}"),
                "APPSVC0501",
                "apps[0].colour");
        assertMessage(
                failure(
                        dir,
                        "{\"apps\":[{\"id\":\"a\",\"providers\":{\"local-userpass\":"
                                + "{\"autoConfirm\":\"yes\"}}}]}"),
                "APPSVC0501",
                "apps[0].providers.local-userpass.autoConfirm");
        assertMessage(
                failure(dir, "{\"apps\":[{\"id\":\"a\",\"accessTokenTtl\":\"soon\"}]}"),
                "APPSVC0501",
                "apps[0].accessTokenTtl");
        assertMessage(
                failure(dir, "{\"apps\":[{\"id\":\"a\",\"providers\":{\"oauth2-github\":{}}}]}"),
                "APPSVC0501",
                "apps[0].providers.oauth2-github");
        assertMessage(
                failure(
                        dir,
                        "{\"apps\":[{\"id\":\"a\",\"providers\":{\"custom-function\":"
                                + "{\"authFunctionName\":\"missing\"}}}]}"),
                "APPSVC0503",
                "missing");
        assertMessage(
                failure(
                        dir,
                        "{\"apps\":[{\"id\":\"a\",\"providers\":{\"custom-token\":"
                                + "{\"signingAlgorithm\":\"HS256\",\"signingKeys\":[\"short\"]}}}]}"),
                "APPSVC0501",
                "providers.custom-token.signingKeys[0]");
        assertMessage(failure(dir, "{\"apps\":[{\"id\":\"a\"},{\"id\":\"a\"}]}"), "APPSVC0502", "'a'");
        assertMessage(failure(dir, "{\"apps\":[{\"id\":\"no spaces\"}]}"), "APPSVC0501", "id");
        assertMessage(failure(dir, "not json"), "APPSVC0501", "(file)");
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppServicesEmulator.builder().config(dir.resolve("absent.json"))),
                "APPSVC0500",
                "absent");
    }

    @Test
    void definitionsInCodeAreValidated() {
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppDefinition.builder("x")
                                .accessTokenTtl(Duration.ZERO)
                                .build()),
                "APPSVC0501",
                "accessTokenTtl");
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppDefinition.builder("x")
                                .customTokenAuth("none", List.of("k"), List.of())
                                .build()),
                "APPSVC0501",
                "signingAlgorithm");
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppServicesEmulator.builder()
                                .function("ghost", "f", (context, arguments) -> null)
                                .start()),
                "APPSVC0508",
                "ghost");
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppServicesEmulator.builder()
                                .app(AppDefinition.builder("x")
                                        .functions("nope")
                                        .build())
                                .start()),
                "APPSVC0503",
                "nope");
        assertMessage(
                assertThrows(
                        EmulatorException.class,
                        () -> AppServicesEmulator.builder().port(-1)),
                "APPSVC0507",
                "port");
    }

    @Test
    void aBusyPortIsReported() {
        try (AppServicesEmulator first = AppServicesEmulator.builder().start()) {
            assertMessage(
                    assertThrows(
                            EmulatorException.class,
                            () -> AppServicesEmulator.builder()
                                    .port(first.port())
                                    .start()),
                    "APPSVC0506",
                    String.valueOf(first.port()));
        }
    }

    private static void assertMessage(EmulatorException failure, String code, String fragment) {
        assertTrue(failure.getMessage().startsWith(code + ": "), failure.getMessage());
        assertTrue(failure.getMessage().contains(fragment), failure.getMessage());
    }
}
