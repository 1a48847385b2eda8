package dev.appservices.it.smoke;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** An application-scoped bean whose greeting comes from the deployment's MicroProfile Config. */
@ApplicationScoped
public class Greeter {

    @Inject
    @ConfigProperty(name = SmokeIT.GREETING_KEY)
    String greeting;

    public String greet(String name) {
        return greeting + ", " + name + "!";
    }
}
