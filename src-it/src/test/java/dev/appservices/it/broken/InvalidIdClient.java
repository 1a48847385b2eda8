package dev.appservices.it.broken;

import dev.appservices.App;
import dev.appservices.AppServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean that names an App id with characters app ids may not have (upper case, an underscore). */
@ApplicationScoped
public class InvalidIdClient {

    @Inject
    @AppServices(id = InvalidIdIT.INVALID_ID)
    App app;

    public String appId() {
        return app.id();
    }
}
