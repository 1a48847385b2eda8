package dev.appservices.emulator.internal.auth;

import static dev.appservices.emulator.internal.json.DocumentBuilder.document;

import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * The JSON bodies of the auth endpoints, with the protocol's snake_case names (protocol.md §2–§4, §7);
 * {@code null} components are omitted.
 */
final class AuthBodies {

    private AuthBodies() {}

    /** Login (and link) response; a link response has no refresh token. */
    record Login(String accessToken, String refreshToken, String userId, String deviceId) {

        BsonDocument toDocument() {
            return document()
                    .put("access_token", accessToken)
                    .put("refresh_token", refreshToken)
                    .put("user_id", userId)
                    .put("device_id", deviceId)
                    .build();
        }
    }

    /** Session refresh response. */
    record AccessToken(String accessToken) {

        BsonDocument toDocument() {
            return document().put("access_token", accessToken).build();
        }
    }

    /** Profile response. */
    record Profile(
            String userId, String domainId, List<ProfileIdentity> identities, Map<String, String> data, String type) {

        BsonDocument toDocument() {
            return document()
                    .put("user_id", userId)
                    .put("domain_id", domainId)
                    .putArray(
                            "identities",
                            identities.stream().map(ProfileIdentity::toDocument).toList())
                    .put("data", data)
                    .put("type", type)
                    .build();
        }
    }

    /** One identity of a profile. */
    record ProfileIdentity(String id, String providerType, String providerId, Map<String, String> providerData) {

        BsonDocument toDocument() {
            return document()
                    .put("id", id)
                    .put("provider_type", providerType)
                    .put("provider_id", providerId)
                    .put("provider_data", providerData)
                    .build();
        }
    }

    /** A user API key; {@code key} only in the response to its creation. */
    record ApiKey(String id, String key, String name, boolean disabled) {

        BsonDocument toDocument() {
            return document()
                    .put("_id", id)
                    .put("key", key)
                    .put("name", name)
                    .put("disabled", disabled)
                    .build();
        }

        @Override
        public String toString() {
            return "ApiKey[id=" + id + ", name=" + name + "]";
        }
    }
}
