package dev.appservices.emulator.internal.auth;

import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The JSON bodies of the auth endpoints, with the protocol's snake_case names (protocol.md §2–§4, §7).
 * Written with JSON-B; {@code null} components are omitted.
 */
public final class AuthBodies {

    private AuthBodies() {
    }

    /** Login (and link) response; a link response has no refresh token. */
    @JsonbPropertyOrder({"accessToken", "refreshToken", "userId", "deviceId"})
    public record Login(
            @JsonbProperty("access_token") String accessToken,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("user_id") String userId,
            @JsonbProperty("device_id") String deviceId) {
    }

    /** Session refresh response. */
    public record AccessToken(@JsonbProperty("access_token") String accessToken) {
    }

    /** Profile response. */
    @JsonbPropertyOrder({"userId", "domainId", "identities", "data", "type"})
    public record Profile(
            @JsonbProperty("user_id") String userId,
            @JsonbProperty("domain_id") String domainId,
            @JsonbProperty("identities") List<ProfileIdentity> identities,
            @JsonbProperty("data") Map<String, String> data,
            @JsonbProperty("type") String type) {
    }

    /** One identity of a profile. */
    @JsonbPropertyOrder({"id", "providerType", "providerId", "providerData"})
    public record ProfileIdentity(
            @JsonbProperty("id") String id,
            @JsonbProperty("provider_type") String providerType,
            @JsonbProperty("provider_id") String providerId,
            @JsonbProperty("provider_data") Map<String, String> providerData) {
    }

    /** A user API key; {@code key} only in the response to its creation. */
    @JsonbPropertyOrder({"id", "key", "name", "disabled"})
    public record ApiKey(
            @JsonbProperty("_id") String id,
            @JsonbProperty("key") String key,
            @JsonbProperty("name") String name,
            @JsonbProperty("disabled") boolean disabled) {

        @Override
        public String toString() {
            return "ApiKey[id=" + id + ", name=" + name + "]";
        }
    }
}
