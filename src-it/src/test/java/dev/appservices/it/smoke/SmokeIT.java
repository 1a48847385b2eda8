package dev.appservices.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.appservices.it.Deployments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plumbing every scenario relies on: a deployment built in code reaches the server with its MicroProfile Config,
 * CDI beans read that configuration, and Jakarta REST serves them; checked both inside the server and over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class SmokeIT {

    static final String GREETING_KEY = "smoke.greeting";
    static final String RUN_TOKEN_KEY = "smoke.run-token";

    /**
     * Made in the test JVM when the deployment is built, like the URL of a backend a scenario starts there. The
     * server JVM loads this class too but never runs {@link #deployment()}, so only client tests may read it.
     */
    private static String runToken;

    @Inject
    Greeter greeter;

    @Deployment
    static WebArchive deployment() {
        runToken = UUID.randomUUID().toString();
        return Deployments.war(
                "smoke",
                Map.of(GREETING_KEY, "Hello", RUN_TOKEN_KEY, runToken),
                Greeter.class,
                SmokeResource.class,
                SmokeApplication.class);
    }

    @Test
    void beanReadsTheDeploymentsConfigInTheServer() {
        assertEquals("Hello, Ana!", greeter.greet("Ana"));
    }

    @Test
    @RunAsClient
    void resourceServesTheBeanOverHttp(@ArquillianResource URL base) throws Exception {
        assertEquals("Hello, Bo!", get(base, "api/smoke/greeting/Bo"));
    }

    @Test
    @RunAsClient
    void valueMadeInTheTestJvmReachesTheServersConfig(@ArquillianResource URL base) throws Exception {
        assertEquals(runToken, get(base, "api/smoke/run-token"));
    }

    private static String get(URL base, String path) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.toExternalForm()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> "GET " + request.uri() + " answered " + response.body());
        return response.body();
    }
}
