package dev.appservices.it.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.appservices.App;
import dev.appservices.AppServices;

/** The application's use of App {@code watched}: an ordinary bean that injects it. */
@ApplicationScoped
public class WatchedService {

    @Inject
    @AppServices(id = "watched")
    App app;
}
