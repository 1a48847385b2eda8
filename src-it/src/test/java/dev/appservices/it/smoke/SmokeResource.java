package dev.appservices.it.smoke;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Exposes the CDI bean and a configuration value over HTTP, so a test outside the server can check them. */
@Path("smoke")
@Produces(MediaType.TEXT_PLAIN)
public class SmokeResource {

    @Inject
    Greeter greeter;

    @Inject
    @ConfigProperty(name = SmokeIT.RUN_TOKEN_KEY)
    String runToken;

    @GET
    @Path("greeting/{name}")
    public String greeting(@PathParam("name") String name) {
        return greeter.greet(name);
    }

    @GET
    @Path("run-token")
    public String runToken() {
        return runToken;
    }
}
