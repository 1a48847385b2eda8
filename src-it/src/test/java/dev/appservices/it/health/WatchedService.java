package dev.appservices.it.health;

import dev.appservices.App;
import dev.appservices.AppServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The application's use of App {@code watched}: an ordinary bean that injects it. */
@ApplicationScoped
public class WatchedService {

    @Inject
    @AppServices(id = "watched")
    App app;
}
