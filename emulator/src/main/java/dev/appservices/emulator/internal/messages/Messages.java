package dev.appservices.emulator.internal.messages;

import dev.appservices.emulator.EmulatorException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The emulator's only message factory: every message the emulator itself invents starts with a stable code from the
 * range {@code APPSVC0500}–{@code APPSVC0599}. Wire messages that imitate the real service's text (for example
 * {@code "invalid session"}) are not produced here; they live in {@link dev.appservices.emulator.internal.http.ServiceError}.
 *
 * <p>Codes are never reused. Messages never contain a token, password or key.
 */
public final class Messages {

    private Messages() {}

    // 0500-0519: configuration and start-up

    public static EmulatorException configUnreadable(Path file, Exception cause) {
        return new EmulatorException(
                "APPSVC0500: cannot read the emulator configuration file " + file + ": " + cause.getMessage(), cause);
    }

    public static EmulatorException configInvalid(String source, String key, String problem) {
        return new EmulatorException(
                "APPSVC0501: invalid emulator configuration " + source + " at '" + key + "': " + problem);
    }

    public static EmulatorException duplicateApp(String appId) {
        return new EmulatorException("APPSVC0502: the app id '" + appId + "' is defined more than once");
    }

    public static EmulatorException unknownFunction(String appId, String key, String function) {
        return new EmulatorException("APPSVC0503: app '" + appId + "' refers to the function '" + function + "' at '"
                + key + "', but no function of that name is registered");
    }

    public static EmulatorException functionWithoutName(String className) {
        return new EmulatorException("APPSVC0504: the EmulatorFunction " + className
                + " was found through ServiceLoader but does not override name()");
    }

    public static EmulatorException duplicateFunction(String scope, String name) {
        return new EmulatorException("APPSVC0505: the function '" + name + "' is registered twice (" + scope + ")");
    }

    public static EmulatorException cannotBind(String host, int port, Exception cause) {
        return new EmulatorException(
                "APPSVC0506: the emulator cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
    }

    public static EmulatorException invalidArgument(String name, String problem) {
        return new EmulatorException("APPSVC0507: invalid value for " + name + ": " + problem);
    }

    public static EmulatorException functionForUnknownApp(String appId, String function) {
        return new EmulatorException("APPSVC0508: the function '" + function + "' is registered for app '" + appId
                + "', which is not defined");
    }

    public static EmulatorException configResourceMissing(String resource) {
        return new EmulatorException(
                "APPSVC0509: the configuration resource '" + resource + "' is not on the class path");
    }

    public static EmulatorException embeddedStoreFailed(Exception cause) {
        return new EmulatorException(
                "APPSVC0510: the embedded MongoDB store could not start: " + cause.getMessage(), cause);
    }

    public static EmulatorException storeUnreachable(String redactedUri, Exception cause) {
        return new EmulatorException(
                "APPSVC0511: the MongoDB deployment " + redactedUri + " cannot be reached: " + cause.getMessage(),
                cause);
    }

    public static EmulatorException invalidUri(String problem) {
        return new EmulatorException("APPSVC0512: invalid MongoDB connection string: " + problem);
    }

    /** A rules or custom user data setting that cannot work, named by its configuration key. */
    public static EmulatorException invalidSetting(String key, String problem) {
        return new EmulatorException("APPSVC0513: invalid value for " + key + ": " + problem);
    }

    // 0520-0529: data directory and data store

    public static EmulatorException dataUnreadable(Path file, Exception cause) {
        return new EmulatorException(
                "APPSVC0520: the emulator data file " + file + " cannot be read; it was left untouched: "
                        + cause.getMessage(),
                cause);
    }

    public static EmulatorException dataUnwritable(Path file, Exception cause) {
        return new EmulatorException(
                "APPSVC0521: the emulator data file " + file + " cannot be written: " + cause.getMessage(), cause);
    }

    public static String embeddedStoreLacks(String feature) {
        return "APPSVC0522: the embedded data store cannot run " + feature
                + "; start the emulator with --mongodb-uri to use a real MongoDB deployment";
    }

    // 0530-0559: request handling (these texts go into error bodies on the wire)

    public static String noSuchEndpoint(String method, String path) {
        return "APPSVC0530: no such endpoint: " + method + " " + path;
    }

    public static String methodNotAllowed(String method, String path) {
        return "APPSVC0531: method " + method + " is not allowed on " + path;
    }

    public static String malformedJson(String detail) {
        return "APPSVC0532: the request body is not valid JSON: " + detail;
    }

    public static String notAnObject() {
        return "APPSVC0533: the request body must be a JSON object";
    }

    public static String wrongType(String field, String expected) {
        return "APPSVC0534: '" + field + "' must be " + expected;
    }

    public static String missingField(String field) {
        return "APPSVC0535: '" + field + "' is required";
    }

    public static String bodyTooLarge(long limit) {
        return "APPSVC0536: the request body exceeds the limit of " + limit + " bytes";
    }

    public static String stateDatabaseReserved(String database) {
        return "APPSVC0537: the database '" + database + "' holds the emulator's own state; the MongoDB service"
                + " cannot reach it";
    }

    public static String internalError(String requestId) {
        return "APPSVC0538: the emulator failed to process the request (id " + requestId + "); see its log";
    }

    public static String nestingTooDeep() {
        return "APPSVC0539: the request body is nested too deeply";
    }

    public static String unknownAdminApp(String appId) {
        return "APPSVC0540: no app with id '" + appId + "' is defined in the emulator";
    }

    public static String unknownAdminUser(String appId, String userId) {
        return "APPSVC0541: app '" + appId + "' has no user with id '" + userId + "'";
    }

    public static String noMongoService(String appId) {
        return "APPSVC0564: app '" + appId + "' declares no MongoDB service ('mongodb' in its configuration)";
    }

    public static String invalidFault(String problem) {
        return "APPSVC0542: invalid fault specification: " + problem;
    }

    public static String functionNotConfigured(String appId, String kind) {
        return "APPSVC0543: app '" + appId + "' has no " + kind + " function configured";
    }

    public static String authFunctionResult(String function) {
        return "APPSVC0544: the authentication function '" + function
                + "' must return a non-empty string or a document with a string 'id'";
    }

    public static String statusFunctionResult(String function) {
        return "APPSVC0545: the function '" + function
                + "' must return a document whose 'status' is \"success\", \"pending\" or \"fail\"";
    }

    public static String customTokenRejected(String reason) {
        return "APPSVC0546: the custom JWT was rejected: " + reason;
    }

    public static String invalidClockAdvance(long maxSeconds) {
        return "APPSVC0547: 'seconds' must be a number from 0 to " + maxSeconds
                + " (the emulator's clock only moves forward)";
    }

    public static String invalidExtendedJson(String field, String expected) {
        return "APPSVC0548: '" + field + "' is not valid Extended JSON: " + expected;
    }

    public static String noArguments(String operation) {
        return "APPSVC0549: " + operation + " takes one argument, a document with 'database' and 'collection'";
    }

    public static String replacementWithOperators(String field) {
        return "APPSVC0551: '" + field + "' is a replacement document and may not contain update operators";
    }

    public static String updateWithoutOperators(String field) {
        return "APPSVC0552: '" + field + "' must be an update document of operators ($set, $inc, …) or a pipeline";
    }

    public static String projectionOperator(String field) {
        return "APPSVC0553: projection operators such as '" + field + "' are not supported; project fields with 0 or 1";
    }

    public static String aggregateHiddenFields(String namespace) {
        return "APPSVC0554: aggregate is not permitted on namespace '" + namespace
                + "' for a role that hides fields; use find or run the pipeline in a function as system";
    }

    public static String aggregateOutput(String stage) {
        return "APPSVC0555: the stage " + stage + " is not permitted for users; run it in a function as system";
    }

    public static String invalidWatchRequest(String problem) {
        return "APPSVC0556: invalid watch request: " + problem;
    }

    public static String invalidRule(String namespace, String problem) {
        return "APPSVC0557: a rule of namespace '" + namespace + "' cannot be evaluated: " + problem;
    }

    public static String invalidArgument(String problem) {
        return "APPSVC0558: invalid argument: " + problem;
    }

    public static String watchSessionEnded() {
        return "APPSVC0559: the watch stream ended because the user's session ended";
    }

    public static String sessionSweepFailed(String failure) {
        return "APPSVC0524: removing the expired sessions from the state store failed (" + failure
                + "); the next sweep tries again in ten minutes";
    }

    public static String stateWriteFailed(int failed, int queued, String collection, String failure) {
        return "APPSVC0525: " + failed + " of " + queued + " queued changes to the state collection '" + collection
                + "' could not be written (" + failure + "); this emulator process goes on as if they were, but the"
                + " state store, and so the next start, lacks them";
    }

    public static String watchFailed(String failure) {
        return "APPSVC0523: the watch stream ended because an event could not be prepared (" + failure
                + "); see the emulator's log";
    }

    // 0560-0564: admin client

    public static EmulatorException adminCallFailed(String method, String route, int status, String body) {
        return new EmulatorException("APPSVC0560: the emulator admin call " + method + " " + route
                + " failed with HTTP " + status + ": " + body);
    }

    public static EmulatorException adminUnreachable(String method, String route, Exception cause) {
        return new EmulatorException(
                "APPSVC0561: the emulator admin call " + method + " " + route + " could not reach the emulator: "
                        + cause,
                cause);
    }

    public static EmulatorException adminInterrupted(String method, String route) {
        return new EmulatorException(
                "APPSVC0562: the emulator admin call " + method + " " + route + " was interrupted");
    }

    public static EmulatorException adminBadResponse(String route, Exception cause) {
        return new EmulatorException(
                "APPSVC0563: the emulator admin call " + route + " returned a body that cannot be read: "
                        + cause.getMessage(),
                cause);
    }

    // 0565-0579: apps exported from App Services (their directory, secrets and what is ignored)

    public static EmulatorException notAnExport(Path directory) {
        return new EmulatorException("APPSVC0565: " + directory + " is not an App Services export: it has none of"
                + " root_config.json, realm_config.json, config.json, stitch.json");
    }

    public static EmulatorException invalidJson(Path file, int line, int column, String problem) {
        return new EmulatorException(
                "APPSVC0566: " + file + " is not valid JSON at line " + line + ", column " + column + ": " + problem);
    }

    public static EmulatorException invalidContent(Path file, String key, String problem) {
        return new EmulatorException("APPSVC0567: invalid exported app file " + file + " at '" + key + "': " + problem);
    }

    public static EmulatorException functionFileMissing(Path directory, String function, Path expected) {
        return new EmulatorException("APPSVC0568: the function '" + function + "' of the app in " + directory
                + " has no code: " + expected + " is missing");
    }

    public static EmulatorException secretsMissing(Path directory, Collection<String> names) {
        return new EmulatorException(
                "APPSVC0569: the app in " + directory + " needs the secrets " + new TreeSet<>(names)
                        + ", which nobody gave: put them in the --secrets file or in environment variables"
                        + " APPSERVICES_SECRET_<NAME>");
    }

    public static EmulatorException secretsUnreadable(Path file, String problem) {
        return new EmulatorException("APPSVC0570: cannot read the secrets file " + file + ": " + problem);
    }

    public static EmulatorException noAppId(Path directory) {
        return new EmulatorException("APPSVC0571: the export in " + directory + " names no client app id"
                + " (app_id, or client_app_id in .mdb/meta.json): give one with --app-id");
    }

    public static EmulatorException unknownFunction(Path file, String key, String function) {
        return new EmulatorException("APPSVC0572: " + file + " at '" + key + "' names the function '" + function
                + "', which functions/ does not define");
    }

    public static EmulatorException unknownExpansion(Path file, String expansion, String environment) {
        return new EmulatorException("APPSVC0573: " + file + " uses " + expansion + ", which the environment '"
                + environment + "' does not define");
    }

    public static EmulatorException unreadable(Path path, Exception cause) {
        return new EmulatorException(
                "APPSVC0574: cannot read the exported app file " + path + ": " + cause.getMessage(), cause);
    }

    public static EmulatorException notADirectory(Path directory) {
        return new EmulatorException(
                "APPSVC0575: the app directory " + directory + " does not exist or is not a" + " directory");
    }

    public static EmulatorException resourceNotADirectory(String resource, String url) {
        return new EmulatorException("APPSVC0577: the class-path resource '" + resource + "' is not a file or"
                + " directory of the file system (" + url + "); exported apps and secrets files are read from files");
    }

    public static String ignored(String part, String why) {
        return "APPSVC0576: ignored " + part + ": " + why;
    }

    // 0580-0581: command line and test support

    public static UsageException usage(String problem) {
        return new UsageException("APPSVC0580: " + problem + System.lineSeparator()
                + "usage: java -jar appservices-emulator.jar [--port N] [--host HOST] [--config FILE]"
                + " [--data-dir DIR] [--mongodb-uri URI] [--state-database NAME] [--app DIR [--app-id ID]]..."
                + " [--secrets FILE]"
                + " [--allow-http HOST[,HOST...]] [--function-time-limit SECONDS]");
    }

    public static EmulatorException extensionMisplaced() {
        return new EmulatorException("APPSVC0581: EmulatorExtension must be registered on a static field"
                + " or through @ExtendWith/@AppServicesEmulatorTest (it starts one emulator per test class)");
    }

    // 0582-0598: JavaScript functions (these texts go to clients as FunctionExecutionError)

    public static String requireUnsupported(String module) {
        return "APPSVC0582: require('" + module + "') is not supported: the emulator runs functions without npm"
                + " dependencies or Node.js modules";
    }

    public static String notAFunction(String function) {
        return "APPSVC0583: the function '" + function + "' does not export a function"
                + " (expected exports = function (...) { ... })";
    }

    public static String unknownService(String service, Collection<String> known) {
        return "APPSVC0584: the app has no MongoDB data source named '" + service + "' (it has " + new TreeSet<>(known)
                + ")";
    }

    public static String httpHostNotAllowed(String host) {
        return "APPSVC0586: context.http may not reach host '" + host + "'; the emulator's operator allows hosts"
                + " with --allow-http";
    }

    public static String httpFailed(String url, String problem) {
        return "APPSVC0587: context.http request to " + url + " failed: " + problem;
    }

    public static String httpBadRequest(String problem) {
        return "APPSVC0588: invalid context.http request: " + problem;
    }

    public static String neverSettled(String function) {
        return "APPSVC0589: the function '" + function + "' returned a promise that never settled";
    }

    public static String resultNotEjson(String problem) {
        return "APPSVC0590: the function's result cannot be written as Extended JSON: " + problem;
    }

    public static String timeLimit(Duration limit) {
        return "APPSVC0592: execution time limit exceeded: the function ran longer than " + limit.toMillis()
                + " ms and was stopped";
    }

    public static String internalFailure(String problem) {
        return "APPSVC0591: the JavaScript runtime failed: " + problem;
    }
}
