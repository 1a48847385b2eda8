package dev.appservices.extension.internal.client;

import dev.appservices.extension.internal.telemetry.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint of the client protocol, once: its HTTP method, its path template under {@value #PREFIX} (with the
 * query the request always carries) and the {@code AppServicesApi} method that sends it. Messages name a request by
 * {@link #describe(String...)}, such as {@code POST /api/client/v2.0/app/my-app-abcde/functions/call}; tracing can
 * name it by {@link #label()}, the template, which holds no ids. {@code EndpointTest} checks the table against the
 * Rest Client annotations, so a new endpoint is one constant here plus its Rest Client method.
 */
public enum Endpoint {
    LOCATION("GET", "/app/{appId}/location", "location"),
    LOG_IN("POST", "/app/{appId}/auth/providers/{provider}/login", "logIn"),
    LINK("POST", "/app/{appId}/auth/providers/{provider}/login?link=true", "link"),
    PROFILE("GET", "/auth/profile", "profile"),
    REFRESH_SESSION("POST", "/auth/session", "refreshSession"),
    LOG_OUT("DELETE", "/auth/session", "logOut"),
    DELETE_USER("DELETE", "/auth/delete", "deleteUser"),
    CALL_FUNCTION("POST", "/app/{appId}/functions/call", "callFunction"),
    WATCH("GET", "/app/{appId}/functions/call?baas_request={request}", "watch"),
    REGISTER_USER("POST", "/app/{appId}/auth/providers/local-userpass/register", "registerUser"),
    CONFIRM_USER("POST", "/app/{appId}/auth/providers/local-userpass/confirm", "confirmUser"),
    RESEND_CONFIRMATION("POST", "/app/{appId}/auth/providers/local-userpass/confirm/send", "resendConfirmationEmail"),
    RETRY_CONFIRMATION("POST", "/app/{appId}/auth/providers/local-userpass/confirm/call", "retryCustomConfirmation"),
    SEND_RESET_EMAIL("POST", "/app/{appId}/auth/providers/local-userpass/reset/send", "sendResetPasswordEmail"),
    RESET_PASSWORD("POST", "/app/{appId}/auth/providers/local-userpass/reset", "resetPassword"),
    CALL_RESET_FUNCTION("POST", "/app/{appId}/auth/providers/local-userpass/reset/call", "callResetPasswordFunction"),
    CREATE_API_KEY("POST", "/auth/api_keys", "createApiKey"),
    FETCH_API_KEY("GET", "/auth/api_keys/{id}", "fetchApiKey"),
    FETCH_API_KEYS("GET", "/auth/api_keys", "fetchApiKeys"),
    DELETE_API_KEY("DELETE", "/auth/api_keys/{id}", "deleteApiKey"),
    ENABLE_API_KEY("PUT", "/auth/api_keys/{id}/enable", "enableApiKey"),
    DISABLE_API_KEY("PUT", "/auth/api_keys/{id}/disable", "disableApiKey");

    /** The path of the client API, the {@code @Path} of {@code AppServicesApi}. */
    public static final String PREFIX = "/api/client/v2.0";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final String method;
    private final String template;
    private final String restMethod;
    /** What traces and metrics call requests of this endpoint. */
    private final RequestKind kind;
    /** The template cut at its placeholders: literal, name, literal, name, …, literal. */
    private final List<String> parts = new ArrayList<>();

    Endpoint(String method, String template, String restMethod) {
        this.method = method;
        this.template = template;
        this.restMethod = restMethod;
        this.kind = new RequestKind("appservices " + shortName(template), method, PREFIX + withoutQuery(template));
    }

    /** The path after the App's part and without the query, such as {@code functions/call}. */
    private static String shortName(String template) {
        String path = withoutQuery(template);
        String appPart = "/app/{appId}";
        return (path.startsWith(appPart) ? path.substring(appPart.length()) : path).substring(1);
    }

    private static String withoutQuery(String template) {
        int query = template.indexOf('?');
        return query < 0 ? template : template.substring(0, query);
    }

    static {
        // an enum constructor cannot read the static pattern: the templates are cut once all constants exist
        for (Endpoint endpoint : values()) {
            String full = endpoint.template();
            Matcher matcher = PLACEHOLDER.matcher(full);
            int literalStart = 0;
            while (matcher.find()) {
                endpoint.parts.add(full.substring(literalStart, matcher.start()));
                endpoint.parts.add(matcher.group(1));
                literalStart = matcher.end();
            }
            endpoint.parts.add(full.substring(literalStart));
        }
    }

    /** The HTTP method, such as {@code POST}. */
    public String method() {
        return method;
    }

    /** The full path with its query and placeholders, such as {@code /api/client/v2.0/app/{appId}/location}. */
    public String template() {
        return PREFIX + template;
    }

    /** The method and template, such as {@code GET /api/client/v2.0/app/{appId}/location}; holds no ids. */
    public String label() {
        return method + " " + template();
    }

    /**
     * What traces and metrics call a request of this endpoint: the span name {@code appservices <path>}, such as
     * {@code appservices functions/call}, the method and the URL template without query; never an id.
     */
    public RequestKind kind() {
        return kind;
    }

    /**
     * A concrete request.
     *
     * @param values the values of the placeholders, as for {@link #describe(String...)}
     */
    Request request(String... values) {
        return new Request(this, describe(values), Optional.empty());
    }

    /** The names of the template's placeholders, in order. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /** The name of the {@code AppServicesApi} method that sends this request. */
    public String restMethod() {
        return restMethod;
    }

    /**
     * A concrete request as messages name it.
     *
     * @param values the values of the placeholders, in order (the app id first where the path has one)
     * @return such as {@code POST /api/client/v2.0/app/my-app-abcde/functions/call}
     * @throws IllegalArgumentException if the number of values is not the number of placeholders
     */
    public String describe(String... values) {
        if (values.length != parts.size() / 2) {
            throw new IllegalArgumentException(
                    name() + " takes " + placeholders() + ", not " + values.length + " values");
        }
        StringBuilder text = new StringBuilder(method).append(' ').append(parts.get(0));
        for (int i = 0; i < values.length; i++) {
            text.append(values[i]).append(parts.get(2 * i + 2));
        }
        return text.toString();
    }
}
