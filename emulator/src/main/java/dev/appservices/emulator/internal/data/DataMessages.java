package dev.appservices.emulator.internal.data;

import dev.appservices.emulator.EmulatorException;

/**
 * The messages of the data service, codes {@code APPSVC0800}–{@code APPSVC0849}; a code is never reused. Messages
 * name the argument, the namespace or the configuration key, never a secret (a MongoDB URI's password is cut).
 */
public final class DataMessages {

    private DataMessages() {
    }

    public static String missingArgument(String field) {
        return "APPSVC0800: '" + field + "' is required";
    }

    public static String wrongType(String field, String expected) {
        return "APPSVC0801: '" + field + "' must be " + expected;
    }

    public static String noArguments(String operation) {
        return "APPSVC0802: " + operation + " takes one argument, a document with 'database' and 'collection'";
    }

    public static String replacementMissing() {
        return "APPSVC0803: findOneAndReplace needs the replacement document in 'update'; to delete, call"
                + " findOneAndDelete";
    }

    public static String replacementWithOperators(String field) {
        return "APPSVC0804: '" + field + "' is a replacement document and may not contain update operators";
    }

    public static String updateWithoutOperators(String field) {
        return "APPSVC0805: '" + field + "' must be an update document of operators ($set, $inc, …) or a pipeline";
    }

    public static String projectionOperator(String field) {
        return "APPSVC0806: projection operators such as '" + field + "' are not supported; project fields with 0 or 1";
    }

    public static String aggregateHiddenFields(Namespace namespace) {
        return "APPSVC0807: aggregate is not permitted on namespace '" + namespace
                + "' for a role that hides fields; use find or run the pipeline in a function as system";
    }

    public static String aggregateOutput(String stage) {
        return "APPSVC0808: the stage " + stage + " is not permitted for users; run it in a function as system";
    }

    public static String duplicateKey(String detail) {
        return "Duplicate key error: " + detail;
    }

    public static EmulatorException embeddedStoreFailed(Exception cause) {
        return new EmulatorException("APPSVC0810: the embedded MongoDB store could not start: " + cause.getMessage(),
                cause);
    }

    public static EmulatorException storeUnreachable(String redactedUri, Exception cause) {
        return new EmulatorException("APPSVC0811: the MongoDB deployment " + redactedUri + " cannot be reached: "
                + cause.getMessage(), cause);
    }

    public static EmulatorException invalidUri(String problem) {
        return new EmulatorException("APPSVC0812: invalid MongoDB connection string: " + problem);
    }

    /** A rules or custom user data setting that cannot work, named by its configuration key. */
    public static EmulatorException invalidSetting(String key, String problem) {
        return new EmulatorException("APPSVC0813: invalid value for " + key + ": " + problem);
    }

    public static String watchSessionEnded() {
        return "APPSVC0814: the watch stream ended because the user's session ended";
    }

    public static String watchEmulatorStopped() {
        return "APPSVC0815: the watch stream ended because the emulator stopped";
    }

    public static String invalidWatchRequest(String problem) {
        return "APPSVC0816: invalid watch request: " + problem;
    }

    public static String invalidRule(Namespace namespace, String problem) {
        return "APPSVC0817: a rule of namespace '" + namespace + "' cannot be evaluated: " + problem;
    }

    public static String invalidArgument(String problem) {
        return "APPSVC0818: invalid argument: " + problem;
    }
}
