package dev.appservices.extension.internal.client;

import dev.appservices.UserIdentity;
import dev.appservices.extension.internal.client.rest.ProfileResponse;
import java.util.List;
import org.bson.Document;

/**
 * What a profile request returned, as the metadata store keeps it: the profile {@code data} and the identities.
 *
 * @param data       the profile document
 * @param identities the user's identities
 */
record FetchedProfile(Document data, List<UserIdentity> identities) {

    /**
     * Reads a profile answer.
     *
     * @throws dev.appservices.AppServicesException if it lacks the identities or an identity's id or provider
     */
    static FetchedProfile of(String appId, ProfileResponse response) {
        if (response == null || response.identities() == null) {
            throw ClientMessages.missingJsonKey(appId, DefaultApp.PROFILE_ENDPOINT.description(), "identities");
        }
        List<UserIdentity> identities = response.identities().stream()
                .map(identity -> {
                    if (identity == null || identity.id() == null || identity.providerType() == null) {
                        throw ClientMessages.missingJsonKey(
                                appId, DefaultApp.PROFILE_ENDPOINT.description(), "identities[].id/provider_type");
                    }
                    return new UserIdentity(identity.id(), identity.providerType());
                })
                .toList();
        Document data = response.data() == null
                ? new Document()
                : Document.parse(response.data().toString());
        return new FetchedProfile(data, identities);
    }
}
