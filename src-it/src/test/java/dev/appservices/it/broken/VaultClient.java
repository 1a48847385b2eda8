package dev.appservices.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.appservices.App;
import dev.appservices.AppServices;

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
