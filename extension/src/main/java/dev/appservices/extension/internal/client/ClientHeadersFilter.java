package dev.appservices.extension.internal.client;

import dev.appservices.AppConfiguration;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/**
 * Puts the protocol's headers on every request of an App (protocol.md §11): the configured extra headers,
 * {@code Content-Type: application/json;charset=utf-8} (also on requests without a body, as the SDKs send it) and
 * {@code Accept: application/json}, and moves the bearer token to the configured authorization header when a proxy
 * owns the standard one. Extra headers never replace the protocol headers or the bearer token. Immutable and
 * thread-safe.
 */
final class ClientHeadersFilter implements ClientRequestFilter {

    /** The exact value the SDKs send: no space before {@code charset}. */
    static final String JSON_UTF8 = "application/json;charset=utf-8";

    private final AppConfiguration configuration;

    ClientHeadersFilter(AppConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void filter(ClientRequestContext request) {
        MultivaluedMap<String, Object> headers = request.getHeaders();
        String authorizationHeader = configuration.authorizationHeaderName();
        if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(authorizationHeader)) {
            List<Object> bearer = headers.remove(HttpHeaders.AUTHORIZATION);
            if (bearer != null) {
                headers.put(authorizationHeader, bearer);
            }
        }
        configuration.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase(authorizationHeader)) {
                headers.putSingle(name, value);
            }
        });
        if (MediaType.SERVER_SENT_EVENTS.equals(String.valueOf(headers.getFirst(HttpHeaders.ACCEPT)))) {
            // a streaming request carries only Accept: text/event-stream (protocol.md §8), and no body
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        headers.putSingle(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
        headers.putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }
}
