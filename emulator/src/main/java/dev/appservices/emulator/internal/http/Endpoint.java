package dev.appservices.emulator.internal.http;

/** Handles the requests of one route. Implementations signal protocol failures with {@link ServiceError}. */
@FunctionalInterface
public interface Endpoint {

    Response handle(Request request);
}
