package dev.appservices.it.broken;

import dev.appservices.App;
import dev.appservices.AppServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean that injects the App whose configuration asks for encrypted metadata. */
@ApplicationScoped
public class VaultClient {

    @Inject
    @AppServices(id = "vault")
    App app;

    public String appId() {
        return app.id();
    }
}
