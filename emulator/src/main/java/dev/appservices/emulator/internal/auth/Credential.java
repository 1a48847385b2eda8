package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.state.Records.Identity;
import java.util.Optional;

/**
 * The outcome of checking login credentials: the identity they prove, and the user that owns it when the credentials
 * themselves name one (a user API key).
 *
 * @param identity the identity
 * @param owner the owning user, for credentials bound to a user
 * @param userType the type of a user created for a new identity
 * @param created whether the identity was made up by this login (an anonymous login's), so that no user owns it yet
 */
record Credential(Identity identity, Optional<String> owner, String userType, boolean created) {

    Credential(Identity identity, Optional<String> owner, String userType) {
        this(identity, owner, userType, false);
    }
}
