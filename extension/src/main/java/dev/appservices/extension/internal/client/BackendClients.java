package dev.appservices.extension.internal.client;

import dev.appservices.AppConfiguration;
import dev.appservices.extension.internal.client.rest.AppServicesApi;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The Rest Clients of one App: one {@link AppServicesApi} per server the App talks to (its base URL, and the host the
 * location endpoint names, which usually differ only for the cloud service), built with {@link RestClientBuilder} on
 * first use and kept until the App closes. A new one is built only when the App reaches a new server; every handle of
 * the App shares these, so all its requests to a server go through one HTTP client and one connection pool (with
 * RESTEasy's default engine, 50 connections per server; a request that finds none free waits for one within the App
 * timeout, then fails as timed out). Clients of a server the App left are kept (requests in flight finish there) and
 * closed with the App.
 *
 * <p>A stream (the server-sent events of {@code watch}) gets a client of its own, built the same way but without a read
 * timeout, and closed with the stream: the App timeout as a read timeout would end every stream that stays quiet for
 * that long, and neither JAX-RS nor the Rest Client can lift it for one request; and closing an unfinished response
 * makes Apache HttpClient (RESTEasy's engine) read the body to its end, which a change stream never reaches, while
 * closing a client drops its connections at once. Streams also stay out of the pool so that they never hold the
 * connections requests wait for: 50 open streams would take all of them. {@code ServiceCalls} bounds the wait for a
 * stream's response headers by the App timeout. Stream clients still open when the App closes are closed with it.
 * Thread-safe.
 */
final class BackendClients implements AutoCloseable {

    private static final Logger LOG = System.getLogger(BackendClients.class.getName());

    /** The MicroProfile Rest Client property that turns off the default mapper; ours handles every status. */
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    /**
     * RESTEasy's builder setting {@code connectionCheckoutTimeout(long, TimeUnit)}; other implementations keep it as
     * an unknown property.
     */
    private static final String CHECKOUT_TIMEOUT = "resteasy.connectionCheckoutTimeout";

    private final String appId;
    private final AppConfiguration configuration;
    private final ExecutorService executor;
    private final Map<URI, AppServicesApi> clients = new ConcurrentHashMap<>();
    private final Set<AppServicesApi> streamClients = ConcurrentHashMap.newKeySet();
    private boolean closed;
    /** Created with the first client (an App that never sends a request needs none); guarded by {@code this}. */
    private SharedJsonb jsonb;

    BackendClients(AppConfiguration configuration, ExecutorService executor) {
        this.appId = configuration.id();
        this.configuration = configuration;
        this.executor = executor;
    }

    /**
     * The client for a server.
     *
     * @param server the base URL or host, without trailing slash
     * @throws dev.appservices.AppServicesException {@code CLIENT_APP_CLOSED} once the App is closed
     */
    AppServicesApi forServer(URI server) {
        AppServicesApi client = clients.get(server);
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (closed) {
                throw ClientMessages.appClosed(appId);
            }
            return clients.computeIfAbsent(server, uri -> build(uri, false));
        }
    }

    /**
     * A new client for one stream to a server, without read timeout; {@link #closeStreamClient} closes it.
     *
     * @throws dev.appservices.AppServicesException {@code CLIENT_APP_CLOSED} once the App is closed
     */
    AppServicesApi newStreamClient(URI server) {
        synchronized (this) {
            if (closed) {
                throw ClientMessages.appClosed(appId);
            }
            AppServicesApi client = build(server, true);
            streamClients.add(client);
            return client;
        }
    }

    /** Closes a stream's client, which drops its connection at once; idempotent. */
    void closeStreamClient(AppServicesApi client) {
        if (streamClients.remove(client)) {
            closeQuietly(client);
        }
    }

    /** Whether {@link #close()} was called; requests check it, as a client taken before may still be used. */
    synchronized boolean isClosed() {
        return closed;
    }

    private AppServicesApi build(URI server, boolean streaming) {
        long timeout = configuration.timeout().toMillis();
        if (jsonb == null) {
            jsonb = new SharedJsonb();
        }
        return RestClientBuilder.newBuilder()
                .baseUri(server)
                // The App timeout bounds connecting and every wait for the server; the SDKs' transports do the same.
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(streaming ? 0 : timeout, TimeUnit.MILLISECONDS)
                // 301/308 carry a new base URL, not the resource's URL: BackendRequests follows them itself.
                .followRedirects(false)
                .executorService(executor)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                // RESTEasy's (Liberty, WildFly) wait for a pooled connection, which the App timeout bounds as well
                .property(CHECKOUT_TIMEOUT, List.of(timeout, TimeUnit.MILLISECONDS))
                .register(new ClientHeadersFilter(configuration))
                .register(new TelemetryFilter())
                .register(new ErrorResponseMapper(appId))
                .register(new ExtendedJsonBodyWriter())
                .register(jsonb)
                .build(AppServicesApi.class);
    }

    private void closeQuietly(AppServicesApi client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a client of App " + appId + " failed", e);
        }
    }

    /** Closes every client; requests still running on them fail. Idempotent. */
    @Override
    public void close() {
        List<AppServicesApi> open;
        SharedJsonb json;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(clients.values());
            open.addAll(streamClients);
            clients.clear();
            streamClients.clear();
            json = jsonb;
        }
        open.forEach(this::closeQuietly);
        if (json != null) {
            json.close();
        }
    }
}
