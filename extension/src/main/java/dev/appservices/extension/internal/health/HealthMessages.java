package dev.appservices.extension.internal.health;

/**
 * The messages of the health checks ({@code APPSVC0460}–{@code APPSVC0469}). A check that fails says why in one line,
 * which is the coded message of the failure itself when it has one; no message holds a token, key or password.
 */
final class HealthMessages {

    private HealthMessages() {}

    /** The one-line reason of a failed check: the failure's own (coded) message, or a coded one for anything else. */
    static String reason(String appId, RuntimeException failure) {
        String message = failure.getMessage();
        if (message != null && message.startsWith("APPSVC")) {
            return firstLine(message);
        }
        return "APPSVC0460: the health check of App '" + appId + "' failed unexpectedly: "
                + failure.getClass().getName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
