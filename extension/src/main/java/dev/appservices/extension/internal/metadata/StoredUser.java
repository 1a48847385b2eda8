package dev.appservices.extension.internal.metadata;

import dev.appservices.UserIdentity;
import dev.appservices.UserState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * One user as the metadata store keeps it: what a restart needs to bring the user back without a network call.
 * Immutable; the tokens are absent while the user is logged out.
 *
 * @param id           the server's user id
 * @param state        logged in, logged out or removed
 * @param accessToken  the access token (a JWT), absent when logged out
 * @param refreshToken the refresh token (a JWT), absent when logged out
 * @param deviceId     the device id the server assigned at login, if any
 * @param profile      the profile {@code data} document of the last profile fetch
 * @param identities   the identities of the last profile fetch
 */
public record StoredUser(
        String id,
        UserState state,
        Optional<String> accessToken,
        Optional<String> refreshToken,
        Optional<String> deviceId,
        Document profile,
        List<UserIdentity> identities) {

    public StoredUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(deviceId, "deviceId");
        // copies keep the record immutable even though Document is mutable
        profile = new Document(Objects.requireNonNull(profile, "profile"));
        identities = List.copyOf(identities);
    }

    /** The profile document; a copy, so callers cannot change the stored one. */
    @Override
    public Document profile() {
        return new Document(profile);
    }

    /** This user with new tokens and state {@link UserState#LOGGED_IN}. */
    public StoredUser loggedIn(String newAccessToken, String newRefreshToken) {
        return new StoredUser(
                id,
                UserState.LOGGED_IN,
                Optional.of(newAccessToken),
                Optional.of(newRefreshToken),
                deviceId,
                profile,
                identities);
    }

    /** This user with a new access token (after a refresh). */
    public StoredUser withAccessToken(String newAccessToken) {
        return new StoredUser(id, state, Optional.of(newAccessToken), refreshToken, deviceId, profile, identities);
    }

    /** This user in the given state without tokens (logged out or removed). */
    public StoredUser withoutTokens(UserState newState) {
        return new StoredUser(id, newState, Optional.empty(), Optional.empty(), deviceId, profile, identities);
    }

    /** This user with the result of a profile fetch. */
    public StoredUser withProfile(Document newProfile, List<UserIdentity> newIdentities) {
        return new StoredUser(id, state, accessToken, refreshToken, deviceId, newProfile, newIdentities);
    }

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "StoredUser[id=" + id + ", state=" + state + ", identities=" + identities + "]";
    }
}
