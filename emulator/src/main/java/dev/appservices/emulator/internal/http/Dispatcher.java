package dev.appservices.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.appservices.emulator.internal.control.Fault;
import dev.appservices.emulator.internal.control.FaultRegistry;
import dev.appservices.emulator.internal.control.RequestCounters;
import dev.appservices.emulator.internal.data.DataException;
import dev.appservices.emulator.internal.json.ErrorBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The single {@link HttpHandler} of the emulator: it counts the request, applies injected faults, enforces the body
 * size limit, calls the routed endpoint and writes its response or the service error body.
 *
 * <p>Runs on the server's worker threads; all state it touches (counters, faults) is thread-safe. It also tracks
 * requests in flight so that closing the emulator can let them finish first. Unexpected exceptions are logged with
 * their stack trace and answered with a 500 whose body holds only a request id: a client never sees a stack trace.
 */
public final class Dispatcher implements HttpHandler {

    /** Requests with a larger body are refused with 413, as the service's 16 MiB request limit. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Bodies up to this size are read to the end before a 413 is sent, so that the client sees the answer. */
    private static final long MAX_DRAINED_BYTES = 4L * MAX_BODY_BYTES;

    /** The admin API's own paths; faults are never applied to them. */
    public static final String ADMIN_PREFIX = "/emulator/v1/";

    private static final Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final Pattern HOST_HEADER =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9.\\-]*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    private final Router router;
    private final RequestCounters counters;
    private final FaultRegistry faults;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong requestIds = new AtomicLong();

    public Dispatcher(Router router, RequestCounters counters, FaultRegistry faults) {
        this.router = router;
        this.counters = counters;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        boolean streaming = false;
        try {
            streaming = serve(exchange);
        } finally {
            inFlight.decrementAndGet();
            if (!streaming) {
                exchange.close();
            }
        }
    }

    /** The number of requests currently being served. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Serves a request; returns whether a streaming response took over the exchange (which then stays open). */
    private boolean serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String origin = origin(exchange);
        Request request = new Request(
                method,
                path,
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                origin);
        Response response;
        try {
            response = route(exchange, request);
        } catch (ServiceError e) {
            response = errorResponse(e, request);
        } catch (DataException e) {
            response = errorResponse(ServiceError.of(e), request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            String requestId = Long.toString(requestIds.incrementAndGet());
            LOG.log(Level.WARNING, "request " + requestId + " (" + method + " " + path + ") failed", e);
            response = errorResponse(ServiceError.internal(requestId), request);
        }
        if (response == null) {
            return false;
        }
        if (response.streaming() != null) {
            return startStream(exchange, response);
        }
        write(exchange, response);
        return false;
    }

    private static boolean startStream(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), 0);
        response.streaming().start(exchange.getResponseBody(), exchange::close);
        return true;
    }

    /** Returns the response to write, or {@code null} when the connection is to be dropped without one. */
    private Response route(HttpExchange exchange, Request request) throws IOException, InterruptedException {
        String method = request.method();
        String path = request.path();
        boolean admin = path.startsWith(ADMIN_PREFIX);
        Optional<Router.Match> match;
        ServiceError routingError = null;
        try {
            match = router.find(method, path);
        } catch (ServiceError e) {
            match = Optional.empty();
            routingError = e;
        }
        match.ifPresent(found -> request.routed(found.parameters()));
        Optional<String> counted =
                match.filter(found -> !admin).map(found -> found.route().key());
        counted.ifPresent(key -> counters.count(key, request.appId().orElse(null)));
        if (!admin) {
            Optional<Fault> fault = faults.take(method, path);
            if (fault.isPresent()) {
                fault.get().pause();
                if (fault.get().dropsConnection()) {
                    return null;
                }
                Optional<Fault.Reply> injected = fault.get().reply();
                if (injected.isPresent()) {
                    Fault.Reply reply = injected.get();
                    return new Response(reply.status(), reply.contentType(), reply.body(), reply.headers());
                }
            }
        }
        if (routingError != null) {
            throw routingError;
        }
        if (match.isEmpty()) {
            throw ServiceError.noSuchEndpoint(method, path);
        }
        request.received(readBody(exchange));
        boolean appInPath = request.appId().isPresent();
        try {
            return match.get().route().endpoint().handle(request);
        } finally {
            // routes without an app id in the path count for the app their token identified
            if (!appInPath && counted.isPresent() && request.appId().isPresent()) {
                counters.countForApp(counted.get(), request.appId().get());
            }
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        // a chunked body's length is its chunks' (the header, if sent as well, does not count)
        long length = declared == null || exchange.getRequestHeaders().containsKey("Transfer-Encoding")
                ? -1
                : declaredLength(declared);
        if (length > MAX_BODY_BYTES) {
            drain(in);
            throw ServiceError.bodyTooLarge(MAX_BODY_BYTES);
        }
        if (length >= 0) {
            // the server ends the stream at the declared length; asked for exactly that, readNBytes allocates no
            // more than the body, not the 8 KiB buffer an open-ended read starts with
            return in.readNBytes((int) length);
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            drain(in);
            throw ServiceError.bodyTooLarge(MAX_BODY_BYTES);
        }
        return body;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < MAX_DRAINED_BYTES && (read = in.read(buffer)) >= 0) {
            total += read;
        }
    }

    private static Response errorResponse(ServiceError error, Request request) {
        String link = request.origin() + "/emulator/v1/apps"
                + request.appId().map(id -> "/" + id).orElse("");
        return Response.json(error.status(), new ErrorBody(error.getMessage(), error.errorCode(), link).toDocument());
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.status() == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String origin(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && HOST_HEADER.matcher(host).matches()) {
            return "http://" + host;
        }
        InetSocketAddress local = exchange.getLocalAddress();
        String address = local.getAddress().getHostAddress();
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
    }
}
