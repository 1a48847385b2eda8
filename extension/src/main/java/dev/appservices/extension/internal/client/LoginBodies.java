package dev.appservices.extension.internal.client;

import dev.appservices.Credentials;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Builds the body of a login request (protocol.md §2) as a BSON document, which {@link ExtendedJsonBodyWriter}
 * writes as canonical Extended JSON: {@code "provider"} first (except for custom-function payloads, which go
 * verbatim), the credential fields, then {@code "options": {"device": {...}}}.
 */
final class LoginBodies {

    private LoginBodies() {}

    static BsonDocument of(Credentials credentials, BsonDocument device) {
        BsonDocument body = new BsonDocument();
        if (!Credentials.FUNCTION.equals(credentials.provider())) {
            body.append("provider", new BsonString(credentials.provider()));
        }
        body.putAll(credentials.payload().toBsonDocument());
        body.put("options", new BsonDocument("device", device));
        return body;
    }
}
