package dev.appservices.extension.internal.telemetry;

import java.util.function.BiConsumer;

/**
 * The trace of one backend request, from just before it is sent until its outcome is known. The request's span is
 * the current span meanwhile (so the HTTP client's own span, where the server instruments it, is its child); every
 * method is called on the thread that sends the request, and exactly one of {@link #succeeded()} and
 * {@link #failed(String)} ends it.
 */
public interface RequestTrace {

    /** Records the HTTP status of the answer, before the outcome is known. */
    void responded(int status);

    /** Writes the trace context into the request's headers (W3C {@code traceparent}), to continue it at the backend. */
    void propagate(BiConsumer<String, String> headers);

    /** Ends the trace of a request that succeeded. */
    void succeeded();

    /**
     * Ends the trace of a request that failed.
     *
     * @param errorCode the error code of the failure, such as {@code InvalidPassword} or {@code CLIENT_CONNECTION_FAILED}
     */
    void failed(String errorCode);
}
