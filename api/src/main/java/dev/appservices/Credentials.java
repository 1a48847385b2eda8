package dev.appservices;

import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;

/**
 * The credentials of one login with one authentication provider, for {@link App#logIn(Credentials)} and
 * {@link User#linkCredentials(Credentials)}.
 *
 * <pre>{@code
 * app.logIn(Credentials.emailPassword("ana@example.com", "s3cret!"));
 * app.logIn(Credentials.function(Map.of("username", "ana")));
 * app.logIn(Credentials.anonymous());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} shows the provider only, never a secret.
 *
 * @since 0.1
 */
public final class Credentials {

    /**
     * Provider type of anonymous users: {@code anon-user}.
     */
    public static final String ANONYMOUS = "anon-user";

    /**
     * Provider type of email/password users: {@code local-userpass}.
     */
    public static final String EMAIL_PASSWORD = "local-userpass";

    /**
     * Provider type of API-key logins: {@code api-key}.
     */
    public static final String API_KEY = "api-key";

    /**
     * Provider type of custom JWT logins: {@code custom-token}.
     */
    public static final String JWT = "custom-token";

    /**
     * Provider type of custom-function logins: {@code custom-function}.
     */
    public static final String FUNCTION = "custom-function";

    /**
     * Provider type of Google logins: {@code oauth2-google}.
     */
    public static final String GOOGLE = "oauth2-google";

    /**
     * Provider type of Facebook logins: {@code oauth2-facebook}.
     */
    public static final String FACEBOOK = "oauth2-facebook";

    /**
     * Provider type of Sign in with Apple: {@code oauth2-apple}.
     */
    public static final String APPLE = "oauth2-apple";

    private final String provider;
    private final boolean reuseAnonymous;
    private final BsonDocument payload;

    private Credentials(String provider, boolean reuseAnonymous, BsonDocument payload) {
        this.provider = provider;
        this.reuseAnonymous = reuseAnonymous;
        this.payload = payload;
    }

    /**
     * Anonymous credentials that reuse a logged-in anonymous user of the App, if there is one, without a network
     * call; same as {@code anonymous(true)}.
     *
     * @return the credentials
     */
    public static Credentials anonymous() {
        return anonymous(true);
    }

    /**
     * Anonymous credentials.
     *
     * @param reuse {@code true} to reuse a logged-in anonymous user of the App if there is one; {@code false} to
     *              always create a new anonymous user
     * @return the credentials
     */
    public static Credentials anonymous(boolean reuse) {
        return new Credentials(ANONYMOUS, reuse, new BsonDocument());
    }

    /**
     * Email/password credentials for the {@code local-userpass} provider.
     *
     * @param email    the email address the user registered with
     * @param password the password
     * @return the credentials
     * @throws NullPointerException if an argument is null
     */
    public static Credentials emailPassword(String email, String password) {
        return of(
                EMAIL_PASSWORD,
                "username",
                ApiMessages.requireNonNull(email, "email"),
                "password",
                ApiMessages.requireNonNull(password, "password"));
    }

    /**
     * API-key credentials (a user API key or a server API key).
     *
     * @param key the key value
     * @return the credentials
     * @throws NullPointerException if {@code key} is null
     */
    public static Credentials apiKey(String key) {
        return of(API_KEY, "key", ApiMessages.requireNonNull(key, "key"));
    }

    /**
     * Custom JWT credentials for the {@code custom-token} provider.
     *
     * @param token the JWT, signed as the provider expects
     * @return the credentials
     * @throws NullPointerException if {@code token} is null
     */
    public static Credentials jwt(String token) {
        return of(JWT, "token", ApiMessages.requireNonNull(token, "token"));
    }

    /**
     * Custom-function credentials: {@code payload} is passed to the app's authentication function as is.
     *
     * @param payload the payload; it is copied, and its values must be encodable by the BSON library's default
     *                codecs (BSON values, boxed primitives, strings, dates, {@code java.time} values, maps, lists and
     *                documents)
     * @return the credentials
     * @throws NullPointerException if {@code payload} is null
     * @throws org.bson.codecs.configuration.CodecConfigurationException if a value cannot be encoded
     */
    public static Credentials function(Map<String, ?> payload) {
        ApiMessages.requireNonNull(payload, "payload");
        return function(new Document(payload));
    }

    /**
     * Custom-function credentials: {@code payload} is passed to the app's authentication function as is.
     *
     * @param payload the payload; it is copied, and its values must be encodable by the BSON library's default
     *                codecs
     * @return the credentials
     * @throws NullPointerException if {@code payload} is null
     * @throws org.bson.codecs.configuration.CodecConfigurationException if a value cannot be encoded
     */
    public static Credentials function(Document payload) {
        return new Credentials(FUNCTION, false, Documents.snapshot(ApiMessages.requireNonNull(payload, "payload")));
    }

    /**
     * Google credentials from a server auth code.
     *
     * @param authCode the auth code
     * @return the credentials
     * @throws NullPointerException if {@code authCode} is null
     */
    public static Credentials google(GoogleAuthCode authCode) {
        return of(
                GOOGLE,
                "authCode",
                ApiMessages.requireNonNull(authCode, "authCode").code());
    }

    /**
     * Google credentials from an OpenID Connect id token.
     *
     * @param idToken the id token
     * @return the credentials
     * @throws NullPointerException if {@code idToken} is null
     */
    public static Credentials google(GoogleIdToken idToken) {
        return of(
                GOOGLE,
                "id_token",
                ApiMessages.requireNonNull(idToken, "idToken").token());
    }

    /**
     * Facebook credentials.
     *
     * @param accessToken the Facebook access token
     * @return the credentials
     * @throws NullPointerException if {@code accessToken} is null
     */
    public static Credentials facebook(String accessToken) {
        return of(FACEBOOK, "accessToken", ApiMessages.requireNonNull(accessToken, "accessToken"));
    }

    /**
     * Sign in with Apple credentials.
     *
     * @param idToken the Apple id token
     * @return the credentials
     * @throws NullPointerException if {@code idToken} is null
     */
    public static Credentials apple(String idToken) {
        return of(APPLE, "id_token", ApiMessages.requireNonNull(idToken, "idToken"));
    }

    /**
     * Returns the provider type, which is also the provider name in the login path.
     *
     * @return one of the provider constants of this class, such as {@link #EMAIL_PASSWORD}
     */
    public String provider() {
        return provider;
    }

    /**
     * Tells whether a logged-in anonymous user may be reused instead of logging in.
     *
     * @return {@code true} only for {@link #anonymous()} and {@code anonymous(true)}
     */
    public boolean reuseAnonymous() {
        return reuseAnonymous;
    }

    /**
     * Returns the fields of the login request body besides {@code provider} and {@code options}: {@code username}
     * and {@code password} (local-userpass), {@code key} (api-key), {@code token} (custom-token), the payload
     * verbatim (custom-function), {@code authCode} or {@code id_token} (oauth2-google), {@code accessToken}
     * (oauth2-facebook), {@code id_token} (oauth2-apple); empty for anon-user.
     *
     * <p>The document contains secrets: do not log it.
     *
     * @return a new copy on each call
     */
    public Document payload() {
        return Documents.toDocument(payload);
    }

    /**
     * Describes the credentials by provider only.
     *
     * @return for example {@code "Credentials[provider=local-userpass]"}
     */
    @Override
    public String toString() {
        return "Credentials[provider=" + provider + "]";
    }

    private static Credentials of(String provider, String key, String value) {
        return new Credentials(provider, false, new BsonDocument(key, new BsonString(value)));
    }

    private static Credentials of(String provider, String key1, String value1, String key2, String value2) {
        return new Credentials(
                provider, false, new BsonDocument(key1, new BsonString(value1)).append(key2, new BsonString(value2)));
    }
}
