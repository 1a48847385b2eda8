package dev.appservices.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sample's only message factory. Every message the sample itself writes starts with a stable code from the range
 * {@code APPSVC0600}–{@code APPSVC0699}; a code is never reused. Messages name the request field, the key or the
 * setting that was wrong and never contain a password, token or key.
 * <p>
 * Request failures are {@link WebApplicationException}s that already carry their JSON response ({@link ErrorView}),
 * so Jakarta REST sends them as they are.
 */
final class SampleMessages {

    private SampleMessages() {}

    // 0600-0619: the embedded emulator

    static IllegalStateException emulatorFailedToStart(RuntimeException cause) {
        return new IllegalStateException(
                "APPSVC0600: the embedded App Services emulator did not start, so App '"
                        + SampleApp.ID + "' has no backend: " + cause.getMessage()
                        + " (configure " + SampleApp.BASE_URL_KEY + " to use another backend)",
                cause);
    }

    static String emulatorStarted(URI baseUrl, Optional<Path> dataDirectory) {
        return "APPSVC0601: no base URL is configured for App '" + SampleApp.ID + "' (" + SampleApp.BASE_URL_KEY
                + "), so the sample started the embedded App Services emulator at " + baseUrl
                + " with its demo configuration; its state is kept "
                + dataDirectory.map(directory -> "in " + directory).orElse("in memory only");
    }

    static String configuredBackend(String key, String source) {
        return "APPSVC0602: App '" + SampleApp.ID + "' uses the backend configured by " + key + " (config source "
                + source + "); the embedded emulator is not started";
    }

    static String emulatorStopped(URI baseUrl) {
        return "APPSVC0603: the embedded App Services emulator at " + baseUrl + " stopped";
    }

    // 0620-0649: requests (0620 is retired: Bean Validation checks the request bodies, see 0628)

    /** The message of a missing request body, for {@code @NotNull} on the body parameters of the resources. */
    static final String BODY_REQUIRED = "a JSON body is required";

    static WebApplicationException noCurrentUser(String operation) {
        return ErrorView.failure(
                Status.CONFLICT,
                "APPSVC0621: no user is logged in to App '" + SampleApp.ID + "', so the sample cannot " + operation
                        + "; log in first");
    }

    static WebApplicationException invalidFunctionArguments(String function, String problem) {
        return ErrorView.failure(
                Status.BAD_REQUEST,
                "APPSVC0622: the arguments of function '" + function
                        + "' must be a JSON array of (Extended JSON) values: " + problem);
    }

    static WebApplicationException unknownApiKey(String keyId) {
        return ErrorView.failure(
                Status.NOT_FOUND,
                "APPSVC0623: the sample did not create an API key with id '"
                        + keyId
                        + "' since the server started; a key's secret is only known when it is created, so create a "
                        + "new one");
    }

    static WebApplicationException noEmulatorAdmin(URI baseUrl) {
        return ErrorView.failure(
                Status.NOT_FOUND,
                "APPSVC0624: App '" + SampleApp.ID + "' uses the backend at "
                        + baseUrl
                        + ", not the embedded emulator, so pending confirmations are not known here: the backend "
                        + "sends them by email");
    }

    static WebApplicationException apiKeyWithoutSecret(String name) {
        return ErrorView.failure(
                Status.BAD_GATEWAY,
                "APPSVC0625: the backend created the API key '" + name
                        + "' but did not return its secret, so the sample cannot log in with it");
    }

    static WebApplicationException malformedBaseUrl(String reason) {
        return ErrorView.failure(
                Status.BAD_REQUEST, "APPSVC0626: 'baseUrl' is not a URL to switch the backend to: " + reason);
    }

    static WebApplicationException unreadableBody(String path) {
        return ErrorView.failure(
                Status.BAD_REQUEST,
                "APPSVC0627: the body of the request to " + path
                        + " is not the JSON object it takes (see the Sample section of README.adoc)");
    }

    /**
     * The answer to a request body that Bean Validation refused.
     *
     * @param path     the request's path
     * @param problems one per violation, such as {@code 'email' must not be blank}; never the refused value
     */
    static WebApplicationException invalidRequest(String path, List<String> problems) {
        return ErrorView.failure(
                Status.BAD_REQUEST,
                "APPSVC0628: the request to " + path + " is not valid: " + String.join("; ", problems));
    }

    // 0650-0659: notes

    static WebApplicationException unknownNote(String id) {
        return ErrorView.failure(Status.NOT_FOUND, "APPSVC0650: there is no note with id '" + id + "'");
    }

    static WebApplicationException noteNotWritable(String id) {
        return ErrorView.failure(
                Status.FORBIDDEN,
                "APPSVC0651: note '" + id + "' was not changed: it does not exist "
                        + "or belongs to another user, and the app's rules let only its owner change it");
    }
}
