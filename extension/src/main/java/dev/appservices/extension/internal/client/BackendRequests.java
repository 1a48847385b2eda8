package dev.appservices.extension.internal.client;

import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesException;
import dev.appservices.BaseUrls;
import dev.appservices.ServiceException;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import dev.appservices.extension.internal.client.rest.LocationResponse;
import dev.appservices.extension.internal.telemetry.RequestTrace;
import dev.appservices.extension.internal.telemetry.Telemetry;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private record Route(URI base, URI host) {}

    private final String appId;
    private final AppConfiguration configuration;
    private final Supplier<URI> baseUrl;
    private final BackendClients clients;
    private final Supplier<Telemetry> telemetry;
    private final Request locationEndpoint;
    private final SingleFlight<URI, URI> discoveries = new SingleFlight<>();
    private volatile Route route;
    /** When the server last answered a request with success; for the health check's data. */
    private volatile Instant lastSuccess;

    /**
     * @param configuration the App's configuration (id, timeout, skip-location)
     * @param baseUrl       the base URL in use, read at every request (it is dynamic)
     * @param clients       the App's Rest Clients
     * @param telemetry     where each request is traced and measured, read at every request
     */
    BackendRequests(
            AppConfiguration configuration,
            Supplier<URI> baseUrl,
            BackendClients clients,
            Supplier<Telemetry> telemetry) {
        this.appId = configuration.id();
        this.configuration = configuration;
        this.baseUrl = baseUrl;
        this.clients = clients;
        this.telemetry = telemetry;
        this.locationEndpoint = Endpoint.LOCATION.request(appId);
    }

    /**
     * Sends a request to the App's host.
     *
     * @param endpoint the request, as messages and traces name it
     * @param call     the Rest Client call; it may run more than once (after a redirect)
     * @return what the call returned
     * @throws dev.appservices.ServiceException if the server refused the request or its answer is unreadable
     * @throws dev.appservices.ConnectionException if the server cannot be reached in time
     * @throws AppServicesException {@code CLIENT_APP_CLOSED} if the App is closed
     */
    <T> T send(Request endpoint, Function<AppServicesApi, T> call) {
        return send(endpoint, call, false);
    }

    /**
     * Sends a request whose response is a stream, with a client of its own (no read timeout), as
     * {@link #send(Request, Function)} otherwise. The call gets that client; if it returns, the caller owns the
     * client and closes it with {@link #closeStreamClient}; if it fails, the client is closed here.
     */
    <T> T sendStreaming(Request endpoint, Function<AppServicesApi, T> call) {
        return send(endpoint, call, true);
    }

    /** Closes the client of a stream that {@link #sendStreaming} opened. */
    void closeStreamClient(AppServicesApi api) {
        clients.closeStreamClient(api);
    }

    private <T> T send(Request endpoint, Function<AppServicesApi, T> call, boolean streaming) {
        Redirects redirects = new Redirects(endpoint);
        URI host = host(redirects);
        while (true) {
            try {
                return invoke(host, endpoint, call, streaming);
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

    /**
     * Checks that the backend of the base URL in use answers (the health check): the location request, whatever
     * {@code skip-location} says. A server that needs no location request (a reverse proxy in front of the App's host)
     * may not know the endpoint; for such an App any HTTP answer shows that the server is there.
     *
     * @return the host the location endpoint names, or the base URL
     * @throws AppServicesException as {@link #send} does when the server cannot be reached or refuses the request
     */
    URI probe() {
        URI base = baseUrl.get();
        try {
            return discover(base, new Redirects(locationEndpoint));
        } catch (ServiceException e) {
            if (configuration.skipLocation() && e.httpStatus().isPresent()) {
                return base;
            }
            throw e;
        }
    }

    /** When the server last answered a request with success, if it ever did. */
    Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
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
                LocationResponse location = invoke(server, locationEndpoint, api -> api.location(appId), false);
                return hostOf(location, server);
            } catch (RedirectSignal redirect) {
                server = redirects.follow(redirect);
            }
        }
    }

    private URI hostOf(LocationResponse location, URI server) {
        if (location == null || location.hostname() == null) {
            throw ClientMessages.missingJsonKey(appId, locationEndpoint.description(), "hostname");
        }
        if (location.hostname().isBlank()) {
            return server;
        }
        return BaseUrls.parse(location.hostname()).orElseThrow(() -> ClientMessages.invalidHostname(appId, server));
    }

    /** One HTTP request, traced: its span is current while it runs, and ends with the request's outcome. */
    private <T> T invoke(URI server, Request endpoint, Function<AppServicesApi, T> call, boolean streaming) {
        AppServicesApi api = streaming ? clients.newStreamClient(server) : clients.forServer(server);
        RequestTrace trace =
                telemetry.get().request(endpoint.endpoint().kind(), appId, server.getHost(), endpoint.function());
        TelemetryFilter.CURRENT.set(trace);
        try {
            T result = call.apply(api);
            lastSuccess = Instant.now();
            trace.succeeded();
            return result;
        } catch (RedirectSignal redirect) {
            // the server answered as the protocol foresees; the request goes on elsewhere
            trace.succeeded();
            closeIfStream(api, streaming);
            throw redirect;
        } catch (AppServicesException e) {
            trace.failed(e.errorCode().wireName());
            closeIfStream(api, streaming);
            throw e;
        } catch (RuntimeException e) {
            closeIfStream(api, streaming);
            RuntimeException failure = translate(endpoint.description(), server, e);
            if (failure instanceof AppServicesException) {
                trace.failed(((AppServicesException) failure).errorCode().wireName());
            } else {
                trace.succeeded();
            }
            throw failure;
        } finally {
            TelemetryFilter.CURRENT.remove();
        }
    }

    private void closeIfStream(AppServicesApi api, boolean streaming) {
        if (streaming) {
            clients.closeStreamClient(api);
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

        Redirects(Request endpoint) {
            this.endpoint = endpoint.description();
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
