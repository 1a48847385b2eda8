package dev.appservices.it.mongo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Jakarta REST application of {@link RemoteMongoIT}. */
@ApplicationPath("api")
public class NotesApplication extends Application {}
