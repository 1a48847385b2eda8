package dev.appservices.emulator.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@code METHOD /path} to endpoints through route templates such as
 * {@code /api/client/v2.0/app/{appId}/location}, where {@code {name}} matches exactly one non-empty path segment.
 *
 * <p>A template's text ({@code "POST /api/client/v2.0/auth/session"}) is also the key of the request counters.
 * Routes are added while the server is assembled and only read afterwards, so lookups need no locking.
 * A hand-written matcher is used because the JDK server only maps path prefixes and the emulator needs no more
 * than segment-wise templates.
 */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    /** A route: method, template and its endpoint. */
    public record Route(String method, String template, String[] segments, Endpoint endpoint) {

        /** The counter key, e.g. {@code "POST /api/client/v2.0/auth/session"}. */
        public String key() {
            return method + " " + template;
        }

        Optional<Map<String, String>> match(String[] pathSegments) {
            if (pathSegments.length != segments.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    if (pathSegments[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.substring(1, segment.length() - 1), pathSegments[i]);
                } else if (!segment.equals(pathSegments[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** The outcome of a lookup: the route and its path parameters. */
    public record Match(Route route, Map<String, String> parameters) {}

    public Router add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template, split(template), endpoint));
        return this;
    }

    /**
     * Finds the route for a request.
     *
     * @return the match, or empty when no template matches the path
     * @throws ServiceError 405 when a template matches the path but not the method
     */
    public Optional<Match> find(String method, String path) {
        String[] pathSegments = split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(pathSegments);
            if (parameters.isPresent()) {
                if (route.method().equals(method)) {
                    return Optional.of(new Match(route, parameters.get()));
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw ServiceError.methodNotAllowed(method, path);
        }
        return Optional.empty();
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }
}
