package dev.appservices.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean whose injection point cannot be satisfied, which is a CDI deployment problem. */
@ApplicationScoped
public class MissingServiceClient {

    @Inject
    MissingService service;

    public String serviceName() {
        return service.name();
    }
}
