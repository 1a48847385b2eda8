package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void buildsTheLoginBodyOfEachProvider() {
        check(Credentials.anonymous(), "anon-user", new Document());
        check(
                Credentials.emailPassword("ana@example.com", "pw"),
                "local-userpass",
                new Document("username", "ana@example.com").append("password", "pw"));
        check(Credentials.apiKey("k"), "api-key", new Document("key", "k"));
        check(Credentials.jwt("t"), "custom-token", new Document("token", "t"));
        check(Credentials.google(new GoogleAuthCode("c")), "oauth2-google", new Document("authCode", "c"));
        check(Credentials.google(new GoogleIdToken("i")), "oauth2-google", new Document("id_token", "i"));
        check(Credentials.facebook("f"), "oauth2-facebook", new Document("accessToken", "f"));
        check(Credentials.apple("a"), "oauth2-apple", new Document("id_token", "a"));
        check(Credentials.function(Map.of("n", 1)), "custom-function", new Document("n", 1));
    }

    @Test
    void reusesAnonymousUsersOnlyWhenAsked() {
        assertTrue(Credentials.anonymous().reuseAnonymous());
        assertTrue(Credentials.anonymous(true).reuseAnonymous());
        assertFalse(Credentials.anonymous(false).reuseAnonymous());
        assertFalse(Credentials.jwt("t").reuseAnonymous());
    }

    @Test
    void functionPayloadIsCopiedDeeplyAndKeepsTypes() {
        List<Object> items = new ArrayList<>(List.of(1L, "two"));
        Document nested = new Document("level", 2);
        Document payload = new Document("items", items).append("nested", nested).append("n", 3);
        Credentials credentials = Credentials.function(payload);
        items.add("three");
        nested.put("level", 9);
        payload.put("n", 4);
        Document body = credentials.payload();
        assertEquals(List.of(1L, "two"), body.getList("items", Object.class));
        assertEquals(2, body.get("nested", Document.class).getInteger("level"));
        assertEquals(3, body.get("n"));
        body.put("n", 5);
        assertEquals(3, credentials.payload().get("n"));
    }

    @Test
    void neverShowsSecrets() {
        assertEquals(
                "Credentials[provider=local-userpass]",
                Credentials.emailPassword("ana@example.com", "s3cret").toString());
        assertEquals("GoogleAuthCode[***]", new GoogleAuthCode("s3cret").toString());
        assertEquals("GoogleIdToken[***]", new GoogleIdToken("s3cret").toString());
    }

    @Test
    void rejectsNullArguments() {
        assertEquals(
                "APPSVC0109: 'password' must not be null",
                assertThrows(NullPointerException.class, () -> Credentials.emailPassword("a", null))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> Credentials.function((Document) null));
        assertThrows(NullPointerException.class, () -> new GoogleIdToken(null));
    }

    private static void check(Credentials credentials, String provider, Document payload) {
        assertEquals(provider, credentials.provider());
        assertEquals(payload, credentials.payload());
    }
}
