package dev.appservices.extension.internal.client;

import dev.appservices.extension.internal.client.rest.AppServicesApi;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The open response of a streaming call and the client that carries it alone (see {@link BackendClients}).
 * {@link #close()} closes the client first, which drops the connection at once and ends a read in progress on
 * another thread, then the response. Thread-safe; closing is idempotent.
 */
public final class StreamResponse implements AutoCloseable {

    private final Response response;
    private final AppServicesApi client;
    private final BackendRequests requests;

    StreamResponse(Response response, AppServicesApi client, BackendRequests requests) {
        this.response = response;
        this.client = client;
        this.requests = requests;
    }

    /** The body, to be read by one thread. */
    public InputStream body() {
        return response.readEntity(InputStream.class);
    }

    @Override
    public void close() {
        requests.closeStreamClient(client);
        try {
            response.close();
        } catch (RuntimeException e) {
            // the connection is gone already; the response has nothing left to release
        }
    }
}
