package dev.appservices.extension.internal.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;

import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesException;
import dev.appservices.BaseUrls;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import dev.appservices.extension.internal.client.rest.LocationResponse;

/**
 * The path of every request of an App to the server (protocol.md §1, §10, §11): it finds the host with the location
 * endpoint (lazily, once per base URL, unless {@code skip-location}), calls the Rest Client, follows 301/308
 * redirects (the {@code Location} is a new base URL: the location is fetched there, then the request is sent again,
 * at most {@value #MAX_REDIRECTS} times), and turns transport and parsing failures into the API's exceptions
 * ({@link dev.appservices.ConnectionException} for the network and timeouts). Authenticated requests reach it
 * through {@link SessionManager}.
 *
 * <p>The location is not persisted: each App object asks again at its first request, as the SDKs do since core
 * v13.26. A request reads the route once when it starts, so requests in flight finish against the host they
 * started with when the base URL changes. Thread-safe; lives as long as its App.
 */
final class BackendRequests {

    /** The redirect limit of the SDKs (ClientTooManyRedirects: "number of redirections exceeded 20"). */
    static final int MAX_REDIRECTS = 20;

    /** Where requests go: the base URL the location was asked at, and the host it answered. */
    private record Route(URI base, URI host) {
    }

    private final String appId;
    private final AppConfiguration configuration;
    private final Supplier<URI> baseUrl;
    private final BackendClients clients;
    private final String locationEndpoint;
    private final SingleFlight<URI, URI> discoveries = new SingleFlight<>();
    private volatile Route route;

    /**
     * @param configuration the App's configuration (id, timeout, skip-location)
     * @param baseUrl       the base URL in use, read at every request (it is dynamic)
     * @param clients       the App's Rest Clients
     */
    BackendRequests(AppConfiguration configuration, Supplier<URI> baseUrl, BackendClients clients) {
        this.appId = configuration.id();
        this.configuration = configuration;
        this.baseUrl = baseUrl;
        this.clients = clients;
        this.locationEndpoint = Endpoint.LOCATION.describe(appId);
    }

    /**
     * Sends a request to the App's host.
     *
     * @param endpoint the request as messages name it, such as {@code "GET /api/client/v2.0/auth/profile"}
     * @param call     the Rest Client call; it may run more than once (after a redirect)
     * @return what the call returned
     * @throws dev.appservices.ServiceException if the server refused the request or its answer is unreadable
     * @throws dev.appservices.ConnectionException if the server cannot be reached in time
     * @throws AppServicesException {@code CLIENT_APP_CLOSED} if the App is closed
     */
    <T> T send(String endpoint, Function<AppServicesApi, T> call) {
        Redirects redirects = new Redirects(endpoint);
        URI host = host(redirects);
        while (true) {
            try {
                return invoke(host, endpoint, call);
            } catch (RedirectSignal redirect) {
                host = moved(redirects.follow(redirect), redirects);
            }
        }
    }

    /**
     * Asks the location endpoint at {@code base} (following redirects) without changing anything.
     *
     * @return the host to use with that base URL
     */
    URI verify(URI base) {
        return configuration.skipLocation() ? base : discover(base, new Redirects(locationEndpoint));
    }

    /** Makes {@code host} the host of {@code base}, as found by {@link #verify(URI)}. */
    void use(URI base, URI host) {
        route = new Route(base, host);
    }

    /** Forgets the host, so that the next request asks the location endpoint again. */
    void forgetLocation() {
        route = null;
    }

    private URI host(Redirects redirects) {
        URI base = baseUrl.get();
        if (configuration.skipLocation()) {
            Route current = route;
            // a redirect may have moved a skip-location App to another host for its base URL
            return current != null && current.base().equals(base) ? current.host() : base;
        }
        Route current = route;
        if (current != null && current.base().equals(base)) {
            return current.host();
        }
        // One location request per base URL, however many requests start at once; they share its outcome.
        return discoveries.run(base, () -> {
            Route found = route;
            if (found != null && found.base().equals(base)) {
                return found.host();
            }
            URI host = discover(base, redirects);
            route = new Route(base, host);
            return host;
        });
    }

    /** After a redirect: the new base URL's host becomes the App's host; the configured base URL stays. */
    private URI moved(URI newBase, Redirects redirects) {
        URI host = configuration.skipLocation() ? newBase : discover(newBase, redirects);
        route = new Route(baseUrl.get(), host);
        return host;
    }

    private URI discover(URI base, Redirects redirects) {
        URI server = base;
        while (true) {
            try {
                LocationResponse location = invoke(server, locationEndpoint, api -> api.location(appId));
                return hostOf(location, server);
            } catch (RedirectSignal redirect) {
                server = redirects.follow(redirect);
            }
        }
    }

    private URI hostOf(LocationResponse location, URI server) {
        if (location == null || location.hostname() == null) {
            throw ClientMessages.missingJsonKey(appId, locationEndpoint, "hostname");
        }
        if (location.hostname().isBlank()) {
            return server;
        }
        return BaseUrls.parse(location.hostname()).orElseThrow(() -> ClientMessages.invalidHostname(appId, server));
    }

    private <T> T invoke(URI server, String endpoint, Function<AppServicesApi, T> call) {
        AppServicesApi api = clients.forServer(server);
        try {
            return call.apply(api);
        } catch (AppServicesException | RedirectSignal e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(endpoint, server, e);
        }
    }

    /** Classifies a failure of the HTTP client by its causes: our own exceptions, JSON, timeout, network. */
    private RuntimeException translate(String endpoint, URI server, RuntimeException failure) {
        if (clients.isClosed()) {
            return ClientMessages.appClosed(appId);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AppServicesException || cause instanceof RedirectSignal) {
                return (RuntimeException) cause;
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return ClientMessages.malformedResponse(appId, endpoint, failure);
            }
            if (cause instanceof InterruptedIOException) {
                return ClientMessages.timedOut(appId, endpoint, server, configuration.timeout(), failure);
            }
            if (cause instanceof IOException) {
                return ClientMessages.connectionFailed(appId, endpoint, server, failure);
            }
        }
        return ClientMessages.requestFailed(appId, endpoint, server, failure);
    }

    /** The redirects of one request, counted across location requests and re-sends. */
    private final class Redirects {

        private final String endpoint;
        private int count;

        Redirects(String endpoint) {
            this.endpoint = endpoint;
        }

        /** The new base URL of a redirect, if it is followed. */
        URI follow(RedirectSignal redirect) {
            if (++count > MAX_REDIRECTS) {
                throw ClientMessages.tooManyRedirects(appId, endpoint, MAX_REDIRECTS);
            }
            return redirect.location()
                    .orElseThrow(() -> ClientMessages.redirectWithoutLocation(appId, endpoint, redirect.status()));
        }
    }
}
