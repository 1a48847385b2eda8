package dev.appservices.extension.internal.client;

import java.util.Optional;

/**
 * One request of an App as messages and traces name it: its {@link Endpoint}, its description with the ids (for
 * messages) and, for a function call, the function's name (for traces). Immutable.
 *
 * @param endpoint    the endpoint
 * @param description such as {@code POST /api/client/v2.0/app/my-app-abcde/functions/call}
 * @param function    the called function's name, for a function call
 */
record Request(Endpoint endpoint, String description, Optional<String> function) {

    /** The same request, calling the function {@code name}. */
    Request withFunction(String name) {
        return new Request(endpoint, description, Optional.of(name));
    }

    /** The description. */
    @Override
    public String toString() {
        return description;
    }
}
