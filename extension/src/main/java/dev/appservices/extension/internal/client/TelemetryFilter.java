package dev.appservices.extension.internal.client;

import dev.appservices.extension.internal.telemetry.RequestTrace;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the trace of the request being sent what only the HTTP layer knows: the trace context goes into the request's
 * headers (so that the backend, or a proxy in front of it, continues the trace) and the answer's status into the
 * span. The Rest Client runs filters of a blocking call on the calling thread, where {@link BackendRequests} keeps the
 * request's trace in {@link #CURRENT}. Stateless; one instance per client.
 */
final class TelemetryFilter implements ClientRequestFilter, ClientResponseFilter {

    /** The trace of the request the current thread sends, while it sends it. */
    static final ThreadLocal<RequestTrace> CURRENT = new ThreadLocal<>();

    @Override
    public void filter(ClientRequestContext request) {
        RequestTrace trace = CURRENT.get();
        if (trace != null) {
            MultivaluedMap<String, Object> headers = request.getHeaders();
            // A server that instruments the Rest Client itself (Open Liberty) may have set the header already, for
            // its own span, a child of ours: that one stays (its value list may even be unmodifiable).
            trace.propagate((name, value) -> headers.putIfAbsent(name, new ArrayList<>(List.of(value))));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        RequestTrace trace = CURRENT.get();
        if (trace != null) {
            trace.responded(response.getStatus());
        }
    }
}
