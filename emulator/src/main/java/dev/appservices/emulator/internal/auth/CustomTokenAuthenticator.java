package dev.appservices.emulator.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.appservices.emulator.internal.app.EmulatedApp;
import dev.appservices.emulator.internal.config.AppSettings;
import dev.appservices.emulator.internal.http.Fields;
import dev.appservices.emulator.internal.http.ServiceError;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.state.AppState;
import dev.appservices.emulator.internal.state.Records.Identity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * {@code custom-token} login: {@code token} is a JWT signed by the app's external identity system. It must be a
 * signed JWT (unsigned {@code alg: none} tokens are refused) with the configured algorithm, verify against one of
 * the configured keys, carry {@code sub} and an unexpired {@code exp}, and name an accepted audience if audiences
 * are configured. Configured metadata fields become profile fields. Verification is done with nimbus-jose-jwt;
 * the verifiers are built once, at start-up. Thread-safe.
 */
final class CustomTokenAuthenticator implements Authenticator {

    static final String TYPE = "custom-token";
    private static final String KEYS = "providers.custom-token.signingKeys";

    private final JWSAlgorithm algorithm;
    private final List<JWSVerifier> verifiers;
    private final DefaultJWTClaimsVerifier<?> claimsVerifier;
    private final List<AppSettings.MetadataField> metadataFields;

    CustomTokenAuthenticator(String appId, AppSettings.CustomToken settings, Clock clock) {
        this.algorithm = JWSAlgorithm.parse(settings.algorithm());
        this.verifiers = new ArrayList<>();
        for (int i = 0; i < settings.signingKeys().size(); i++) {
            verifiers.add(
                    verifier(appId, KEYS + "[" + i + "]", settings.signingKeys().get(i)));
        }
        Set<String> audience = settings.audience().isEmpty() ? null : new HashSet<>(settings.audience());
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(audience, null, Set.of("sub", "exp"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        this.metadataFields = settings.metadataFields();
    }

    @Override
    public Credential authenticate(EmulatedApp app, BsonDocument body) {
        String token = Fields.requiredString(body, "token");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw rejected("not a signed JWT");
        }
        if (!algorithm.equals(jwt.getHeader().getAlgorithm())) {
            throw rejected("signed with " + jwt.getHeader().getAlgorithm() + ", expected " + algorithm);
        }
        if (!verifiers.stream().anyMatch(verifier -> verifies(jwt, verifier))) {
            throw rejected("the signature does not verify with any configured key");
        }
        try {
            claimsVerifier.verify(claims, null);
        } catch (BadJWTException e) {
            throw rejected(e.getMessage());
        }
        Map<String, String> profile = new LinkedHashMap<>();
        for (AppSettings.MetadataField field : metadataFields) {
            Optional<Object> value = claim(claims.getClaims(), field.name());
            if (value.isPresent()) {
                profile.put(field.fieldName(), String.valueOf(value.get()));
            } else if (field.required()) {
                throw rejected("the required metadata field '" + field.name() + "' is missing");
            }
        }
        Identity identity = new Identity(claims.getSubject(), TYPE, app.providerId(TYPE), profile);
        return new Credential(identity, Optional.empty(), AppState.NORMAL_USER);
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /** Follows a dotted claim path such as {@code user_data.name}. */
    private static Optional<Object> claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    private JWSVerifier verifier(String appId, String key, String value) {
        try {
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                return new MACVerifier(value.getBytes(StandardCharsets.UTF_8));
            }
            return new RSASSAVerifier(rsaPublicKey(value));
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw Messages.configInvalid(
                    "of app '" + appId + "'",
                    key,
                    JWSAlgorithm.HS256.equals(algorithm)
                            ? "an HS256 secret needs at least 32 bytes"
                            : "not a PEM RSA public key (-----BEGIN PUBLIC KEY-----): " + e.getMessage());
        }
    }

    /** Reads a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) with the JDK's key factory. */
    private static RSAPublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static ServiceError rejected(String reason) {
        return ServiceError.authError(Messages.customTokenRejected(reason));
    }
}
