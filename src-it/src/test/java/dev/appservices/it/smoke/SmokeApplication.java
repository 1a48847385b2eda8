package dev.appservices.it.smoke;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Publishes the deployment's resources under {@code /api}. */
@ApplicationPath("api")
public class SmokeApplication extends Application {}
