package dev.appservices.emulator.internal.auth;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.appservices.emulator.internal.app.Apps;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.http.Request;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Session;
import dev.appservices.emulator.internal.state.Records.SignedIn;
import dev.appservices.emulator.internal.state.Records.User;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import org.bson.BsonDocument;

/**
 * Issues and verifies the emulator's access and refresh tokens: HS256 JWTs signed with the app's secret.
 *
 * <p>Claims: {@code sub} (user id), integer {@code iat} and {@code exp} (seconds), {@code typ} ({@code access} or
 * {@code refresh}), {@code baas_device_id}, {@code baas_domain_id}, {@code baas_session_id} and, in access tokens of
 * users that have custom user data, {@code user_data}. {@code exp} is rounded up to the next whole second, so a token
 * lives at least its configured lifetime. A token is valid while its session exists, so logging out, disabling or
 * deleting the user invalidates both the refresh token and the access tokens of that session at once.
 * Stateless apart from the apps it reads; thread-safe.
 */
public final class TokenService {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    private static final String SESSION_CLAIM = "baas_session_id";
    private static final String DOMAIN_CLAIM = "baas_domain_id";

    /**
     * Every token's header. Parsed from its own encoding, so that it keeps that encoding: a header built anew is
     * written as JSON and encoded again for every token, which was a fifth of issuing one.
     */
    private static final JWSHeader HEADER;

    /**
     * The JCA provider of HmacSHA256, named to the signers and verifiers: without it each signature looks the
     * provider up again, twice.
     */
    private static final Provider HMAC_PROVIDER;

    static {
        try {
            HEADER = JWSHeader.parse(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(JOSEObjectType.JWT)
                    .build()
                    .toBase64URL());
            HMAC_PROVIDER = Mac.getInstance("HmacSHA256").getProvider();
        } catch (ParseException | NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Apps apps;
    private final Clock clock;
    /** The signer and verifier of each app's state; both only hold the secret and are thread-safe. */
    private final Map<AppState, Keys> keys = new ConcurrentHashMap<>();

    public TokenService(Apps apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    /** What a verified token stands for. */
    public record Verified(EmulatedApp app, Session session, User user) {}

    private record Keys(MACSigner signer, MACVerifier verifier) {}

    public String accessToken(EmulatedApp app, User user, Session session) {
        BsonDocument claims = claims(
                app, user, session, ACCESS, app.settings().accessTokenTtl().toMillis());
        app.customData(user).ifPresent(customData -> claims.append("user_data", customData));
        return sign(app, claims);
    }

    /** A refresh token that expires with its session. */
    public String refreshToken(EmulatedApp app, User user, Session session) {
        return sign(app, claims(app, user, session, REFRESH, session.expiresAt() - clock.millis()));
    }

    /**
     * Verifies the request's bearer token and attributes the request to the token's app.
     *
     * @param type {@link #ACCESS} or {@link #REFRESH}
     * @throws ServiceError 401 {@code MissingAuthReq} without a bearer token, 401 {@code InvalidSession} for a
     *     malformed, foreign, expired or revoked token or one of the wrong type
     */
    public Verified verify(Request request, String type) {
        return verify(request, request.bearerToken().orElseThrow(ServiceError::missingAuthorization), type);
    }

    /**
     * Verifies a token the request carries elsewhere than in its {@code Authorization} header (the
     * {@code baas_at} query parameter of streaming calls) and attributes the request to the token's app.
     *
     * @throws ServiceError 401 {@code InvalidSession} as {@link #verify(Request, String)}
     */
    public Verified verify(Request request, String token, String type) {
        Verified verified = verify(token, type);
        request.attributeTo(verified.app().id());
        return verified;
    }

    /**
     * Checks what needs no store first, with the app's signing secret read at start (the token's
     * {@code baas_domain_id} names the app): signature, type and expiry, so a forged, foreign or expired token never
     * reaches the store. Then the session check: with a shared store one lookup of the session and one of its user,
     * both by id, so that a logout, a disabled or a deleted user on any emulator sharing the store ends the token at
     * its next request; with the embedded store, which only this emulator changes, from memory.
     */
    Verified verify(String token, String type) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw ServiceError.invalidSession("malformed token");
        }
        String domainId = stringClaim(claims, DOMAIN_CLAIM);
        EmulatedApp app = apps.all().stream()
                .filter(candidate -> candidate.state().domainId().equals(domainId))
                .findFirst()
                .orElseThrow(() -> ServiceError.invalidSession("the token belongs to no app of this emulator"));
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(keys(app).verifier())) {
                throw ServiceError.invalidSession("signature invalid");
            }
        } catch (JOSEException e) {
            throw ServiceError.invalidSession("signature invalid");
        }
        if (!type.equals(stringClaim(claims, "typ"))) {
            throw ServiceError.invalidSession(
                    "expected a" + (ACCESS.equals(type) ? "n access" : " refresh") + " token");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || expiry.getTime() <= clock.millis()) {
            throw ServiceError.invalidSession(type + " token expired");
        }
        SignedIn signedIn = app.state()
                .signedIn(stringClaim(claims, SESSION_CLAIM))
                // The service's text for a refresh token of a deleted user or an ended session; realm-web's
                // app.deleteUser() logs out after deleting and ignores exactly this message.
                .orElseThrow(() -> REFRESH.equals(type)
                        ? ServiceError.refreshTokenNotFound()
                        : ServiceError.invalidSession("the session has ended"));
        User user = signedIn.user();
        if (!user.id().equals(claims.getSubject())) {
            throw ServiceError.invalidSession("the token's subject is not the session's user");
        }
        if (user.disabled()) {
            throw ServiceError.invalidSession("the user is disabled");
        }
        return new Verified(app, signedIn.session(), user);
    }

    private BsonDocument claims(EmulatedApp app, User user, Session session, String type, long lifetimeMillis) {
        long now = clock.millis();
        return document()
                .put("sub", user.id())
                .put("iat", now / 1000)
                .put("exp", (now + lifetimeMillis + 999) / 1000)
                .put("typ", type)
                .put("baas_device_id", session.deviceId())
                .put(DOMAIN_CLAIM, app.state().domainId())
                .put(SESSION_CLAIM, session.id())
                .build();
    }

    /**
     * Signs the claims (written as relaxed EJSON, so {@code user_data} is its relaxed EJSON as the service writes it)
     * with nimbus. The payload is written by the BSON library and encoded by the JDK: nimbus's claims set would copy
     * the claims, write them with its own JSON library and encode them with its own codec, which took a third of
     * issuing a token.
     */
    private String sign(EmulatedApp app, BsonDocument claims) {
        byte[] payload = JsonSupport.toJson(claims).getBytes(StandardCharsets.UTF_8);
        JWSObject jws = new JWSObject(
                HEADER,
                new Payload(
                        new Base64URL(Base64.getUrlEncoder().withoutPadding().encodeToString(payload))));
        try {
            jws.sign(keys(app).signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("an HS256 signer with a 256-bit secret failed", e);
        }
        return jws.serialize();
    }

    private Keys keys(EmulatedApp app) {
        return keys.computeIfAbsent(app.state(), state -> {
            try {
                MACSigner signer = new MACSigner(state.signingSecret());
                MACVerifier verifier = new MACVerifier(state.signingSecret());
                signer.getJCAContext().setProvider(HMAC_PROVIDER);
                verifier.getJCAContext().setProvider(HMAC_PROVIDER);
                return new Keys(signer, verifier);
            } catch (JOSEException e) {
                throw new IllegalStateException("an HS256 secret of 256 bits was refused", e);
            }
        });
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            String value = claims.getStringClaim(name);
            if (value == null) {
                throw ServiceError.invalidSession("malformed token");
            }
            return value;
        } catch (ParseException e) {
            throw ServiceError.invalidSession("malformed token");
        }
    }
}
