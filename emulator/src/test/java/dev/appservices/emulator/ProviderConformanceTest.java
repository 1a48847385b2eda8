package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every login provider's success and failure, linking, and the admin actions on users. */
class ProviderConformanceTest {

    private static final String APP = "providers";
    private static final String HS_SECRET = "providers-test-secret-of-32-bytes!!";
    private static final String SERVER_KEY = "server-secret-key-for-tests";

    private static KeyPair rsa;
    private static AppServicesEmulator emulator;
    private static WireClient client;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        emulator = AppServicesEmulator.builder()
                .app(AppDefinition.builder(APP)
                        .anonymousAuth()
                        .emailPasswordAuth(true)
                        .serverApiKey("backend", SERVER_KEY)
                        .customTokenAuth("HS256", List.of(HS_SECRET), List.of("providers-audience"))
                        .customTokenMetadataField("user_data.name", "name", false)
                        .customTokenMetadataField("email", "email", true)
                        .customFunctionAuth("customAuth")
                        .trustedOAuthToken("oauth2-google", "google-token", "google-1", Map.of("name", "Gina"))
                        .trustedOAuthToken("oauth2-facebook", "facebook-token", "facebook-1", Map.of())
                        .trustedOAuthToken(
                                "oauth2-apple", "apple-token", "apple-1", Map.of("email", "abby@example.com"))
                        .customDataForEmail("data@example.com", new BsonDocument("plan", new BsonString("gold")))
                        .build())
                .app(AppDefinition.builder("rsa")
                        .customTokenAuth("RS256", List.of(pem), List.of())
                        .build())
                .start();
        client = new WireClient(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String login(String provider) {
        return CLIENT + "/app/" + APP + "/auth/providers/" + provider + "/login";
    }

    private static JsonObject profile(String accessToken) {
        WireClient.Reply reply = client.get(CLIENT + "/auth/profile", accessToken);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String hs256(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(HS_SECRET));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder validClaims(String subject) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("providers-audience")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .claim("email", subject + "@example.com")
                .claim("user_data", Map.of("name", "Name of " + subject));
    }

    @Test
    void customTokenHs256LogsInAndMapsMetadata() throws Exception {
        String body = "{\"token\":\"" + hs256(validClaims("ext-1").build()) + "\"}";
        JsonObject login = client.login(APP, "custom-token", body);
        JsonObject profile = profile(login.getString("access_token"));
        assertEquals("Name of ext-1", profile.getJsonObject("data").getString("name"));
        assertEquals("ext-1@example.com", profile.getJsonObject("data").getString("email"));
        JsonObject identity = profile.getJsonArray("identities").getJsonObject(0);
        assertEquals("ext-1", identity.getString("id"));
        assertEquals("custom-token", identity.getString("provider_type"));
        assertEquals(
                login.getString("user_id"),
                client.login(APP, "custom-token", body).getString("user_id"));
    }

    @Test
    void customTokenRs256IsVerifiedWithThePublicKey() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject("r-1")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) rsa.getPrivate()));
        client.login("rsa", "custom-token", "{\"token\":\"" + jwt.serialize() + "\"}");

        String hsToken = hs256(validClaims("r-2").build());
        assertEquals(
                "AuthError",
                client.post(
                                CLIENT + "/app/rsa/auth/providers/custom-token/login",
                                null,
                                "{\"token\":\"" + hsToken + "\"}")
                        .errorCode(401));
    }

    @Test
    void customTokenFailuresAreAuthErrors() throws Exception {
        String unsigned = new PlainJWT(validClaims("none").build()).serialize();
        String wrongAudience = hs256(validClaims("aud").audience("someone-else").build());
        String expired = hs256(validClaims("old")
                .expirationTime(new Date(System.currentTimeMillis() - 60_000))
                .build());
        String noEmail = hs256(validClaims("mail").claim("email", null).build());
        SignedJWT otherKey = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), validClaims("key").build());
        otherKey.sign(new MACSigner("another-secret-that-is-long-enough!!"));
        for (String token : List.of(unsigned, wrongAudience, expired, noEmail, otherKey.serialize(), "garbage")) {
            WireClient.Reply reply = client.post(login("custom-token"), null, "{\"token\":\"" + token + "\"}");
            assertEquals("AuthError", reply.errorCode(401), token);
            assertTrue(reply.json().getString("error").startsWith("APPSVC0546: "), reply.body());
        }
    }

    @Test
    void customFunctionUsesTheAuthenticationFunction() {
        JsonObject login = client.login(APP, "custom-function", "{\"externalId\":\"fn-1\",\"name\":\"Fun\"}");
        JsonObject profile = profile(login.getString("access_token"));
        assertEquals("Fun", profile.getJsonObject("data").getString("name"));
        assertEquals(
                "custom-function",
                profile.getJsonArray("identities").getJsonObject(0).getString("provider_type"));
        WireClient.Reply rejected = client.post(login("custom-function"), null, "{\"somethingElse\":1}");
        assertEquals("AuthError", rejected.errorCode(401));
        assertTrue(rejected.json().getString("error").contains("externalId"), rejected.body());
    }

    @Test
    void oauthProvidersAcceptOnlyTrustedTokens() {
        JsonObject google = client.login(APP, "oauth2-google", "{\"authCode\":\"google-token\"}");
        assertEquals(
                "Gina",
                profile(google.getString("access_token")).getJsonObject("data").getString("name"));
        assertEquals(
                google.getString("user_id"),
                client.login(APP, "oauth2-google", "{\"id_token\":\"google-token\"}")
                        .getString("user_id"));
        JsonObject facebook = client.login(APP, "oauth2-facebook", "{\"accessToken\":\"facebook-token\"}");
        assertEquals(
                "oauth2-facebook",
                profile(facebook.getString("access_token"))
                        .getJsonArray("identities")
                        .getJsonObject(0)
                        .getString("provider_type"));
        JsonObject apple = client.login(APP, "oauth2-apple", "{\"id_token\":\"apple-token\"}");
        assertEquals(
                "abby@example.com",
                profile(apple.getString("access_token")).getJsonObject("data").getString("email"));

        assertEquals(
                "AuthError",
                client.post(login("oauth2-google"), null, "{\"authCode\":\"forged\"}")
                        .errorCode(401));
        assertEquals(
                "AuthError",
                client.post(login("oauth2-apple"), null, "{\"id_token\":\"google-token\"}")
                        .errorCode(401));
        assertEquals(
                "MissingParameter",
                client.post(login("oauth2-facebook"), null, "{}").errorCode(400));
    }

    @Test
    void serverApiKeysLogInAServerUser() {
        JsonObject login = client.login(APP, "api-key", "{\"key\":\"" + SERVER_KEY + "\"}");
        JsonObject profile = profile(login.getString("access_token"));
        assertEquals("server", profile.getString("type"));
        assertEquals(
                login.getString("user_id"),
                client.login(APP, "api-key", "{\"key\":\"" + SERVER_KEY + "\"}").getString("user_id"));
        assertEquals(
                "AuthError",
                client.post(login("api-key"), null, "{\"key\":\"wrong\"}").errorCode(401));
    }

    @Test
    void unknownOrDisabledProvidersAreRefused() {
        assertEquals(
                "AuthProviderNotFound",
                client.post(login("nonsense"), null, "{}").errorCode(400));
        assertEquals(
                "AuthProviderNotFound",
                client.post(CLIENT + "/app/rsa/auth/providers/anon-user/login", null, "{}")
                        .errorCode(400));
    }

    @Test
    void linkingAddsTheIdentityToTheCallingUser() throws Exception {
        JsonObject anonymous = client.loginAnonymously(APP);
        String accessToken = anonymous.getString("access_token");
        client.register(APP, "link@example.com", "password1");
        WireClient.Reply linked = client.post(
                login("local-userpass") + "?link=true",
                accessToken,
                "{\"username\":\"link@example.com\",\"password\":\"password1\"}");
        assertEquals(200, linked.status(), linked.body());
        assertEquals(anonymous.getString("user_id"), linked.json().getString("user_id"));
        JsonArray identities = profile(linked.json().getString("access_token")).getJsonArray("identities");
        assertEquals(2, identities.size());
        assertEquals("local-userpass", identities.getJsonObject(1).getString("provider_type"));

        JsonObject emailLogin =
                client.login(APP, "local-userpass", "{\"username\":\"link@example.com\",\"password\":\"password1\"}");
        assertEquals(anonymous.getString("user_id"), emailLogin.getString("user_id"), "same user id keeps it");

        JsonObject other = client.loginAnonymously(APP);
        WireClient.Reply taken = client.post(
                login("local-userpass") + "?link=true",
                other.getString("access_token"),
                "{\"username\":\"link@example.com\",\"password\":\"password1\"}");
        assertEquals("AuthError", taken.errorCode(401));

        String token = hs256(validClaims("linked-ext").build());
        WireClient.Reply second = client.post(
                login("custom-token") + "?link=true",
                linked.json().getString("access_token"),
                "{\"token\":\"" + token + "\"}");
        assertEquals(200, second.status(), second.body());
        assertEquals(
                3,
                profile(second.json().getString("access_token"))
                        .getJsonArray("identities")
                        .size());

        assertEquals(
                "MissingAuthReq",
                client.post(login("anon-user") + "?link=true", null, "{}").errorCode(401));
    }

    @Test
    void disabledUsersCannotLogInAndLoseTheirSessions() {
        client.register(APP, "disabled@example.com", "password1");
        String credentials = "{\"username\":\"disabled@example.com\",\"password\":\"password1\"}";
        JsonObject login = client.login(APP, "local-userpass", credentials);
        String userId = login.getString("user_id");
        emulator.admin().disableUser(APP, userId);
        assertEquals(
                "UserDisabled",
                client.post(login("local-userpass"), null, credentials).errorCode(401));
        assertEquals(
                "InvalidSession",
                client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null)
                        .errorCode(401));
        emulator.admin().enableUser(APP, userId);
        assertEquals(userId, client.login(APP, "local-userpass", credentials).getString("user_id"));
        assertTrue(emulator.admin().users(APP).stream()
                .anyMatch(user -> user.id().equals(userId)
                        && !user.disabled()
                        && user.identities().get(0).data().get("email").equals("disabled@example.com")));
    }

    @Test
    void adminLogoutRevokesEverySessionOfTheUser() {
        JsonObject first = client.loginAnonymously(APP);
        String userId = first.getString("user_id");
        emulator.admin().logoutUser(APP, userId);
        assertEquals(
                "InvalidSession",
                client.post(CLIENT + "/auth/session", first.getString("refresh_token"), null)
                        .errorCode(401));
        assertEquals(
                "InvalidSession",
                client.get(CLIENT + "/auth/profile", first.getString("access_token"))
                        .errorCode(401));
    }

    @Test
    void customDataComesFromConfigurationAndTheAdminApi() {
        client.register(APP, "data@example.com", "password1");
        JsonObject login =
                client.login(APP, "local-userpass", "{\"username\":\"data@example.com\",\"password\":\"password1\"}");
        JsonObject claims = WireClient.claims(login.getString("access_token"));
        assertEquals("gold", claims.getJsonObject("user_data").getString("plan"));

        emulator.admin()
                .setCustomData(
                        APP,
                        login.getString("user_id"),
                        BsonDocument.parse("{\"plan\":\"platinum\",\"seats\":{\"$numberLong\":\"12\"}}"));
        String refreshed = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null)
                .json()
                .getString("access_token");
        JsonObject userData = WireClient.claims(refreshed).getJsonObject("user_data");
        assertEquals("platinum", userData.getString("plan"));
        assertEquals(12, userData.getInt("seats"), "relaxed JSON in the token");
        assertNotEquals(login.getString("access_token"), refreshed);

        emulator.admin().clearCustomData(APP, login.getString("user_id"));
        String cleared = client.post(CLIENT + "/auth/session", login.getString("refresh_token"), null)
                .json()
                .getString("access_token");
        assertEquals(
                "gold", WireClient.claims(cleared).getJsonObject("user_data").getString("plan"));
    }
}
