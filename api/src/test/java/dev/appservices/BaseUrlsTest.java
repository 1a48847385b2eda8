package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule of server URLs. */
class BaseUrlsTest {

    @Test
    void removesEveryTrailingSlashAndKeepsAUrlWithoutOne() {
        assertEquals(URI.create("https://h.example/base"), BaseUrls.normalize(URI.create("https://h.example/base//")));
        URI plain = URI.create("HTTP://127.0.0.1:9090");
        assertSame(plain, BaseUrls.normalize(plain));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/relative",
                "ftp://h.example",
                "http:opaque",
                "http://user:secret@h.example",
                "http://h.example/?q=1",
                "http://h.example/#top"
            })
    void refusesWhatCannotTakeTheClientPath(String url) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BaseUrls.normalize(URI.create(url)));
        assertTrue(e.getMessage().startsWith("APPSVC0102: "), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void parsesServerTextOrAnswersEmpty() {
        assertEquals(Optional.of(URI.create("http://h.example")), BaseUrls.parse("  http://h.example/ "));
        assertEquals(Optional.empty(), BaseUrls.parse(null));
        assertEquals(Optional.empty(), BaseUrls.parse(" "));
        assertEquals(Optional.empty(), BaseUrls.parse("http://h example"));
        assertEquals(Optional.empty(), BaseUrls.parse("/moved"));
    }
}
