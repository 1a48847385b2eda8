package dev.appservices.emulator.internal.control;

import dev.appservices.emulator.internal.json.ErrorBody;
import dev.appservices.emulator.internal.json.JsonSupport;
import dev.appservices.emulator.internal.messages.Messages;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One injected fault: which requests it matches, how many more it applies to, and what it does to them.
 *
 * <p>Created from a validated {@link FaultDefinition}; the remaining count is the only mutable state and is claimed
 * atomically by {@link #claim()}, so concurrent requests never consume more applications than were asked for.
 */
public final class Fault {

    /** What a fault does after its delay. */
    enum Action {
        NONE,
        STATUS,
        REDIRECT,
        BODY,
        MALFORMED_JSON,
        DROP;

        static Action parse(String text) {
            if (text == null) {
                return NONE;
            }
            return switch (text) {
                case "none" -> NONE;
                case "status" -> STATUS;
                case "redirect" -> REDIRECT;
                case "body" -> BODY;
                case "malformedJson" -> MALFORMED_JSON;
                case "drop" -> DROP;
                default ->
                    throw invalid("unknown action '" + text
                            + "' (expected none, status, redirect, body, malformedJson or drop)");
            };
        }
    }

    /** A delay longer than this is refused: it would hold a worker thread for no useful test. */
    private static final long MAX_DELAY_MS = 600_000;

    /** The protocol's only JSON content type. */
    private static final String JSON = "application/json";

    /** A JSON body cut off in the middle: what a truncated response looks like to a client. */
    private static final String MALFORMED_JSON = "{\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.";

    private final String id;
    private final FaultDefinition definition;
    private final String method;
    private final Pattern pathPattern;
    private final Action action;
    private final AtomicInteger remaining;

    private Fault(String id, FaultDefinition definition, Pattern pathPattern, Action action) {
        this.id = id;
        this.definition = definition;
        this.method = definition.method() == null ? null : definition.method().toUpperCase(Locale.ROOT);
        this.pathPattern = pathPattern;
        this.action = action;
        this.remaining = new AtomicInteger(definition.times() == null ? -1 : definition.times());
    }

    /**
     * Validates a definition and creates the fault.
     *
     * @throws InvalidFaultException naming the first problem
     */
    static Fault of(String id, FaultDefinition definition) {
        if ((definition.path() == null) == (definition.pathRegex() == null)) {
            throw invalid("exactly one of 'path' (a glob) and 'pathRegex' is required");
        }
        Pattern pattern;
        try {
            pattern = definition.path() != null
                    ? Glob.toPattern(definition.path())
                    : Pattern.compile(definition.pathRegex());
        } catch (PatternSyntaxException e) {
            throw invalid("'pathRegex' is not a regular expression: " + e.getDescription());
        }
        if (definition.times() != null && definition.times() < 1) {
            throw invalid("'times' must be at least 1 (omit it to apply the fault until cleared)");
        }
        if (definition.delayMs() != null && (definition.delayMs() < 0 || definition.delayMs() > MAX_DELAY_MS)) {
            throw invalid("'delayMs' must be between 0 and " + MAX_DELAY_MS);
        }
        Action action = Action.parse(definition.action());
        Integer status = definition.status();
        switch (action) {
            case STATUS -> {
                if (status == null || status < 400 || status > 599) {
                    throw invalid("action 'status' needs a 'status' between 400 and 599");
                }
            }
            case REDIRECT -> {
                if (status == null || (status != 301 && status != 308)) {
                    throw invalid("action 'redirect' needs 'status' 301 or 308");
                }
                if (definition.location() == null || definition.location().isBlank()) {
                    throw invalid("action 'redirect' needs a 'location' (the base URL to redirect to)");
                }
            }
            case BODY -> {
                if (status != null && (status < 200 || status > 599)) {
                    throw invalid("'status' must be between 200 and 599");
                }
                if (definition.body() == null) {
                    throw invalid("action 'body' needs a 'body'");
                }
            }
            default -> {
                // NONE, MALFORMED_JSON and DROP take no further settings
            }
        }
        return new Fault(id, definition, pattern, action);
    }

    public String id() {
        return id;
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod))
                && pathPattern.matcher(path).matches();
    }

    /** Claims one application; {@code false} when the fault is used up. */
    boolean claim() {
        while (true) {
            int left = remaining.get();
            if (left < 0) {
                return true;
            }
            if (left == 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    boolean usedUp() {
        return remaining.get() == 0;
    }

    /** The definition with the number of applications still left in {@code times}. */
    FaultDefinition describe() {
        int left = remaining.get();
        FaultDefinition d = definition;
        return new FaultDefinition(
                d.method(),
                d.path(),
                d.pathRegex(),
                left < 0 ? null : left,
                d.delayMs(),
                d.action() == null ? "none" : d.action(),
                d.status(),
                d.errorCode(),
                d.message(),
                d.location(),
                d.contentType(),
                d.body());
    }

    /** Waits for the fault's delay, if any. */
    public void pause() throws InterruptedException {
        if (definition.delayMs() != null && definition.delayMs() > 0) {
            Thread.sleep(definition.delayMs());
        }
    }

    /** Whether the connection is to be closed without any response. */
    public boolean dropsConnection() {
        return action == Action.DROP;
    }

    /**
     * What an injected fault answers instead of the endpoint.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}, or {@code null} without a body
     * @param body the body bytes (empty for none)
     * @param headers further response headers
     */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {}

    /** The injected reply, or empty when the request is to be handled normally (after the delay). */
    public Optional<Reply> reply() {
        FaultDefinition d = definition;
        return switch (action) {
            case STATUS ->
                Optional.of(new Reply(
                        d.status(),
                        JSON,
                        utf8(JsonSupport.toJson(new ErrorBody(
                                        d.message() == null ? "injected fault" : d.message(),
                                        d.errorCode() == null ? "InternalServerError" : d.errorCode(),
                                        "")
                                .toDocument())),
                        Map.of()));
            case REDIRECT -> Optional.of(new Reply(d.status(), null, new byte[0], Map.of("Location", d.location())));
            case BODY ->
                Optional.of(new Reply(
                        d.status() == null ? 200 : d.status(),
                        d.contentType() == null ? "text/html" : d.contentType(),
                        utf8(d.body()),
                        Map.of()));
            case MALFORMED_JSON -> Optional.of(new Reply(200, JSON, utf8(MALFORMED_JSON), Map.of()));
            case NONE, DROP -> Optional.empty();
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidFaultException invalid(String problem) {
        return new InvalidFaultException(Messages.invalidFault(problem));
    }
}
