package dev.appservices.extension.internal.client.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The body of the profile response. {@code data} stays a JSON object so that every key of it, well-known or not,
 * reaches the stored profile unchanged.
 *
 * @param userId     the user id
 * @param identities the user's identities
 * @param data       the profile data
 * @param type       {@code normal} or {@code server}
 */
public record ProfileResponse(
        @JsonbProperty("user_id") String userId,
        @JsonbProperty("identities") List<Identity> identities,
        @JsonbProperty("data") JsonObject data,
        @JsonbProperty("type") String type) {

    /**
     * One identity of the profile.
     *
     * @param id           the identity id
     * @param providerType the provider type
     */
    public record Identity(
            @JsonbProperty("id") String id,
            @JsonbProperty("provider_type") String providerType) {}
}
