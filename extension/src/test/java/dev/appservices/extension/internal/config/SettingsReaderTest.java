package dev.appservices.extension.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesConfigException;
import dev.appservices.EncryptionKey;
import dev.appservices.InvalidMetadataPolicy;
import dev.appservices.KeyStoreKey;
import dev.appservices.MetadataConfiguration;
import dev.appservices.MetadataMode;
import dev.appservices.MetadataStoreKind;
import dev.appservices.extension.cdi.support.JdkReasons;
import dev.appservices.extension.cdi.support.TestConfigSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsReaderTest {

    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(new byte[64]);

    private final SettingsReader settings = new SettingsReader(SettingsReaderTest.class.getClassLoader());

    @TempDir
    Path directory;

    @BeforeEach
    @AfterEach
    void reset() {
        TestConfigSource.reset();
    }

    @Test
    void everySettingHasItsDefaultWhenNothingIsConfigured() {
        assertEquals(AppConfiguration.builder("orders").build(), settings.read("orders"));
        assertEquals(Optional.empty(), settings.baseUrl("orders"));
        assertEquals(Optional.empty(), settings.defaultAppId());
        assertEquals(List.of(), settings.validate("orders"));
    }

    @Test
    void readsEveryKeyOfAnApp() {
        set("orders", "base-url", "http://127.0.0.1:9090/");
        set("orders", "timeout", "2500");
        set("orders", "skip-location", "TRUE");
        set("orders", "app-name", "shop");
        set("orders", "app-version", "1.2");
        set("orders", "headers.X-Tenant", "acme");
        set("orders", "authorization-header-name", "X-Auth");
        set("orders", "metadata.mode", "in-memory");
        set("orders", "metadata.directory", directory.toString());
        set("orders", "metadata.on-invalid", "reset");
        set("orders", "metadata.store", "JDBC");
        set("orders", "metadata.datasource", "java:comp/env/jdbc/orders");

        AppConfiguration expected = AppConfiguration.builder("orders")
                .baseUrl(URI.create("http://127.0.0.1:9090"))
                .timeout(Duration.ofMillis(2500))
                .skipLocation(true)
                .appName("shop")
                .appVersion("1.2")
                .header("X-Tenant", "acme")
                .authorizationHeaderName("X-Auth")
                .metadata(MetadataConfiguration.builder()
                        .mode(MetadataMode.IN_MEMORY)
                        .directory(directory)
                        .onInvalid(InvalidMetadataPolicy.RESET)
                        .store(MetadataStoreKind.JDBC)
                        .dataSourceName("java:comp/env/jdbc/orders")
                        .build())
                .build();
        assertEquals(expected, settings.read("orders"));
        assertEquals(Map.of("X-Tenant", "acme"), settings.read("orders").headers());
    }

    @ParameterizedTest
    @CsvSource({"60000, PT1M", "PT2.5S, PT2.5S", "P1D, PT24H", "1, PT0.001S"})
    void timeoutIsMillisecondsOrIso8601(String value, String expected) {
        set("orders", "timeout", value);
        assertEquals(Duration.parse(expected), settings.read("orders").timeout());
    }

    @ParameterizedTest
    @CsvSource({
        "base-url, http://own.example, http://shared.example, http://own.example",
        "base-url, , http://shared.example, http://shared.example",
        "timeout, 1000, 2000, PT1S",
        "timeout, , 2000, PT2S",
        "app-name, own, shared, own",
        "app-name, , shared, shared",
        "skip-location, false, true, false",
        "skip-location, , true, true",
        "metadata.mode, no-encryption, in-memory, NO_ENCRYPTION",
        "metadata.mode, , in-memory, IN_MEMORY"
    })
    void theAppsOwnKeyBeatsTheDefaultsKey(String suffix, String own, String shared, String expected) {
        if (own != null) {
            set("orders", suffix, own);
        }
        set("defaults", suffix, shared);
        AppConfiguration configuration = settings.read("orders");
        Object actual = switch (suffix) {
            case "base-url" -> configuration.baseUrl().orElseThrow().toString();
            case "timeout" -> configuration.timeout().toString();
            case "app-name" -> configuration.appName().orElseThrow();
            case "skip-location" -> String.valueOf(configuration.skipLocation());
            default -> configuration.metadata().mode().name();
        };
        assertEquals(expected, actual);
    }

    @Test
    void headersMergeDefaultsAndOwnOnesAndOwnOnesReplaceDefaultsOfTheSameName() {
        set("defaults", "headers.X-Tenant", "shared");
        set("defaults", "headers.X-Trace", "on");
        set("orders", "headers.x-tenant", "acme");
        set("billing", "headers.X-Other", "not for orders");

        assertEquals(
                Map.of("X-Trace", "on", "x-tenant", "acme"),
                settings.read("orders").headers());
        assertEquals(
                Map.of("X-Tenant", "shared", "X-Trace", "on", "X-Other", "not for orders"),
                settings.read("billing").headers());
    }

    @Test
    void rawEncryptionKeyIsBase64() {
        set("orders", "metadata.mode", "encryption");
        set("orders", "metadata.encryption-key", KEY_BASE64);

        MetadataConfiguration metadata = settings.read("orders").metadata();
        assertEquals(MetadataMode.ENCRYPTION, metadata.mode());
        assertEquals(Optional.of(EncryptionKey.of(new byte[64])), metadata.encryptionKey());
    }

    @Test
    void keyStoreSettingsWithDefaultsAndAPasswordReadAtEveryUse() throws IOException {
        Path keyStore = Files.createFile(directory.resolve("keys.p12"));
        set("orders", "metadata.mode", "encryption");
        set("defaults", "metadata.key-store.path", keyStore.toString());
        set("defaults", "metadata.key-store.password", "first");

        KeyStoreKey key = settings.read("orders").metadata().keyStore().orElseThrow();
        assertEquals(KeyStoreKey.of(keyStore, KeyStoreKey.DEFAULT_TYPE, KeyStoreKey.DEFAULT_ALIAS, () -> null), key);
        assertArrayEquals("first".toCharArray(), key.readPassword());

        set("orders", "metadata.key-store.password", "rotated");
        assertArrayEquals("rotated".toCharArray(), key.readPassword());

        TestConfigSource.remove("appservices.orders.metadata.key-store.password");
        TestConfigSource.remove("appservices.defaults.metadata.key-store.password");
        AppServicesConfigException gone = assertThrows(AppServicesConfigException.class, key::readPassword);
        assertEquals(
                "APPSVC0142: appservices.orders.metadata.key-store.password of App 'orders' is not set, but the "
                        + "metadata key store needs a password (also accepted: "
                        + "appservices.defaults.metadata.key-store.password)",
                gone.getMessage());
        assertFalse(key.toString().contains("first") || key.toString().contains("rotated"));
    }

    @Test
    void keyStoreTypeAndAliasCanBeSet() throws IOException {
        Path keyStore = Files.createFile(directory.resolve("keys.jks"));
        set("orders", "metadata.mode", "encryption");
        set("orders", "metadata.key-store.path", keyStore.toString());
        set("orders", "metadata.key-store.password", "secret");
        set("orders", "metadata.key-store.type", "JCEKS");
        set("orders", "metadata.key-store.alias", "orders-key");

        KeyStoreKey key = settings.read("orders").metadata().keyStore().orElseThrow();
        assertEquals("JCEKS", key.type());
        assertEquals("orders-key", key.alias());
    }

    @Test
    void previousKeySourcesForAKeyRotation() throws IOException {
        Path oldKeyStore = Files.createFile(directory.resolve("old.p12"));
        set("orders", "metadata.mode", "encryption");
        set("orders", "metadata.encryption-key", KEY_BASE64);
        set("orders", "metadata.previous-key-store.path", oldKeyStore.toString());
        set("orders", "metadata.previous-key-store.alias", "old-key");
        set("defaults", "metadata.previous-key-store.password", "old secret");

        MetadataConfiguration metadata = settings.read("orders").metadata();
        KeyStoreKey previous = metadata.previousKeyStore().orElseThrow();
        assertEquals(KeyStoreKey.of(oldKeyStore, KeyStoreKey.DEFAULT_TYPE, "old-key", () -> null), previous);
        assertArrayEquals("old secret".toCharArray(), previous.readPassword());
        assertEquals(Optional.empty(), metadata.previousEncryptionKey());

        TestConfigSource.remove("appservices.orders.metadata.previous-key-store.path");
        set("orders", "metadata.previous-encryption-key", KEY_BASE64);
        assertEquals(
                Optional.of(EncryptionKey.of(new byte[64])),
                settings.read("orders").metadata().previousEncryptionKey());

        set("defaults", "metadata.previous-key-store.path", oldKeyStore.toString());
        assertEquals(
                List.of("APPSVC0140: both appservices.defaults.metadata.previous-key-store.path and "
                        + "appservices.orders.metadata.previous-encryption-key are configured for App 'orders': choose one "
                        + "key source"),
                messages(settings.validate("orders")));
    }

    @Test
    void keySourcesAreIgnoredOutsideTheEncryptionMode() {
        set(
                "defaults",
                "metadata.key-store.path",
                directory.resolve("missing.p12").toString());
        set("defaults", "metadata.encryption-key", "not base64!");

        assertEquals(
                MetadataConfiguration.builder().build(), settings.read("orders").metadata());
    }

    @Test
    void baseUrlIsReadAtEveryCall() {
        assertEquals(Optional.empty(), settings.baseUrl("orders"));
        set("defaults", "base-url", "http://127.0.0.1:1111");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:1111")), settings.baseUrl("orders"));
        set("orders", "base-url", "http://127.0.0.1:2222/");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:2222")), settings.baseUrl("orders"));
    }

    @Test
    void defaultAppIdAndListedIds() {
        TestConfigSource.set("appservices.app-id", " orders ");
        TestConfigSource.set("appservices.ids", "billing, orders,,billing,Bad_Id");
        List<AppServicesConfigException> problems = new ArrayList<>();

        assertEquals(Optional.of("orders"), settings.defaultAppId());
        assertEquals("orders", settings.requireDefaultAppId());
        assertEquals(List.of("billing", "orders"), new ArrayList<>(settings.listedIds(problems::add)));
        assertEquals(
                List.of("APPSVC0130: appservices.ids = 'Bad_Id' is not a valid app id: it must match "
                        + "[a-z0-9][a-z0-9-]* and not be 'defaults'"),
                messages(problems));
        assertEquals(Optional.of("appservices.ids"), problems.get(0).propertyName());
    }

    @Test
    void defaultAppIdMustBeSetAndValid() {
        AppServicesConfigException missing =
                assertThrows(AppServicesConfigException.class, settings::requireDefaultAppId);
        assertEquals(
                "APPSVC0146: appservices.app-id is not set: it names the App that a bare @AppServices injects",
                missing.getMessage());

        TestConfigSource.set("appservices.app-id", "defaults");
        AppServicesConfigException reserved = assertThrows(AppServicesConfigException.class, settings::defaultAppId);
        assertEquals(
                "APPSVC0130: appservices.app-id = 'defaults' is not a valid app id: it must match "
                        + "[a-z0-9][a-z0-9-]* and not be 'defaults'",
                reserved.getMessage());
    }

    @Test
    void anAppIsConfiguredByItsOwnKeysOrByName() {
        set("orders", "app-name", "shop");
        TestConfigSource.set("appservices.ids", "billing");
        TestConfigSource.set("appservices.app-id", "shipping");
        set("stock", "base-url", "http://127.0.0.1:1");

        for (String id : Set.of("orders", "billing", "shipping", "stock")) {
            assertTrue(settings.isConfigured(id), id);
        }
        assertFalse(settings.isConfigured("order"));
    }

    @Test
    void keysUnderDefaultsDoNotMakeAnIdKnown() {
        set("defaults", "base-url", "http://127.0.0.1:1");
        set("defaults", "timeout", "1000");

        assertFalse(settings.isConfigured("orders"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "base-url | ftp://example.com | APPSVC0132: appservices.orders.base-url of App 'orders' is not a usable "
                        + "base URL: APPSVC0102: base URL 'ftp://example.com' is invalid: it must be an absolute http "
                        + "or https URL",
                "base-url | http://ana:secret@example.com | APPSVC0132: appservices.orders.base-url of App 'orders' is "
                        + "not a usable base URL: APPSVC0102: base URL 'http://***@example.com' is invalid: it must not "
                        + "contain user info",
                "timeout | soon | APPSVC0133: appservices.orders.timeout = 'soon' of App 'orders' is neither a number of "
                        + "milliseconds (60000) nor an ISO-8601 duration (PT60S)",
                "timeout | 0 | APPSVC0134: appservices.orders.timeout = '0' of App 'orders' is not a positive duration",
                "timeout | PT-1S | APPSVC0134: appservices.orders.timeout = 'PT-1S' of App 'orders' is not a positive "
                        + "duration",
                "skip-location | yes | APPSVC0135: appservices.orders.skip-location = 'yes' of App 'orders' is not a "
                        + "boolean: use true or false",
                "headers.X Bad | v | APPSVC0136: appservices.orders.headers.X Bad of App 'orders' is not a valid request "
                        + "header: APPSVC0104: header name 'X Bad' is not a valid HTTP header name (RFC 9110 token "
                        + "characters only)",
                "authorization-header-name | Auth:X | APPSVC0136: appservices.orders.authorization-header-name of App "
                        + "'orders' is not a valid request header: APPSVC0104: authorization header name 'Auth:X' is not "
                        + "a valid HTTP header name (RFC 9110 token characters only)",
                "metadata.mode | encrypted | APPSVC0137: appservices.orders.metadata.mode = 'encrypted' of App 'orders' "
                        + "is not one of no-encryption, encryption, in-memory",
                "metadata.on-invalid | wipe | APPSVC0137: appservices.orders.metadata.on-invalid = 'wipe' of App "
                        + "'orders' is not one of fail, reset",
                "metadata.store | database | APPSVC0137: appservices.orders.metadata.store = 'database' of App "
                        + "'orders' is not one of file, jdbc",
                "metadata.mode | encryption | APPSVC0139: appservices.orders.metadata.mode of App 'orders' is "
                        + "'encryption' but no key source is configured: set appservices.orders.metadata.key-store.path "
                        + "or appservices.orders.metadata.encryption-key (or their appservices.defaults.* fallbacks)"
            })
    void everyInvalidValueIsReportedWithItsCodeAndFullKey(String suffix, String value, String message) {
        assertReported(suffix, value, message);
    }

    @Test
    void anUnparsableBaseUrlIsReportedWithTheJdksReason() {
        // the value is not repeated: a URL that cannot be parsed cannot have its user info (a password) masked
        assertReported(
                "base-url",
                "http://exa mple.com",
                "APPSVC0131: appservices.orders.base-url of App 'orders' " + "is not a URI: "
                        + JdkReasons.notAUri("http://exa mple.com"));
    }

    @Test
    void anInvalidDirectoryIsReportedWithItsValueAndTheJdksReason() {
        assertReported(
                "metadata.directory",
                "bad\u0000dir",
                "APPSVC0138: appservices.orders.metadata.directory = "
                        + "'bad\u0000dir' of App 'orders' is not a valid path: " + JdkReasons.notAPath("bad\u0000dir"));
    }

    /** Sets one value of App 'orders' and checks the problem that reading the App reports. */
    private void assertReported(String suffix, String value, String message) {
        set("orders", suffix, value);

        AppServicesConfigException problem =
                assertThrows(AppServicesConfigException.class, () -> settings.read("orders"));
        assertEquals(message, problem.getMessage());
        assertEquals(Optional.of("appservices.orders." + suffix), problem.propertyName());
        assertEquals(Optional.of("orders"), problem.appId());
    }

    @Test
    void aFaultyDefaultIsReportedUnderTheDefaultsKey() {
        set("defaults", "timeout", "soon");

        assertEquals(
                List.of("APPSVC0133: appservices.defaults.timeout = 'soon' of App 'billing' is neither a number "
                        + "of milliseconds (60000) nor an ISO-8601 duration (PT60S)"),
                messages(settings.validate("billing")));
    }

    @Test
    void keySourceProblems() throws IOException {
        set("orders", "metadata.mode", "encryption");
        set("orders", "metadata.encryption-key", "c2hvcnQ=");
        assertEquals(
                List.of("APPSVC0141: appservices.orders.metadata.encryption-key of App 'orders' is not a "
                        + "usable encryption key: APPSVC0106: metadata encryption key has 5 bytes; it must have exactly 64 "
                        + "bytes"),
                messages(settings.validate("orders")));

        set("orders", "metadata.encryption-key", "???");
        assertEquals(
                List.of("APPSVC0141: appservices.orders.metadata.encryption-key of App 'orders' is not a "
                        + "usable encryption key: APPSVC0107: metadata encryption key is not valid base64"),
                messages(settings.validate("orders")));

        set("orders", "metadata.key-store.path", directory.resolve("keys.p12").toString());
        assertEquals(
                List.of("APPSVC0140: both appservices.orders.metadata.key-store.path and "
                        + "appservices.orders.metadata.encryption-key are configured for App 'orders': choose one key "
                        + "source"),
                messages(settings.validate("orders")));

        TestConfigSource.remove("appservices.orders.metadata.encryption-key");
        assertEquals(
                List.of("APPSVC0143: appservices.orders.metadata.key-store.path = '" + directory.resolve("keys.p12")
                        + "' of App 'orders' is not a readable file"),
                messages(settings.validate("orders")));

        Files.createFile(directory.resolve("keys.p12"));
        assertEquals(
                List.of("APPSVC0142: appservices.orders.metadata.key-store.password of App 'orders' is not set, "
                        + "but the metadata key store needs a password (also accepted: "
                        + "appservices.defaults.metadata.key-store.password)"),
                messages(settings.validate("orders")));

        set("orders", "metadata.key-store.password", "secret");
        set("orders", "metadata.key-store.alias", " ");
        assertEquals(
                List.of("APPSVC0144: appservices.orders.metadata.key-store.alias of App 'orders' is not "
                        + "usable: APPSVC0111: 'alias' must not be blank"),
                messages(settings.validate("orders")));
    }

    @Test
    void secretsNeverAppearInMessages() {
        String secretKey = Base64.getEncoder().encodeToString("sixty-four bytes? no, a secret".getBytes());
        set("orders", "metadata.mode", "encryption");
        set("orders", "metadata.encryption-key", secretKey);
        set("orders", "headers.X Secret", "token-value");

        for (AppServicesConfigException problem : settings.validate("orders")) {
            assertFalse(problem.getMessage().contains(secretKey), problem.getMessage());
            assertFalse(problem.getMessage().contains("token-value"), problem.getMessage());
        }
        assertEquals(2, settings.validate("orders").size());
    }

    @Test
    void validateReportsEveryProblemAndReadThrowsTheFirstWithTheOthersSuppressed() {
        set("orders", "base-url", "mailto:ana@example.com");
        set("orders", "timeout", "-");
        set("defaults", "metadata.mode", "on-disk");

        List<AppServicesConfigException> problems = settings.validate("orders");
        assertEquals(
                List.of(
                        "appservices.orders.base-url",
                        "appservices.orders.timeout",
                        "appservices.defaults.metadata.mode"),
                problems.stream()
                        .map(problem -> problem.propertyName().orElseThrow())
                        .toList());

        AppServicesConfigException thrown =
                assertThrows(AppServicesConfigException.class, () -> settings.read("orders"));
        assertEquals(problems.get(0).getMessage(), thrown.getMessage());
        assertEquals(
                List.of(problems.get(1).getMessage(), problems.get(2).getMessage()),
                Arrays.stream(thrown.getSuppressed()).map(Throwable::getMessage).toList());
    }

    private static void set(String section, String suffix, String value) {
        TestConfigSource.set(ConfigKeys.key(section, suffix), value);
    }

    private static List<String> messages(List<AppServicesConfigException> problems) {
        return problems.stream().map(Throwable::getMessage).toList();
    }
}
