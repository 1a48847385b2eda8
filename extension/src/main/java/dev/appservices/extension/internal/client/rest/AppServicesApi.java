package dev.appservices.extension.internal.client.rest;

import jakarta.ws.rs.Path;

/**
 * The App Services client protocol (protocol.md §0.1) as one MicroProfile Rest Client interface, built per App and
 * per server with {@code RestClientBuilder}: one built client is one HTTP client with one connection pool, which is
 * why the endpoint groups are joined here instead of being built one by one. More groups join by being added to
 * the {@code extends} list.
 *
 * <p>It carries no {@code @RegisterProvider}: the client wiring registers its providers programmatically.
 */
@Path("/api/client/v2.0")
public interface AppServicesApi
        extends LocationApi, LoginApi, SessionApi, FunctionsApi, EmailPasswordApi, ApiKeysApi, AutoCloseable {

    /** Releases the HTTP client and its connections. */
    @Override
    void close();
}
