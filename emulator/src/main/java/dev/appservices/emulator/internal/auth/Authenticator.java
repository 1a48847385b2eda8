package dev.appservices.emulator.internal.auth;

import dev.appservices.emulator.internal.app.EmulatedApp;
import org.bson.BsonDocument;

/** Checks the login body of one provider type. Implementations are thread-safe. */
@FunctionalInterface
interface Authenticator {

    /**
     * Checks credentials.
     *
     * @param app the app logged in to
     * @param body the login body (credentials and {@code options})
     * @return the proven identity
     * @throws dev.appservices.emulator.internal.http.ServiceError 401 for rejected credentials, 400 for bad input
     */
    Credential authenticate(EmulatedApp app, BsonDocument body);
}
