package dev.appservices.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Publishes the sample's Jakarta REST resources under {@code /sample/api}. */
@ApplicationPath("api")
public class SampleApplication extends Application {}
