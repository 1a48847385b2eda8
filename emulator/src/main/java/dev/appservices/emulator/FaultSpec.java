package dev.appservices.emulator;

import dev.appservices.emulator.internal.control.FaultDefinition;
import dev.appservices.emulator.internal.messages.Messages;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject with {@link EmulatorAdmin#injectFault(FaultSpec)}: which requests it hits (a path pattern and
 * optionally a method), how often, and what happens to them.
 *
 * <pre>{@code
 * admin.injectFault(FaultSpec.onPath("/api/client/v2.0/auth/session").method("POST").times(1)
 *         .error(503, "InternalServerError", "maintenance"));
 * admin.injectFault(FaultSpec.onPath("/api/client/v2.0/app/sample/functions/call").delay(Duration.ofSeconds(2))
 *         .delayOnly());
 * admin.injectFault(FaultSpec.onPathRegex(".+/location").redirect(308, URI.create("http://127.0.0.1:9091")));
 * }</pre>
 *
 * <p>Faults never apply to the admin API itself ({@code /emulator/v1/...}). When several faults match a request,
 * the one injected first applies. Immutable and thread-safe; the {@link Builder} is not thread-safe.
 *
 * @since 0.1
 */
public final class FaultSpec {

    private final FaultDefinition definition;

    private FaultSpec(FaultDefinition definition) {
        this.definition = definition;
    }

    /**
     * Starts a fault for the request paths matching a glob: {@code *} matches within one path segment, {@code **}
     * across segments, {@code ?} one character; the query string is not part of the path.
     *
     * @param glob e.g. {@code /api/client/v2.0/app/sample/auth/providers/?*} or {@code /api/client/**}
     * @return a builder
     */
    public static Builder onPath(String glob) {
        return new Builder(Objects.requireNonNull(glob, "glob"), null);
    }

    /**
     * Starts a fault for the request paths matching a regular expression (the whole path must match).
     *
     * @param regex e.g. {@code .+/auth/providers/.+/login}
     * @return a builder
     */
    public static Builder onPathRegex(String regex) {
        return new Builder(null, Objects.requireNonNull(regex, "regex"));
    }

    FaultDefinition definition() {
        return definition;
    }

    @Override
    public String toString() {
        FaultDefinition d = definition;
        return "FaultSpec[" + (d.method() == null ? "*" : d.method()) + " "
                + (d.path() != null ? d.path() : "~" + d.pathRegex()) + ", action=" + d.action()
                + (d.times() == null ? "" : ", times=" + d.times()) + "]";
    }

    /**
     * Builds a {@link FaultSpec}: optional settings first, then one of the terminal methods that names the fault's
     * action. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final String glob;
        private final String regex;
        private String method;
        private Integer times;
        private Long delayMs;

        private Builder(String glob, String regex) {
            this.glob = glob;
            this.regex = regex;
        }

        /**
         * Restricts the fault to one HTTP method (default: any).
         *
         * @param value e.g. {@code POST}
         * @return this builder
         */
        public Builder method(String value) {
            this.method = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Applies the fault to the next {@code count} matching requests only (default: until cleared).
         *
         * @param count at least 1
         * @return this builder
         * @throws EmulatorException {@code APPSVC0507} if {@code count} is less than 1
         */
        public Builder times(int count) {
            if (count < 1) {
                throw Messages.invalidArgument("times", count + " is less than 1");
            }
            this.times = count;
            return this;
        }

        /**
         * Delays matching requests before the action (or before normal handling for {@link #delayOnly()}).
         *
         * @param delay at most ten minutes
         * @return this builder
         */
        public Builder delay(Duration delay) {
            this.delayMs = Objects.requireNonNull(delay, "delay").toMillis();
            return this;
        }

        /**
         * Only delays matching requests, which are then handled normally.
         *
         * @return the fault
         */
        public FaultSpec delayOnly() {
            return build("none", null, null, null, null, null, null);
        }

        /**
         * Answers matching requests with an error body {@code {"error","error_code","link"}}.
         *
         * @param status an HTTP status from 400 to 599
         * @param errorCode the {@code error_code}, e.g. {@code InternalServerError}
         * @param message the {@code error} message
         * @return the fault
         */
        public FaultSpec error(int status, String errorCode, String message) {
            return build(
                    "status",
                    status,
                    Objects.requireNonNull(errorCode, "errorCode"),
                    Objects.requireNonNull(message, "message"),
                    null,
                    null,
                    null);
        }

        /**
         * Answers matching requests with a redirect whose {@code Location} is a new base URL, as the service does
         * when an app moved (protocol.md §1).
         *
         * @param status 301 or 308
         * @param baseUrl the {@code Location} header value
         * @return the fault
         */
        public FaultSpec redirect(int status, URI baseUrl) {
            return build(
                    "redirect",
                    status,
                    null,
                    null,
                    Objects.requireNonNull(baseUrl, "baseUrl").toString(),
                    null,
                    null);
        }

        /**
         * Answers matching requests with an arbitrary body, e.g. a proxy's HTML error page.
         *
         * @param status an HTTP status from 200 to 599
         * @param contentType the {@code Content-Type}
         * @param body the body text
         * @return the fault
         */
        public FaultSpec body(int status, String contentType, String body) {
            return build(
                    "body",
                    status,
                    null,
                    null,
                    null,
                    Objects.requireNonNull(contentType, "contentType"),
                    Objects.requireNonNull(body, "body"));
        }

        /**
         * Answers matching requests with 200, {@code Content-Type: application/json} and a truncated JSON body.
         *
         * @return the fault
         */
        public FaultSpec malformedJson() {
            return build("malformedJson", null, null, null, null, null, null);
        }

        /**
         * Closes the connection of matching requests without any response.
         *
         * @return the fault
         */
        public FaultSpec dropConnection() {
            return build("drop", null, null, null, null, null, null);
        }

        private FaultSpec build(
                String action,
                Integer status,
                String errorCode,
                String message,
                String location,
                String contentType,
                String body) {
            return new FaultSpec(new FaultDefinition(
                    method,
                    glob,
                    regex,
                    times,
                    delayMs,
                    action,
                    status,
                    errorCode,
                    message,
                    location,
                    contentType,
                    body));
        }
    }
}
