package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "myapp-abcde", "0app", "a", "a-"})
    void acceptsWellFormedIds(String id) {
        assertTrue(AppConfiguration.isValidId(id));
        assertEquals(id, AppConfiguration.builder(id).build().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Orders", "-app", "my_app", "my.app", "app id", "ünicode"})
    void rejectsMalformedIds(String id) {
        assertFalse(AppConfiguration.isValidId(id));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppConfiguration.builder(id));
        assertTrue(e.getMessage().startsWith("APPSVC0100: app id '" + id + "' is malformed"), e.getMessage());
    }

    @Test
    void rejectsReservedId() {
        assertFalse(AppConfiguration.isValidId("defaults"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AppConfiguration.builder("defaults"));
        assertTrue(e.getMessage().startsWith("APPSVC0101: app id 'defaults' is reserved"), e.getMessage());
    }

    @Test
    void rejectsNullId() {
        assertFalse(AppConfiguration.isValidId(null));
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> AppConfiguration.builder((String) null));
        assertEquals("APPSVC0109: 'id' must not be null", e.getMessage());
    }

    @Test
    void hasDocumentedDefaults() {
        AppConfiguration config = AppConfiguration.builder("orders").build();
        assertEquals(Optional.empty(), config.baseUrl());
        assertEquals(Duration.ofSeconds(60), config.timeout());
        assertEquals(MetadataMode.NO_ENCRYPTION, config.metadata().mode());
        assertEquals(MetadataConfiguration.defaultDirectory(), config.metadata().directory());
        assertEquals(Optional.empty(), config.appName());
        assertEquals(Optional.empty(), config.appVersion());
        assertFalse(config.skipLocation());
        assertTrue(config.headers().isEmpty());
        assertEquals("Authorization", config.authorizationHeaderName());
        assertEquals(URI.create("https://services.cloud.mongodb.com"), AppConfiguration.DEFAULT_BASE_URL);
    }

    @Test
    void stripsTrailingSlashesFromBaseUrl() {
        assertEquals(URI.create("http://127.0.0.1:9090"), baseUrl("http://127.0.0.1:9090/"));
        assertEquals(
                URI.create("https://proxy.example.com/appservices"),
                baseUrl("https://proxy.example.com/appservices//"));
        assertEquals(URI.create("HTTPS://example.com"), baseUrl("HTTPS://example.com"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://example.com", "example.com", "/relative", "http:///nohost", "http://h/?q=1", "http://h/#f"
            })
    void rejectsUnusableBaseUrls(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> baseUrl(url));
        assertTrue(e.getMessage().startsWith("APPSVC0102: base URL '" + url + "' is invalid"), e.getMessage());
    }

    @Test
    void rejectsUserInfoWithoutShowingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> baseUrl("https://ana:s3cret@example.com"));
        assertEquals(
                "APPSVC0102: base URL 'https://***@example.com' is invalid: it must not contain user info",
                e.getMessage());
    }

    @Test
    void nullBaseUrlMeansDefault() {
        AppConfiguration config = AppConfiguration.builder("orders")
                .baseUrl(URI.create("http://h"))
                .baseUrl(null)
                .build();
        assertEquals(Optional.empty(), config.baseUrl());
    }

    @Test
    void rejectsNonPositiveTimeout() {
        AppConfiguration.Builder builder = AppConfiguration.builder("orders");
        assertEquals(
                "APPSVC0103: timeout PT0S is not positive",
                assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ZERO))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ofMillis(-1)));
        assertEquals(
                Duration.ofMillis(1),
                builder.timeout(Duration.ofMillis(1)).build().timeout());
    }

    @Test
    void validatesHeaders() {
        AppConfiguration.Builder builder = AppConfiguration.builder("orders");
        IllegalArgumentException name =
                assertThrows(IllegalArgumentException.class, () -> builder.header("X Bad", "v"));
        assertTrue(name.getMessage().startsWith("APPSVC0104: header name 'X Bad'"), name.getMessage());
        IllegalArgumentException value = assertThrows(
                IllegalArgumentException.class, () -> builder.header("X-Token", "secret\r\nInjected: yes"));
        assertTrue(value.getMessage().startsWith("APPSVC0108: value of header 'X-Token'"), value.getMessage());
        assertFalse(value.getMessage().contains("secret"));
        IllegalArgumentException auth =
                assertThrows(IllegalArgumentException.class, () -> builder.authorizationHeaderName("Bad:Name"));
        assertTrue(auth.getMessage().startsWith("APPSVC0104: authorization header name 'Bad:Name'"));
    }

    @Test
    void keepsHeadersInInsertionOrderAndReplacesIgnoringCase() {
        AppConfiguration config = AppConfiguration.builder("orders")
                .header("X-B", "1")
                .header("X-A", "2")
                .header("x-b", "3")
                .build();
        assertEquals(List.of("X-A", "x-b"), List.copyOf(config.headers().keySet()));
        assertEquals("3", config.headers().get("x-b"));
        assertThrows(UnsupportedOperationException.class, () -> config.headers().put("X-C", "4"));
    }

    @Test
    void equalsByValueAndCopiesWithBuilder() {
        AppConfiguration config = full();
        assertEquals(config, full());
        assertEquals(config.hashCode(), full().hashCode());
        assertEquals(config, AppConfiguration.builder(config).build());
        assertNotEquals(
                config, AppConfiguration.builder(config).skipLocation(false).build());
        assertNotEquals(
                config,
                AppConfiguration.builder(config).header("Cookie", "other").build());
        assertNotEquals(
                config,
                AppConfiguration.builder(config).timeout(Duration.ofSeconds(6)).build());
        assertNotEquals(config, AppConfiguration.builder(config).baseUrl(null).build());
    }

    @Test
    void toStringShowsHeaderNamesButNoValues() {
        String text = full().toString();
        assertTrue(text.contains("headers=[Authorization, Cookie]"), text);
        assertFalse(text.contains("Bearer"), text);
        assertFalse(text.contains("session=abc"), text);
        assertTrue(text.contains("id=orders"), text);
    }

    private static AppConfiguration full() {
        return AppConfiguration.builder("orders")
                .baseUrl(URI.create("http://127.0.0.1:9090/"))
                .timeout(Duration.ofSeconds(5))
                .metadata(MetadataConfiguration.inMemory())
                .appName("shop")
                .appVersion("1.2")
                .skipLocation(true)
                .header("Authorization", "Bearer proxy-secret")
                .header("Cookie", "session=abc")
                .authorizationHeaderName("X-AppServices-Authorization")
                .build();
    }

    private static URI baseUrl(String url) {
        return AppConfiguration.builder("orders")
                .baseUrl(URI.create(url))
                .build()
                .baseUrl()
                .orElseThrow();
    }
}
