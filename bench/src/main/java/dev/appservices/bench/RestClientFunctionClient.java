package dev.appservices.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The MicroProfile Rest Client implementation on its own (here RESTEasy on Apache HttpClient, as in WildFly and Open
 * Liberty): one interface method sending the App's request body as ready-made text, built with the settings the App
 * uses (timeouts, no redirects), and nothing else of the App. Between the raw client and the App, it shows which part
 * of the App's cost is the Rest Client's. Like the raw client it only compares the answer with the first one; the App
 * also decodes it. Thread-safe.
 */
final class RestClientFunctionClient implements AutoCloseable {

    /** The function endpoint, with the body as text. */
    public interface FunctionEndpoint extends Closeable {

        @POST
        @Path("/api/client/v2.0/app/{appId}/functions/call")
        @Consumes("application/json;charset=utf-8")
        @Produces(MediaType.APPLICATION_JSON)
        String call(
                @PathParam("appId") String appId,
                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                String body);
    }

    private final FunctionEndpoint endpoint;
    private final String authorization;
    private final String body;
    private final String expected;

    /**
     * @param server   where to send the request
     * @param template the App's request, whose body and bearer token are sent
     */
    RestClientFunctionClient(URI server, RequestCapture.Captured template) {
        this.endpoint = RestClientBuilder.newBuilder()
                .baseUri(server)
                .connectTimeout(BenchApps.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(BenchApps.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .build(FunctionEndpoint.class);
        this.authorization = template.headers().get("authorization").get(0);
        this.body = new String(template.body(), StandardCharsets.UTF_8);
        this.expected = endpoint.call(BenchApps.APP, authorization, body);
    }

    /** One call; fails unless the answer is the sum's. */
    void call() {
        String result = endpoint.call(BenchApps.APP, authorization, body);
        if (!expected.equals(result)) {
            throw new IllegalStateException("unexpected answer: " + result);
        }
    }

    @Override
    public void close() throws IOException {
        endpoint.close();
    }
}
